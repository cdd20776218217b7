/**
 * The few SQL primitives reconcile's comparison needs, spelled for each engine that runs it: DuckDB locally over the
 * local lake, Athena (Trino) on AWS. Everything else in the comparison is written once, in `comparison-sql.ts`.
 */

/** How one engine spells the comparison's primitives. Each function returns a SQL expression. */
export interface SqlDialect {
  /** `duckdb` or `athena`, for messages. */
  readonly name: 'duckdb' | 'athena';
  /** A JSON path selecting one top-level member of a row, quoted for the engine. */
  readonly memberPath: (column: string) => string;
  /** The member's value as a plain string (a JSON string unquoted), or NULL. */
  readonly jsonString: (json: string, path: string) => string;
  /** The member's value as JSON text (strings quoted, numbers with their digits), or NULL when absent. */
  readonly jsonText: (json: string, path: string) => string;
  /** The MD5 of a string as 32 lower-case hex digits. */
  readonly md5Hex: (text: string) => string;
  /** Hex digits (at most 15) as a BIGINT. */
  readonly hexToBigint: (hex: string) => string;
  /** The latest `value` by `order` in a group. */
  readonly maxBy: (value: string, order: string) => string;
  /** The names of the top-level members of a row, one per output row, as `SELECT … AS name` from `source`. */
  readonly memberNames: (json: string, source: string) => string;
}

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * DuckDB 1.x: the `json` extension's `json_extract_string` / `json_extract` (big numbers keep their digits).
 *
 * @see https://duckdb.org/docs/stable/data/json/json_functions
 */
export const DUCKDB_DIALECT: SqlDialect = {
  name: 'duckdb',
  memberPath: (column) => quote(`$."${column.replace(/"/g, '\\"')}"`),
  jsonString: (json, path) => `json_extract_string(${json}, ${path})`,
  jsonText: (json, path) => `CAST(json_extract(${json}, ${path}) AS VARCHAR)`,
  md5Hex: (text) => `md5(${text})`,
  hexToBigint: (hex) => `CAST('0x' || ${hex} AS BIGINT)`,
  maxBy: (value, order) => `max_by(${value}, ${order})`,
  memberNames: (json, source) => `SELECT DISTINCT unnest(json_keys(${json})) AS name FROM ${source}`,
};

/**
 * Athena engine version 3 (Trino): `json_extract_scalar`, `json_format(json_extract(…))`, `md5(to_utf8(…))`.
 *
 * @see https://trino.io/docs/current/functions/json.html
 * @see https://trino.io/docs/current/functions/binary.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/functions-env3.html
 */
export const ATHENA_DIALECT: SqlDialect = {
  name: 'athena',
  memberPath: (column) => quote(`$["${column.replace(/"/g, '\\"')}"]`),
  jsonString: (json, path) => `json_extract_scalar(${json}, ${path})`,
  jsonText: (json, path) => `json_format(json_extract(${json}, ${path}))`,
  md5Hex: (text) => `lower(to_hex(md5(to_utf8(${text}))))`,
  hexToBigint: (hex) => `from_base(${hex}, 16)`,
  maxBy: (value, order) => `max_by(${value}, ${order})`,
  memberNames: (json, source) =>
    `SELECT DISTINCT name FROM ${source} CROSS JOIN UNNEST(map_keys(CAST(json_parse(${json}) AS map(varchar, json)))) AS t(name)`,
};
