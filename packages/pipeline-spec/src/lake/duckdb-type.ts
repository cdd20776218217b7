import { type GlueType, parseHiveType } from './hive-type';

/**
 * The DuckDB spelling of a Glue/Hive column type, written once for every DuckDB that reads the lake or keeps its
 * tables: the local Athena (`@sales/local`) and the local current-state merge (`@sales/lake-ops`).
 */

const DUCKDB_SCALARS = {
  null: 'VARCHAR',
  string: 'VARCHAR',
  boolean: 'BOOLEAN',
  int: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
} as const;

/**
 * The DuckDB type that reads a column the way Athena reads the Glue type: `decimal(p,s)` stays `DECIMAL(p, s)` (money
 * keeps its digits), arrays are DuckDB lists and structs DuckDB structs, so nested values stay typed and exact.
 *
 * @param type - the Glue type
 * @returns a DuckDB type, e.g. `STRUCT("sku" VARCHAR, "quantity" INTEGER)[]`, `DECIMAL(12, 2)`
 * @see https://duckdb.org/docs/stable/sql/data_types/overview
 * @example
 * ```ts
 * toDuckDbType({ kind: 'decimal', precision: 12, scale: 2 }); //=> 'DECIMAL(12, 2)'
 * ```
 */
export function toDuckDbType(type: GlueType): string {
  if (type.kind === 'array') return `${toDuckDbType(type.element)}[]`;
  if (type.kind === 'struct')
    return `STRUCT(${[...type.fields].map(([name, field]) => `"${name}" ${toDuckDbType(field)}`).join(', ')})`;
  if (type.kind === 'decimal') return `DECIMAL(${type.precision}, ${type.scale})`;
  return DUCKDB_SCALARS[type.kind];
}

/**
 * The DuckDB type of a declared column: its Hive type text parsed, then spelled for DuckDB.
 *
 * @param hiveType - e.g. `array<struct<sku:string,quantity:int>>`
 * @returns e.g. `STRUCT("sku" VARCHAR, "quantity" INTEGER)[]`
 * @throws HiveTypeError for a type {@link parseHiveType} cannot read
 * @example
 * ```ts
 * duckDbTypeOf('decimal(12,2)'); //=> 'DECIMAL(12, 2)'
 * ```
 */
export function duckDbTypeOf(hiveType: string): string {
  return toDuckDbType(parseHiveType(hiveType));
}
