import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '@sales/command-line';
import { lockOutFolder, OUT_LOCK } from '../../src/run/out-lock';

let out: string;
beforeEach(() => (out = mkdtempSync(join(tmpdir(), 'sales-local-lock-'))));
afterEach(() => rmSync(out, { recursive: true, force: true }));

/** The pid of a process that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid;

describe('lockOutFolder', () => {
  test('writes its pid and removes the lock on release', () => {
    const lock = lockOutFolder(out, process.pid);
    expect(readFileSync(join(out, OUT_LOCK), 'utf8')).toBe(`${process.pid}\n`);

    lock.release();
    lock.release();

    expect(existsSync(join(out, OUT_LOCK))).toBe(false);
  });

  test('refuses a folder a live process holds, naming --out and the holder', () => {
    const held = lockOutFolder(out, process.pid);

    expect(() => lockOutFolder(out, process.pid + 1)).toThrow(UsageError);
    expect(() => lockOutFolder(out, process.pid + 1)).toThrow(
      `--out "${out}" is in use by another npm run local (pid ${process.pid})`,
    );
    held.release();
  });

  test('takes over a stale lock whose holder is gone', () => {
    writeFileSync(join(out, OUT_LOCK), `${deadPid()}\n`);

    const lock = lockOutFolder(out, process.pid);

    expect(readFileSync(join(out, OUT_LOCK), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
  });

  test('takes over an unreadable lock', () => {
    writeFileSync(join(out, OUT_LOCK), 'garbage');

    lockOutFolder(out, process.pid).release();

    expect(existsSync(join(out, OUT_LOCK))).toBe(false);
  });
});
