import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from './run-command';

/** A temporary checkout of one commit, and the way to get rid of it. */
export interface TemporaryWorktree {
  /** The checkout's directory. */
  readonly dir: string;
  /** A scratch directory beside it for synth output. */
  readonly scratch: string;
  /** Unregisters and deletes the worktree and the scratch directory; synchronous, safe in signal handlers, idempotent. */
  readonly remove: () => void;
}

/**
 * Checks out a commit in a temporary, detached `git worktree` under the OS temp directory.
 *
 * Call `remove()` in a `finally` (and on SIGINT/SIGTERM): it runs `git worktree remove --force`,
 * deletes the directories and prunes the worktree list, so nothing is left behind in the repository.
 *
 * @param repoRoot - the repository
 * @param commit - the commit to check out (a sha from {@link resolveCommit})
 * @returns the worktree handle
 * @throws {@link InfraDiffError} when git cannot add the worktree
 */
export async function addTemporaryWorktree(repoRoot: string, commit: string): Promise<TemporaryWorktree> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'infra-diff-'));
  const dir = path.join(root, 'checkout');
  const scratch = path.join(root, 'out');
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    const quiet = { cwd: repoRoot, stdio: 'ignore' } as const;
    try { execFileSync('git', ['worktree', 'remove', '--force', dir], quiet); } catch { /* not added yet, or already gone */ }
    rmSync(root, { recursive: true, force: true });
    try { execFileSync('git', ['worktree', 'prune'], quiet); } catch { /* best effort: prune only tidies git's list */ }
  };
  try {
    await runCommand('git', ['worktree', 'add', '--detach', '--quiet', dir, commit], { cwd: repoRoot });
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, scratch, remove };
}
