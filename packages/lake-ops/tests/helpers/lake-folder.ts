/**
 * A new, empty local lake for the CLI tests: a temporary folder with the pipeline's `sales/` folder, as a lake that
 * `npm run local` or a Firehose has started to fill; `sales-lake` refuses a folder without it.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_PREFIX } from '@sales/pipeline-spec';

/**
 * Creates the folder.
 *
 * @param prefix - The temporary folder's name prefix.
 * @returns Its path.
 */
export function emptyLakeFolder(prefix: string): string {
  const lake = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(lake, DATA_PREFIX));
  return lake;
}
