/**
 * Reconcile's one comparison definition: the key bucket, the canonical row hash, the lake's latest row per key and
 * the drift classification, written once and rendered for DuckDB or Athena through a {@link SqlDialect}.
 *
 * Both sides are row lines in the lake's contract (the table side is the table's items turned into snapshot rows by
 * the transform's row code), read as raw JSON text by the same engine in the same query, so a value is compared as
 * the lake stores it and no hash ever crosses engines.
 */
import type { SqlDialect } from './sql-dialect.js';

/** Where the two sides' row lines come from: relations with one column `json` holding a row line each. */
export interface ComparisonSources {
  /** The lake's change rows (every row of `sales/`). */
  readonly lake: string;
  /** The table's items as snapshot rows, one per item; `cdc_sort_key` is the fence of the page that read it. */
  readonly table: string;
}

/** The prefix of the pipeline's metadata columns; every other member of a row is an item column. */
export const CDC_COLUMN_PREFIX = 'cdc_';

/** Buckets of key hashes the first stage compares. Enough that one differing key sends few keys to the second stage. */
export const DEFAULT_BUCKETS = 4096;

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * The query listing every member name on either side; the item columns are those not starting with `cdc_`.
 *
 * @param d - The engine.
 * @param sources - The two sides.
 * @returns A query with one column `name`, sorted.
 */
export function columnNamesSql(d: SqlDialect, sources: ComparisonSources): string {
  return `${d.memberNames('json', `(SELECT json FROM ${sources.lake} UNION ALL SELECT json FROM ${sources.table})`)} ORDER BY name`;
}

/** The bucket of a key: the first 7 hex digits of its MD5, modulo the bucket count. */
function bucketOf(d: SqlDialect, key: string, buckets: number): string {
  return `(${d.hexToBigint(`substr(${d.md5Hex(key)}, 1, 7)`)} % ${buckets})`;
}

/** The canonical text of a row: every item column as `name=<JSON text>` or `name` when absent, joined by U+001F. */
function canonicalText(d: SqlDialect, json: string, columns: readonly string[]): string {
  const parts = columns.map((column) => `${quote(`${column}=`)} || coalesce(${d.jsonText(json, d.memberPath(column))}, '')`);
  return parts.length === 0 ? `''` : parts.join(` || chr(31) || `);
}

/** The row hash: the first 8 hex digits (32 bits) of the canonical text's MD5, as a BIGINT; summed per bucket. */
function rowHash(d: SqlDialect, json: string, columns: readonly string[]): string {
  return d.hexToBigint(`substr(${d.md5Hex(canonicalText(d, json, columns))}, 1, 8)`);
}

/** Both sides per key: the table's row, and the lake's latest row (greatest `cdc_sort_key`, removes included). */
function sidesCte(d: SqlDialect, sources: ComparisonSources): string {
  const key = d.jsonString('json', d.memberPath('order_id'));
  const sortKey = d.jsonString('json', d.memberPath('cdc_sort_key'));
  return (
    `lake_rows AS (SELECT ${key} AS order_id, ${sortKey} AS sort_key, json FROM ${sources.lake}),\n` +
    `lake_latest AS (SELECT order_id, max(sort_key) AS sort_key, ${d.maxBy('json', 'sort_key')} AS json FROM lake_rows GROUP BY order_id),\n` +
    `lake_live AS (SELECT order_id, sort_key, json FROM lake_latest WHERE ${d.jsonString('json', d.memberPath('cdc_operation'))} <> 'remove'),\n` +
    `table_rows AS (SELECT ${key} AS order_id, ${sortKey} AS sort_key, json FROM ${sources.table})`
  );
}

/**
 * Stage 1: per bucket and side, the key count and the sum of row hashes (order-insensitive), for every non-empty
 * bucket. Equal count and sum: the bucket agrees; otherwise its keys go to stage 2.
 *
 * @param d - The engine.
 * @param sources - The two sides.
 * @param columns - The item columns (from {@link columnNamesSql}).
 * @param buckets - The bucket count.
 * @returns A query with columns `side` ('lake' | 'table'), `bucket`, `keys`, `checksum`.
 */
export function bucketSummarySql(d: SqlDialect, sources: ComparisonSources, columns: readonly string[], buckets: number): string {
  const summary = (side: string, relation: string): string =>
    `SELECT '${side}' AS side, ${bucketOf(d, 'order_id', buckets)} AS bucket, count(*) AS keys, sum(${rowHash(d, 'json', columns)}) AS checksum ` +
    `FROM ${relation} GROUP BY ${bucketOf(d, 'order_id', buckets)}`;
  return `WITH ${sidesCte(d, sources)}\n${summary('lake', 'lake_live')}\nUNION ALL\n${summary('table', 'table_rows')}`;
}

/** Which keys stage 2 looks at: those in some buckets, or a list of keys (the re-check). */
export type KeyScope = { readonly buckets: readonly number[]; readonly bucketCount: number } | { readonly keys: readonly string[] };

/**
 * Stage 2: the drift of each key in scope, with the time fence applied.
 *
 * Fence: a key whose latest lake row sorts after the table row's fence (the snapshot sort key of the Scan page that
 * read it; for a key the table lacks, `absentFenceSortKey`) changed while it was being compared: it is in flight, not
 * drift, and is left out.
 *
 * @param d - The engine.
 * @param sources - The two sides.
 * @param columns - The item columns.
 * @param scope - Buckets or keys.
 * @param absentFenceSortKey - The fence for keys the table does not hold: the earliest page's snapshot sort key.
 * @returns A query with columns `order_id`, `kind`, `columns` (comma-separated item columns that differ), ordered by key.
 */
export function keyDriftSql(d: SqlDialect, sources: ComparisonSources, columns: readonly string[], scope: KeyScope, absentFenceSortKey: string): string {
  const key = 'coalesce(t.order_id, l.order_id)';
  const inScope = 'keys' in scope
    ? (scope.keys.length === 0 ? 'FALSE' : `${key} IN (${scope.keys.map(quote).join(', ')})`)
    : (scope.buckets.length === 0 ? 'FALSE' : `${bucketOf(d, key, scope.bucketCount)} IN (${scope.buckets.join(', ')})`);
  const differs = columns.map((column) => {
    const path = d.memberPath(column);
    return `CASE WHEN ${d.jsonText('t.json', path)} IS DISTINCT FROM ${d.jsonText('l.json', path)} THEN ${quote(column)} END`;
  });
  const differing = differs.length === 0 ? `''` : `concat_ws(',', ${differs.join(', ')})`;
  return (
    `WITH ${sidesCte(d, sources)},\n` +
    `paired AS (SELECT ${key} AS order_id, t.sort_key AS table_sort_key, l.sort_key AS lake_sort_key, ` +
    `l.order_id IS NOT NULL AND ${d.jsonString('l.json', d.memberPath('cdc_operation'))} <> 'remove' AS lake_live, ` +
    `t.order_id IS NOT NULL AS in_table, ${differing} AS differing ` +
    `FROM table_rows t FULL OUTER JOIN lake_latest l ON t.order_id = l.order_id WHERE ${inScope}),\n` +
    `classified AS (SELECT order_id, differing, CASE ` +
    `WHEN lake_sort_key > coalesce(table_sort_key, ${quote(absentFenceSortKey)}) THEN 'in_flight' ` +
    `WHEN in_table AND NOT lake_live THEN 'missing_in_lake' ` +
    `WHEN NOT in_table AND lake_live THEN 'extra_in_lake' ` +
    `WHEN in_table AND differing <> '' THEN 'value_mismatch' ELSE 'same' END AS kind FROM paired)\n` +
    `SELECT order_id, kind, CASE WHEN kind = 'value_mismatch' THEN differing ELSE '' END AS columns FROM classified ` +
    `WHERE kind IN ('missing_in_lake', 'extra_in_lake', 'value_mismatch') ORDER BY order_id`
  );
}

/**
 * The item columns among the member names: every name not starting with `cdc_`, in the order given.
 *
 * @param names - Member names from {@link columnNamesSql}.
 * @returns The item columns.
 * @example
 * ```ts
 * itemColumns(['cdc_sort_key', 'order_id', 'total']); //=> ['order_id', 'total']
 * ```
 */
export function itemColumns(names: readonly string[]): string[] {
  return names.filter((name) => !name.startsWith(CDC_COLUMN_PREFIX));
}
