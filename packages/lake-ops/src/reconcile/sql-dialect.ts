/**
 * The few SQL primitives reconcile's comparison needs, spelled for each engine that runs it: DuckDB locally over the
 * local lake, Athena (Trino) on AWS. Everything else in the comparison is written once, in `comparison-sql.ts`.
 */

/** The row columns every source has besides the item columns, as strings. */
export const KEY_COLUMNS = ['order_id', 'cdc_sort_key', 'cdc_operation'] as const;

/** How one engine spells the comparison's primitives. Each function returns SQL text. */
export interface SqlDialect {
  /** `duckdb` or `athena`, for messages. */
  readonly name: 'duckdb' | 'athena';
  /**
   * The rows at a location as a relation: {@link KEY_COLUMNS} as strings, and each item column as the JSON text of
   * its value (strings quoted, numbers with their digits), NULL when the row lacks it.
   */
  readonly rowSource: (location: string, itemColumns: readonly string[]) => string;
  /** The names of the top-level members of the rows at the locations, as a query with one column `name`. */
  readonly memberNames: (locations: readonly string[]) => string;
  /** The MD5 of a string as 32 lower-case hex digits. */
  readonly md5Hex: (text: string) => string;
  /** Hex digits (at most 15) as a BIGINT. */
  readonly hexToBigint: (hex: string) => string;
}

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const identifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The location of a side that has no rows yet (an empty lake, an empty table). */
export const EMPTY_LOCATION = '';

function emptySource(itemColumns: readonly string[]): string {
  const columns = [...KEY_COLUMNS, ...itemColumns].map((name) => `CAST(NULL AS VARCHAR) AS ${identifier(name)}`);
  return `(SELECT ${columns.join(', ')} WHERE 1 = 0)`;
}

/**
 * DuckDB 1.x: `read_json` with the item columns typed `JSON`, which keeps each value's JSON text and parses a line
 * once; a location is a glob of GZIP JSON-lines objects.
 *
 * @see https://duckdb.org/docs/stable/data/json/loading_json
 * @see https://duckdb.org/docs/stable/data/json/json_type
 */
export const DUCKDB_DIALECT: SqlDialect = {
  name: 'duckdb',
  rowSource: (location, itemColumns) => {
    if (location === EMPTY_LOCATION) return emptySource(itemColumns);
    const types = [
      ...KEY_COLUMNS.map((name) => `${quote(name)}: 'VARCHAR'`),
      ...itemColumns.map((name) => `${quote(name)}: 'JSON'`),
    ];
    return `read_json(${quote(location)}, format = 'newline_delimited', compression = 'gzip', columns = {${types.join(', ')}})`;
  },
  memberNames: (locations) => {
    const reads = locations
      .filter((location) => location !== EMPTY_LOCATION)
      .map(
        (location) =>
          `SELECT json FROM read_json_objects(${quote(location)}, format = 'newline_delimited', compression = 'gzip')`,
      );
    if (reads.length === 0) return `SELECT CAST(NULL AS VARCHAR) AS name WHERE 1 = 0`;
    return `SELECT DISTINCT unnest(json_keys(json)) AS name FROM (${reads.join(' UNION ALL ')})`;
  },
  md5Hex: (text) => `md5(${text})`,
  hexToBigint: (hex) => `CAST('0x' || ${hex} AS BIGINT)`,
};

/**
 * Athena engine version 3 (Trino): a location is a table with one string column `json` holding a row line (a
 * TEXTFILE table over the lake's objects); members come out with `json_extract_scalar` and
 * `json_format(json_extract(…))`.
 *
 * Checked against the Trino documentation and source (this SQL is not executed here; `athena-queries.sql` in the
 * tests is every query of a run, as sent):
 * - Member paths use the bracket form `$["name"]`; Trino's JSON path tokenizer (`JsonPathTokenizer`,
 *   `matchQuotedSubscript`) takes `\"` and `\\` as the only escapes inside it, so both are escaped, then the path is a
 *   SQL literal (`'` doubled).
 * - Identifiers are double-quoted (`"` doubled). Trino folds identifiers to lower case, so two item columns that
 *   differ only in case would be ambiguous (the query fails, nothing is misreported); the row code writes lower
 *   snake_case names only (`@sales/transform` `toColumnName`).
 * - `md5(varbinary)` over `to_utf8`, `to_hex` (upper case, hence `lower`), `from_base(string, 16)` to BIGINT,
 *   `row_number() OVER (PARTITION BY … ORDER BY …)`, `concat_ws` (skips NULL arguments, as DuckDB's does),
 *   `chr(31)`: Trino string, binary and window functions.
 * - Stage 1 sums 32-bit row hashes per bucket as BIGINT. Trino's `sum(bigint)` raises an overflow error instead of
 *   wrapping (DuckDB sums into HUGEINT); it stays below 2^63 for fewer than 2^31 keys in one bucket, about
 *   2^31 × `--buckets` items with MD5-spread keys (8.8 × 10^12 at the default 4096).
 * - `json_extract` re-serializes a number with Jackson: integers keep every digit; a fraction may pass through a
 *   double (inference from Jackson's `copyCurrentEvent`, not verified on Athena), so a change beyond its 17th
 *   significant digit may go unseen in Athena. Both sides are read the same way, so equal values never differ.
 *
 * @see https://trino.io/docs/current/functions/json.html
 * @see https://trino.io/docs/current/functions/string.html
 * @see https://github.com/trinodb/trino/blob/master/core/trino-main/src/main/java/io/trino/operator/scalar/JsonPathTokenizer.java
 * @see https://trino.io/docs/current/functions/binary.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/functions-env3.html
 */
export const ATHENA_DIALECT: SqlDialect = {
  name: 'athena',
  rowSource: (location, itemColumns) => {
    if (location === EMPTY_LOCATION) return emptySource(itemColumns);
    const path = (name: string): string => quote(`$["${name.replace(/[\\"]/g, '\\$&')}"]`);
    const columns = [
      ...KEY_COLUMNS.map((name) => `json_extract_scalar(json, ${path(name)}) AS ${identifier(name)}`),
      ...itemColumns.map((name) => `json_format(json_extract(json, ${path(name)})) AS ${identifier(name)}`),
    ];
    return `(SELECT ${columns.join(', ')} FROM ${location})`;
  },
  memberNames: (locations) => {
    const reads = locations
      .filter((location) => location !== EMPTY_LOCATION)
      .map((location) => `SELECT json FROM ${location}`);
    if (reads.length === 0) return `SELECT CAST(NULL AS VARCHAR) AS name WHERE 1 = 0`;
    return `SELECT DISTINCT name FROM (${reads.join(' UNION ALL ')}) CROSS JOIN UNNEST(map_keys(CAST(json_parse(json) AS map(varchar, json)))) AS t(name)`;
  },
  md5Hex: (text) => `lower(to_hex(md5(to_utf8(${text}))))`,
  hexToBigint: (hex) => `from_base(${hex}, 16)`,
};
