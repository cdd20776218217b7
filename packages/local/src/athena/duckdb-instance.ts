/**
 * The DuckDB engine of a local run's queries and checks: a memory limit past which it spills to disk, so the
 * queries over the whole lake cost the same memory at any size.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * DuckDB's settings for the local Athena: one thread and a memory limit of 256 MB, beyond which sorts, windows and
 * aggregates spill to a temp folder. The final checks no longer sort (they compare buckets of keys), so what needs
 * the limit is the named queries' own windows and ORDER BY over the whole change log: at a million changes they
 * passed at 256 MB, while a sort of 300 k wide rows ran out of 128 MB and 192 MB. DuckDB's sorts take native memory
 * beyond the limit (a 120 MB sort at 128 MB: 563 MiB of RSS); at a million changes the named queries peaked at 712
 * MiB of RSS, 642 MiB of it native (bench memory runs). At 1 GB on two threads a run of 300 k changes peaked at 963.
 *
 * @see https://duckdb.org/docs/stable/configuration/overview (memory_limit, temp_directory, threads)
 */
export const DUCKDB_SETTINGS = { memory_limit: '256MB', threads: '1' } as const;

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

/**
 * Run one query on a connection of its own (so several can stream at once) and hand its rows over a DuckDB data
 * chunk (at most 2048 rows) at a time, values as JSON.
 *
 * @param instance - the database
 * @param sql - the query
 * @returns the batches, in the query's order
 * @see https://duckdb.org/docs/stable/clients/node_neo/overview (streaming results)
 */
export async function* streamRows(instance: DuckDBInstance, sql: string): AsyncGenerator<Record<string, unknown>[]> {
  const connection = await instance.connect();
  try {
    const result = await connection.stream(sql);
    for await (const batch of result.yieldRowObjectJson()) yield batch as Record<string, unknown>[];
  } finally {
    connection.closeSync();
  }
}
