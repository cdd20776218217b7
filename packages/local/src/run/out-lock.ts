/**
 * lockOutFolder: one run at a time per `--out`, so two runs never publish over each other's results.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '@sales/command-line';

/** The lock file in `--out`; it holds the pid of the run that holds the folder. */
export const OUT_LOCK = '.sales-local.lock';

/** A held lock on `--out`. */
export interface OutLock {
  /** Removes the lock file if this process still holds it. Safe to call twice. */
  release(): void;
}

const errnoCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/**
 * Whether a process with this pid is alive (signal 0 checks without sending; `EPERM` means it exists as another user).
 *
 * @param pid - A process id.
 * @returns `true` when the process exists.
 */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

/** The pid written in a lock file, or `undefined` when it is gone or unreadable. */
function holderOf(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock on `--out`: creates {@link OUT_LOCK} exclusively (`O_EXCL`) with this process's pid. A lock whose
 * holder is no longer alive (a run killed with SIGKILL, a crash) is stale and is taken over; a live holder's lock is
 * a usage error, raised before anything in the folder is touched.
 *
 * A pid can be reused after the holder died; then the folder looks held until that process ends, and the message
 * names the pid to check. That errs on the safe side: no results are lost.
 *
 * @param out - The `--out` folder; it exists.
 * @param pid - The pid to record. @defaultValue process.pid
 * @returns The lock; release it when the run ends.
 * @throws {@link UsageError} naming `--out` and the holder's pid when another live run holds the folder
 * @example
 * ```ts
 * const lock = lockOutFolder('/repo/.local');
 * try { await run(); } finally { lock.release(); }
 * // meanwhile a second run: --out "/repo/.local" is in use by another npm run local (pid 4242); ...
 * ```
 */
export function lockOutFolder(out: string, pid: number = process.pid): OutLock {
  const file = join(out, OUT_LOCK);
  const cannotLock = (error: unknown): UsageError =>
    new UsageError(`--out "${out}" cannot be locked (${errnoCode(error) ?? (error as Error).message})`, {
      cause: error,
    });
  // Two attempts: the second follows the removal of a stale lock. Two runs taking over one stale lock at once can
  // both remove it; the exclusive create then lets one of them in and shows the other the winner's pid.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${pid}\n`, { flag: 'wx' });
      return heldLock(file, pid);
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw cannotLock(error);
      const holder = holderOf(file);
      if (holder !== undefined && isAlive(holder))
        throw new UsageError(
          `--out "${out}" is in use by another npm run local (pid ${holder}); wait for it to end or give another --out`,
        );
      rmSync(file, { force: true }); // stale: its holder is gone
    }
  }
  throw cannotLock(new Error('another run took it over at the same time'));
}

function heldLock(file: string, pid: number): OutLock {
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      if (holderOf(file) === pid) rmSync(file, { force: true });
    },
  };
}
