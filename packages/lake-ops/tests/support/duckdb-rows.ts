/**
 * Rows the tests read back with an in-memory DuckDB: a Parquet export, or a current-state database attached read-only.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * Runs one query in a fresh in-memory DuckDB, after attaching `databases` read-only by alias.
 *
 * @param sql - The query.
 * @param databases - Alias → database file.
 * @returns Its rows, values as JSON (DECIMAL and BIGINT as text).
 */
export async function duckDbRows(
  sql: string,
  databases: Readonly<Record<string, string>> = {},
): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const [alias, path] of Object.entries(databases))
      await connection.run(`ATTACH ${literal(path)} AS "${alias}" (READ_ONLY)`);
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Every row of a Parquet file, by `order_id` (the export has no order of its own).
 *
 * @param path - The file.
 * @returns The rows.
 */
export function readParquet(path: string): Promise<Record<string, unknown>[]> {
  return duckDbRows(`SELECT * FROM read_parquet(${literal(path)}) ORDER BY order_id`);
}
