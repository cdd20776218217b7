/**
 * A value's text in its declared type, spelled per engine: what `reconcile --against current` compares, since
 * `orders_current` holds typed values (money as `decimal(12,2)`, line items as structs) while the table's rows are JSON
 * lines. Both sides are read as the declared type, then printed the same way by the same engine, so equal values give
 * equal text and no JSON spelling (`44.9` or `44.90`) can differ.
 */
import { type GlueType, duckDbTypeOf, parseHiveType } from '@sales/pipeline-spec';

/** How one engine prints a typed value, from a typed column or from the JSON text of a value. */
export interface TypedText {
  /** The text of a typed column (a table that holds the declared types). */
  readonly ofColumn: (column: string, hiveType: string) => string;
  /** The text of the value whose JSON text is `json`, read as the declared type (NULL when it cannot be). */
  readonly ofJson: (json: string, hiveType: string) => string;
}

const isString = (hiveType: string): boolean => parseHiveType(hiveType).kind === 'string';

/**
 * DuckDB: a string column as itself (a JSON string's content from `json_extract_string`), any other type cast to
 * `VARCHAR` (`44.90`, `[{'sku': A, 'quantity': 2, …}]`); the JSON read with `TRY_CAST(… AS <type>)`.
 *
 * @see https://duckdb.org/docs/stable/data/json/json_functions
 * @see https://duckdb.org/docs/stable/sql/expressions/cast
 */
export const DUCKDB_TYPED_TEXT: TypedText = {
  ofColumn: (column, hiveType) => (isString(hiveType) ? column : `CAST(${column} AS VARCHAR)`),
  ofJson: (json, hiveType) =>
    isString(hiveType)
      ? `json_extract_string(${json}, '$')`
      : `CAST(TRY_CAST(CAST(${json} AS JSON) AS ${duckDbTypeOf(hiveType)}) AS VARCHAR)`,
};

/**
 * The Trino (Athena engine version 3) type of a Glue column type: `varchar`, `integer`, `decimal(12,2)`,
 * `array(row("sku" varchar, …))`.
 *
 * @param type - the parsed Glue type
 * @returns the Trino type text
 * @see https://docs.aws.amazon.com/athena/latest/ug/data-types.html
 * @example
 * ```ts
 * trinoType(parseHiveType('array<struct<sku:string>>')); //=> 'array(row("sku" varchar))'
 * ```
 */
export function trinoType(type: GlueType): string {
  if (type.kind === 'array') return `array(${trinoType(type.element)})`;
  if (type.kind === 'struct')
    return `row(${[...type.fields].map(([name, field]) => `"${name.replace(/"/g, '""')}" ${trinoType(field)}`).join(', ')})`;
  if (type.kind === 'decimal') return `decimal(${type.precision},${type.scale})`;
  if (type.kind === 'int') return 'integer';
  return type.kind === 'null' || type.kind === 'string' ? 'varchar' : type.kind;
}

/**
 * Athena (Trino): a string column as itself (`json_extract_scalar` of a JSON string), any other type as the JSON text
 * of its typed value (`CAST(… AS JSON)`, then `json_format`); the JSON read with `TRY_CAST(json_parse(…) AS <type>)`,
 * which Trino allows from JSON to arrays, rows (fields by name) and scalars. Checked against the Trino documentation
 * only; not executed here.
 *
 * @see https://trino.io/docs/current/functions/json.html (cast to and from JSON)
 * @see https://trino.io/docs/current/functions/conversion.html (try_cast)
 */
export const ATHENA_TYPED_TEXT: TypedText = {
  ofColumn: (column, hiveType) => (isString(hiveType) ? column : `json_format(CAST(${column} AS JSON))`),
  ofJson: (json, hiveType) =>
    isString(hiveType)
      ? `json_extract_scalar(${json}, '$')`
      : `json_format(CAST(TRY_CAST(json_parse(${json}) AS ${trinoType(parseHiveType(hiveType))}) AS JSON))`,
};
