import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, runLocal } from './spawn-local';

let home: string;
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'sales-local-pipe-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

/**
 * Runs `npm <args>` at the repository root with a reader that closes stdout after `keepLines` lines, as
 * `| head -1` (1) or `| true` (0) do.
 */
function runNpmClosingStdout(
  args: readonly string[],
  keepLines: number,
): Promise<{ code: number | null; stderr: string; lines: string[] }> {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const close = (): void => void child.stdout.destroy();
    if (keepLines === 0) close();
    else
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.split('\n').length > keepLines) close();
      });
    child.on('close', (code) => resolve({ code, stderr, lines: text.split('\n').slice(0, keepLines) }));
  });
}

describe('npm run local with a reader that closes stdout', () => {
  test('`npm run -s local -- --help | true` exits 0 quietly', async () => {
    const result = await runNpmClosingStdout(['run', '-s', 'local', '--', '--help'], 0);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  }, 60_000);

  test('`npm run -s local -- --sql "SELECT 1" | true` exits 0 quietly', async () => {
    const out = join(home, 'lake');
    expect((await runLocal(['--orders', '5', '--out', out, '--quiet'])).code).toBe(0);

    const result = await runNpmClosingStdout(['run', '-s', 'local', '--', '--out', out, '--sql', 'SELECT 1'], 0);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  }, 120_000);

  test('`npm run local | head -1` finishes the run and exits with its code, no EPIPE', async () => {
    const out = join(home, 'lake');

    const result = await runNpmClosingStdout(['run', 'local', '--', '--orders', '5', '--out', out, '--quiet'], 1);

    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/EPIPE|at .*\(/);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  }, 120_000);
});
