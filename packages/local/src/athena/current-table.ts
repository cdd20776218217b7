/**
 * `orders_current` for the local Athena: the view over the merge's Parquet export.
 */
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
