import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from './run-command';

/** A temporary checkout of one commit, and the way to get rid of it. */
export interface TemporaryWorktree {
  /** The checkout's directory (exists once {@link TemporaryWorktree.checkout} resolves). */
  readonly dir: string;
  /** A scratch directory beside it for synth output. */
  readonly scratch: string;
  /** Adds the detached worktree at `commit`; rejects with {@link InfraDiffError} when git cannot. */
  readonly checkout: (commit: string) => Promise<void>;
  /** Unregisters and deletes the worktree and the scratch directory; synchronous, safe in signal handlers, idempotent. */
  readonly remove: () => void;
}

/**
 * Reserves a temporary directory for a detached `git worktree` under the OS temp directory.
 *
 * The handle exists before the worktree does, so `remove` can be registered for Ctrl-C first and
 * then cover an interrupt that lands while `git worktree add` runs. `remove()` runs
 * `git worktree remove --force`, deletes the directories and prunes the worktree list, so nothing
 * is left behind in the repository.
 *
 * @param repoRoot - the repository
 * @returns the worktree handle; call `checkout(commit)`, and `remove()` in a `finally`
 */
export function createTemporaryWorktree(repoRoot: string): TemporaryWorktree {
  const root = mkdtempSync(path.join(os.tmpdir(), 'infra-diff-'));
  const dir = path.join(root, 'checkout');
  const scratch = path.join(root, 'out');
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    const quiet = { cwd: repoRoot, stdio: 'ignore' } as const;
    try {
      execFileSync('git', ['worktree', 'remove', '--force', dir], quiet);
    } catch {
      /* not added yet, or already gone */
    }
    rmSync(root, { recursive: true, force: true });
    try {
      execFileSync('git', ['worktree', 'prune'], quiet);
    } catch {
      /* best effort: prune only tidies git's list */
    }
  };
  const checkout = async (commit: string): Promise<void> => {
    await runCommand('git', ['worktree', 'add', '--detach', '--quiet', dir, commit], { cwd: repoRoot });
  };
  return { dir, scratch, checkout, remove };
}
