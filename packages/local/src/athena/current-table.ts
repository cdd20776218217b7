/**
 * `orders_current` for the local Athena: the view over the merge's Parquet export, and its rows read as a stream.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { CURRENT_TABLE_NAME } from '@sales/pipeline-spec';

const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The `CREATE VIEW` that makes `orders_current` queryable by its name, as Athena queries the Iceberg table: the
 * merge's Parquet export, which keeps the declared types (money `DECIMAL(12,2)`, line items a list of structs).
 *
 * @param parquet - the export, `<out>/current/orders_current.parquet`
 * @returns one SQL statement
 * @example
 * ```ts
 * currentTableViewSql('/repo/.local/current/orders_current.parquet');
 * //=> `CREATE OR REPLACE VIEW "orders_current" AS SELECT * FROM read_parquet('/repo/.local/current/orders_current.parquet')`
 * ```
 */
export function currentTableViewSql(parquet: string): string {
  return `CREATE OR REPLACE VIEW "${CURRENT_TABLE_NAME}" AS SELECT * FROM read_parquet(${quoteLiteral(parquet)})`;
}

/**
 * Read the export's rows as a stream, one DuckDB data chunk (at most 2048 rows) at a time, values as JSON (DECIMAL and BIGINT as text,
 * structs as objects): memory holds one batch, not the table.
 *
 * @param parquet - the export
 * @returns the batches, in `order_id` order (the export's order)
 * @see https://duckdb.org/docs/stable/clients/node_neo/overview (streaming results)
 */
export async function* streamCurrentRows(parquet: string): AsyncGenerator<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const result = await connection.stream(`SELECT * FROM read_parquet(${quoteLiteral(parquet)})`);
    for await (const rows of result.yieldRowObjectJson()) yield rows as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
