/**
 * New, empty local lakes for the tests: temporary folders with the pipeline's `sales/` folder, as a lake that
 * `npm run local` or a Firehose has started to fill; `sales-lake` refuses a folder without it.
 */
import { DATA_PREFIX } from '@sales/pipeline-spec';
import { type TemporaryFolder, useTemporaryFolder, useTemporaryFolders } from '@sales/testing';

/**
 * An empty lake for each test (or, with `once`, one for the block), removed after it.
 *
 * @param prefix - The temporary folder's name prefix.
 * @param once - One lake for the whole block instead of one per test. @defaultValue false
 * @returns The lake; read `path` inside a test or a hook.
 */
export function useLakeFolder(prefix: string, once = false): TemporaryFolder {
  return useTemporaryFolder(prefix, { once, subfolders: [DATA_PREFIX] });
}

/**
 * Empty lakes made as a test goes, all removed after the block.
 *
 * @returns A function that makes a new lake (its argument: the folder's name prefix) and returns its path.
 */
export function useLakeFolders(): (prefix: string) => string {
  const newFolder = useTemporaryFolders();
  return (prefix) => newFolder(prefix, [DATA_PREFIX]);
}
