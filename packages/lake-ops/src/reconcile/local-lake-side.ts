/**
 * openLocalLakeSide: reconcile on one machine: DuckDB over the local lake folder and scratch folders.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_FILE_EXTENSION, DATA_PREFIX } from '@sales/pipeline-spec';
import { LocalLakeStore } from '../lake/local-lake-store.js';
import { PreconditionError } from '../precondition-error.js';
import { localCurrentFiles } from '../merge/local-current-files.js';
import { againstCurrent, currentStateRelations } from './current-state-side.js';
import { DuckdbComparison, rowObjectsLocation } from './duckdb-comparison.js';
import { DUCKDB_TYPED_TEXT } from './typed-text.js';
import type { LakeSide, ReconcileAgainst, ScratchRows } from './lake-side.js';

/** A scratch folder read by DuckDB as a glob of its row objects. */
function scratchFolder(folder: string): ScratchRows {
  return { store: new LocalLakeStore(folder), location: () => rowObjectsLocation(folder, DATA_FILE_EXTENSION) };
}

/**
 * Opens DuckDB (spilling to `<scratchFolder>/duckdb`) over the lake folder's `sales/`, or with `against` `current`
 * over the local merge's database (attached read-only), with the table-side rows in `<scratchFolder>/table` and the
 * re-check rows in `<scratchFolder>/recheck`. The caller removes the scratch folder.
 *
 * @param lake - The local lake.
 * @param scratch - A scratch folder of this run.
 * @param against - What the table is judged against. @defaultValue 'log'
 * @returns The lake side; `close()` closes DuckDB.
 * @throws PreconditionError with `against` `current` when the lake has no current-state database (no merge ran).
 * @example
 * ```ts
 * const side = await openLocalLakeSide(new LocalLakeStore('.local'), await mkdtemp(join(tmpdir(), 'r-')));
 * ```
 */
export async function openLocalLakeSide(
  lake: LocalLakeStore,
  scratch: string,
  against: ReconcileAgainst = 'log',
): Promise<LakeSide> {
  const spillFolder = join(scratch, 'duckdb');
  await mkdir(spillFolder, { recursive: true });
  const engine = await DuckdbComparison.open(spillFolder);
  const lakeFolder = join(lake.root, DATA_PREFIX);
  try {
    const side = against === 'current' ? await attachCurrentState(engine, lake.root) : undefined;
    return {
      against: 'log',
      engine,
      lakeRows: () => rowObjectsLocation(lakeFolder, DATA_FILE_EXTENSION),
      ...side,
      tableRows: scratchFolder(join(scratch, 'table')),
      recheckRows: scratchFolder(join(scratch, 'recheck')),
      close: async () => {
        engine.close();
        return [];
      },
    };
  } catch (error) {
    engine.close();
    throw error;
  }
}

/** The schema the local merge's database is attached as. */
const CURRENT_SCHEMA = 'current_state';

/** Attaches the local merge's database read-only and returns the lake-side parts that judge against it. */
async function attachCurrentState(engine: DuckdbComparison, root: string) {
  const { database } = localCurrentFiles(root);
  if (!existsSync(database))
    throw new PreconditionError(
      `--against current: ${database} does not exist: no merge ran on this lake; run sales-lake merge --lake ${root} first`,
    );
  await engine.query(`ATTACH '${database.replace(/'/g, "''")}' AS ${CURRENT_SCHEMA} (READ_ONLY)`);
  return againstCurrent(engine, DUCKDB_TYPED_TEXT, currentStateRelations(CURRENT_SCHEMA));
}
