/**
 * Where a file belongs: its package, and its folder inside a package's `src`. Paths are relative to the
 * repository root, with `/` separators.
 */
import { posix } from 'node:path';

/** The package name {@link packageOf} gives the root app: `main.ts`, `constructs/`, `scripts/`, `__tests__/`, … */
export const ROOT_APP = '(root app)';

/** The package name {@link packageOf} gives a path outside the repository. */
export const OUTSIDE = '(outside the repository)';

/**
 * The package a path belongs to: `packages/<name>` for anything under it (src, tests, bench, scripts, bin),
 * else the root app, which is one package.
 *
 * @param path - a repository-relative path
 * @returns `packages/<name>`, {@link ROOT_APP} or {@link OUTSIDE}
 * @example
 * ```ts
 * packageOf('packages/lake-ops/tests/unit/x.test.ts'); //=> 'packages/lake-ops'
 * packageOf('constructs/data-path/transform-bundle.ts'); //=> '(root app)'
 * ```
 */
export function packageOf(path: string): string {
  if (path === '..' || path.startsWith('../')) return OUTSIDE;
  const match = /^packages\/[^/]+(?=\/)/.exec(path);
  return match === null ? ROOT_APP : match[0];
}

/**
 * The unit a source file counts as in the folder graph: its folder, or the file itself when it sits at the top of
 * its source root. The roots are each package's `src` and the stack's `constructs/` (an entry such as `index.ts`, which may import every folder, or one shared file such as a type
 * module, which every folder may import: each is its own unit, so the two never make a cycle of `src` itself).
 *
 * @param path - a repository-relative path
 * @returns the folder (or root-level file), or `undefined` outside a source root
 * @example
 * ```ts
 * folderUnitOf('packages/lake-ops/src/athena/run-athena-query.ts'); //=> 'packages/lake-ops/src/athena'
 * folderUnitOf('packages/lake-ops/src/probe-table.ts'); //=> 'packages/lake-ops/src/probe-table.ts'
 * folderUnitOf('constructs/observability/alarms/drift-alarms.ts'); //=> 'constructs/observability/alarms'
 * folderUnitOf('packages/lake-ops/tests/unit/x.test.ts'); //=> undefined
 * ```
 */
export function folderUnitOf(path: string): string | undefined {
  const src = /^(?:packages\/[^/]+\/src|constructs)\//.exec(path)?.[0];
  if (src === undefined) return undefined;
  const folder = posix.dirname(path);
  return `${folder}/` === src ? path : folder;
}

/** What a specifier may name besides the path as written: a `.js` written for a `.ts`, a folder's index. */
const CANDIDATE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];
const SOURCE_FOR_OUTPUT: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/**
 * The file a relative specifier names, the way TypeScript's `bundler` resolution and jest find it.
 *
 * @param from - the importing file
 * @param specifier - a relative specifier (`./x`, `../y.js`)
 * @param exists - whether a repository-relative path is a known file
 * @returns the file, or the normalized path as written when no known file matches (e.g. outside the repository)
 * @example
 * ```ts
 * resolveRelative('packages/a/src/x.ts', '../b/y.js', (p) => p === 'packages/a/b/y.ts'); //=> 'packages/a/b/y.ts'
 * ```
 */
export function resolveRelative(from: string, specifier: string, exists: (path: string) => boolean): string {
  const written = posix.normalize(posix.join(posix.dirname(from), specifier));
  const extension = posix.extname(written);
  const swapped = (SOURCE_FOR_OUTPUT[extension] ?? []).map((source) => written.slice(0, -extension.length) + source);
  const candidates = [...CANDIDATE_SUFFIXES.map((suffix) => written + suffix), ...swapped];
  return candidates.find(exists) ?? written;
}
