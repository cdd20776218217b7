/**
 * openLocalLakeSide: reconcile on one machine: DuckDB over the local lake folder and scratch folders.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_FILE_EXTENSION, DATA_PREFIX } from '@sales/pipeline-spec';
import { LocalLakeStore } from '../lake/local-lake-store.js';
import { DuckdbComparison, rowObjectsLocation } from './duckdb-comparison.js';
import type { LakeSide, ScratchRows } from './lake-side.js';

/** A scratch folder read by DuckDB as a glob of its row objects. */
function scratchFolder(folder: string): ScratchRows {
  return { store: new LocalLakeStore(folder), location: () => rowObjectsLocation(folder, DATA_FILE_EXTENSION) };
}

/**
 * Opens DuckDB (spilling to `<scratchFolder>/duckdb`) over the lake folder's `sales/`, with the table-side rows in
 * `<scratchFolder>/table` and the re-check rows in `<scratchFolder>/recheck`. The caller removes the scratch folder.
 *
 * @param lake - The local lake.
 * @param scratch - A scratch folder of this run.
 * @returns The lake side; `close()` closes DuckDB.
 * @example
 * ```ts
 * const side = await openLocalLakeSide(new LocalLakeStore('.local'), await mkdtemp(join(tmpdir(), 'r-')));
 * ```
 */
export async function openLocalLakeSide(lake: LocalLakeStore, scratch: string): Promise<LakeSide> {
  const spillFolder = join(scratch, 'duckdb');
  await mkdir(spillFolder, { recursive: true });
  const engine = await DuckdbComparison.open(spillFolder);
  const lakeFolder = join(lake.root, DATA_PREFIX);
  return {
    engine,
    lakeRows: () => rowObjectsLocation(lakeFolder, DATA_FILE_EXTENSION),
    tableRows: scratchFolder(join(scratch, 'table')),
    recheckRows: scratchFolder(join(scratch, 'recheck')),
    close: async () => {
      engine.close();
      return [];
    },
  };
}
