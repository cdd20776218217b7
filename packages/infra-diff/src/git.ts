import { runCommand } from './run-command';
import { InfraDiffError } from './errors';

/**
 * The top-level directory of the git work tree that contains `cwd`.
 *
 * @param cwd - any directory inside the repository
 * @returns the absolute repository root
 * @throws {@link InfraDiffError} when `cwd` is not inside a git work tree
 */
export async function findRepoRoot(cwd: string): Promise<string> {
  try {
    return (await runCommand('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim();
  } catch (error) {
    throw new InfraDiffError(`not inside a git repository: ${cwd}`, { cause: error });
  }
}

/**
 * Resolves a ref to the commit it names.
 *
 * @param repoRoot - the repository
 * @param ref - a branch, tag, sha or expression such as `HEAD~1`
 * @returns the full commit sha
 * @throws {@link InfraDiffError} naming the ref when it does not name a commit
 */
export async function resolveCommit(repoRoot: string, ref: string): Promise<string> {
  try {
    const { stdout } = await runCommand(
      'git',
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
      { cwd: repoRoot },
    );
    return stdout.trim();
  } catch (error) {
    throw new InfraDiffError(`"${ref}" is not a commit in ${repoRoot} (fetch it first, e.g. git fetch origin main)`, {
      cause: error,
    });
  }
}
