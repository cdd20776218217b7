/**
 * readRepositorySources: the source files of the repository as a clone has them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from './check-boundaries';
import { SOURCE_EXTENSIONS } from './module-references';

/**
 * Reads every TypeScript and JavaScript file git tracks or would track (new files that are not ignored, so the
 * check sees a file before it is committed; never `node_modules`, `dist`, `cdktf.out` or `.gen`).
 *
 * @param root - the repository root
 * @returns the files, with repository-relative `/` paths, sorted
 */
export function readRepositorySources(root: string): SourceFile[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed
    .split('\0')
    .filter((path) => SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension)))
    .filter((path) => existsSync(join(root, path)))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}
