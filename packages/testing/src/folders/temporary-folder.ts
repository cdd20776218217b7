/**
 * Temporary folders for tests: made under the OS temporary folder with a recognisable prefix, removed afterwards.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How {@link useTemporaryFolder} makes its folder. */
export interface TemporaryFolderOptions {
  /** One folder for the whole block (`beforeAll`/`afterAll`) instead of a new one per test. @defaultValue false */
  readonly once?: boolean;
  /** Folders to make inside it, e.g. a lake's `sales`. @defaultValue - none */
  readonly subfolders?: readonly string[];
}

/** A temporary folder of a test block; read `path` inside a test or a hook, once it is made. */
export interface TemporaryFolder {
  readonly path: string;
}

/**
 * Makes a new, empty temporary folder, with the sub-folders given.
 *
 * @param prefix - The start of its name, e.g. `reconcile-lake-`.
 * @param subfolders - Folders to make inside it. @defaultValue - none
 * @returns Its path.
 * @example
 * ```ts
 * makeTemporaryFolder('merge-cli-', ['sales']); //=> '/tmp/merge-cli-Xy12Ab' holding an empty `sales/`
 * ```
 */
export function makeTemporaryFolder(prefix: string, subfolders: readonly string[] = []): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  for (const subfolder of subfolders) mkdirSync(join(folder, subfolder), { recursive: true });
  return folder;
}

/**
 * Registers jest hooks that make a temporary folder before each test (or once, before all) and remove it after.
 *
 * @param prefix - The start of its name.
 * @param options - Once per block or per test; sub-folders to make.
 * @returns The folder; its `path` throws when read before it is made.
 * @example
 * ```ts
 * const scratch = useTemporaryFolder('reconcile-scratch-');
 * test('…', () => writeFileSync(join(scratch.path, 'a.json'), '{}'));
 * ```
 */
export function useTemporaryFolder(prefix: string, options: TemporaryFolderOptions = {}): TemporaryFolder {
  let path: string | undefined;
  const make = (): void => {
    path = makeTemporaryFolder(prefix, options.subfolders);
  };
  const remove = (): void => {
    if (path !== undefined) rmSync(path, { recursive: true, force: true });
  };
  if (options.once === true) {
    beforeAll(make);
    afterAll(remove);
  } else {
    beforeEach(make);
    afterEach(remove);
  }
  return {
    get path(): string {
      if (path === undefined) throw new Error(`useTemporaryFolder: ${prefix} folder read before it was made`);
      return path;
    },
  };
}

/**
 * Registers a jest `afterAll` that removes every folder the returned function has made: for tests that make
 * folders as they go, several a test.
 *
 * @returns A function that makes a new temporary folder, like {@link makeTemporaryFolder}, and returns its path.
 * @example
 * ```ts
 * const newFolder = useTemporaryFolders();
 * test('…', () => {
 *   const first = newFolder('merge-skew-', ['sales']);
 * });
 * ```
 */
export function useTemporaryFolders(): (prefix: string, subfolders?: readonly string[]) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const folder of made) rmSync(folder, { recursive: true, force: true });
  });
  return (prefix, subfolders) => {
    const folder = makeTemporaryFolder(prefix, subfolders);
    made.push(folder);
    return folder;
  };
}
