/**
 * The DuckDB engine of a local run's queries and checks: a memory limit past which it spills to disk, so the
 * queries over the whole lake cost the same memory at any size.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * DuckDB's settings for the local Athena: two threads (the machine is shared) and a memory limit beyond which sorts,
 * windows and aggregates spill to a temp folder. 1 GB: 256 MB (what `sales-lake reconcile` uses) ran out at 300 k
 * changes in the check of `orders_live` ("failed to allocate data of size 32.0 MiB", the JSON reader's buffers, which
 * do not spill, of two scans at once on two threads); below the limit DuckDB takes only what a query needs.
 *
 * @see https://duckdb.org/docs/stable/configuration/overview (memory_limit, temp_directory, threads)
 */
export const DUCKDB_SETTINGS = { memory_limit: '1GB', threads: '2' } as const;

/**
 * Open an in-memory DuckDB with {@link DUCKDB_SETTINGS}, spilling under the OS temp folder (DuckDB removes what it
 * spilled when it closes).
 *
 * @returns the instance; close it when done
 */
export async function createDuckDb(): Promise<DuckDBInstance> {
  return DuckDBInstance.create(':memory:', {
    ...DUCKDB_SETTINGS,
    temp_directory: join(tmpdir(), `sales-local-duckdb-${process.pid}`),
  });
}
