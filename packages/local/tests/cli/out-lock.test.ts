import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUT_MARKER } from '../../src/run/out-folder';
import { OUT_LOCK } from '../../src/run/out-lock';
import { runLocal, startLocal } from './spawn-local';

let home: string;
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'sales-local-lock-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** Lines the CLI itself wrote (npm adds none on stderr for a failed script, but be explicit). */
const cliLines = (stderr: string): string[] => stderr.split('\n').filter((line) => line.startsWith('sales-local:'));

describe('npm run local on an --out another run holds', () => {
  test('the second run exits 2 at once with one line naming --out and the holder, the first finishes', async () => {
    const out = join(home, 'lake');
    const first = startLocal(['--orders', '20000', '--out', out]);
    await first.waitForStderr('start database');

    const second = await runLocal(['--orders', '5', '--out', out, '--quiet'], {}, 'npm');

    expect(second.code).toBe(2);
    expect(cliLines(second.stderr)).toEqual([
      `sales-local: --out "${out}" is in use by another npm run local (pid ${first.child.pid}); wait for it to end or give another --out (see --help)`,
    ]);
    expect(second.ms).toBeLessThan(30_000);
    first.child.kill('SIGINT');
    expect((await first.finished).code).toBe(130);
    expect(existsSync(join(out, OUT_LOCK))).toBe(false);
  }, 120_000);

  test('a stale lock (its holder is gone) is taken over', async () => {
    const out = join(home, 'lake');
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    expect((await runLocal(['--orders', '5', '--out', out, '--quiet'])).code).toBe(0);
    writeFileSync(join(out, OUT_LOCK), `${gone}\n`);

    const result = await runLocal(['--orders', '5', '--out', out, '--quiet'], {}, 'npm');

    expect(result.code).toBe(0);
    expect(existsSync(join(out, OUT_LOCK))).toBe(false);
    expect(readFileSync(join(out, OUT_MARKER), 'utf8')).not.toBe('');
  }, 120_000);
});
