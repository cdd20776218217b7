/**
 * localCurrentFiles: where a local lake keeps its current state, under the same `current/` prefix the stack's Iceberg
 * tables use in the lake bucket.
 */
import { CURRENT_STATE_PREFIX, CURRENT_TABLE_NAME } from '@sales/pipeline-spec';
import { join } from 'node:path';

/** The files of a local lake's current state. */
export interface LocalCurrentFiles {
  /** `<lake>/current/`. */
  readonly folder: string;
  /** The DuckDB database that holds `orders_current`, its tombstones and its merge log. */
  readonly database: string;
  /** `orders_current` exported after each merge, ordered by `order_id`, for any Parquet reader. */
  readonly parquet: string;
}

/** The name of the DuckDB database file under `current/`. */
export const CURRENT_STATE_DATABASE_FILE = 'current-state.duckdb';

/**
 * The current-state files of a local lake.
 *
 * @param lakeRoot - The lake folder (`npm run local`'s `--out`).
 * @returns Their paths; nothing is created.
 * @example
 * ```ts
 * localCurrentFiles('/repo/.local').parquet; //=> '/repo/.local/current/orders_current.parquet'
 * ```
 */
export function localCurrentFiles(lakeRoot: string): LocalCurrentFiles {
  const folder = join(lakeRoot, CURRENT_STATE_PREFIX);
  return {
    folder,
    database: join(folder, CURRENT_STATE_DATABASE_FILE),
    parquet: join(folder, `${CURRENT_TABLE_NAME}.parquet`),
  };
}
