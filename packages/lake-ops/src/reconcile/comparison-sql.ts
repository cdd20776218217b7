/**
 * Reconcile's one comparison definition: the key bucket, the canonical row hash, the lake's latest row per key and
 * the drift classification, written once and rendered for DuckDB or Athena through a {@link SqlDialect}.
 *
 * Both sides are row lines in the lake's contract (the table side is the table's items turned into snapshot rows by
 * the transform's row code), read by the same engine in the same query, each item column as the JSON text of its
 * value, so a value is compared as the lake stores it and no hash ever crosses engines.
 */
import type { SqlDialect } from './sql-dialect.js';

/** Where the two sides' row lines are, in the dialect's terms (a glob for DuckDB, a table for Athena). */
export interface ComparisonSources {
  /** The lake's change rows (every row of `sales/`). */
  readonly lake: string;
  /** The table's items as snapshot rows, one per item; `cdc_sort_key` is the fence of the page that read it. */
  readonly table: string;
}

/** The prefix of the pipeline's metadata columns; every other member of a row is an item column. */
export const CDC_COLUMN_PREFIX = 'cdc_';

/** The key column: compared by the join, not as a value. */
export const KEY_COLUMN = 'order_id';

/** Buckets of key hashes the first stage compares. Enough that one differing key sends few keys to the second stage. */
export const DEFAULT_BUCKETS = 4096;

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const identifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The bucket of a key: the first 7 hex digits of its MD5, modulo the bucket count. */
function bucketOf(d: SqlDialect, key: string, buckets: number): string {
  return `(${d.hexToBigint(`substr(${d.md5Hex(key)}, 1, 7)`)} % ${buckets})`;
}

/** One item column's value text, '' when absent (a JSON text is never empty), so an absence compares as a value. */
const valueText = (column: string): string => `coalesce(CAST(${identifier(column)} AS VARCHAR), '')`;

/** The canonical text of a row: every item column as `name=<JSON text>`, in the given (sorted) order, joined by U+001F. */
function canonicalText(columns: readonly string[]): string {
  return columns.length === 0
    ? `''`
    : columns.map((column) => `${quote(`${column}=`)} || ${valueText(column)}`).join(' || chr(31) || ');
}

/** The row hash: the first 8 hex digits (32 bits) of the canonical text's MD5, as a BIGINT; summed per bucket. */
function rowHash(d: SqlDialect, columns: readonly string[]): string {
  return d.hexToBigint(`substr(${d.md5Hex(canonicalText(columns))}, 1, 8)`);
}

/**
 * The lake's current state: each key's latest row (highest `cdc_sort_key`), as the CTE `lake_latest` with the given
 * select list (and the columns `cdc_sort_key` and `recency`). A window over the rows, not an aggregate: DuckDB spills
 * the window's sort to disk, while `max_by` states of strings stayed in memory and a 1M-key lake failed at a 256 MB
 * limit (`bench/comparison-scale.ts`, 1M orders). The select list is computed below the window, so the window sorts
 * only what the caller keeps (stage 1: the key, the operation and the row hash, not every column's text): DuckDB's
 * window memory at 300k keys went from 91 to 44 MB.
 *
 * @see https://duckdb.org/docs/stable/guides/performance/how_to_tune_workloads (larger-than-memory workloads)
 * @see https://trino.io/docs/current/functions/window.html (row_number)
 */
function lakeLatest(
  d: SqlDialect,
  sources: ComparisonSources,
  columns: readonly string[],
  select: string,
  filter?: string,
): string {
  const where = filter === undefined ? '' : ` WHERE ${filter}`;
  return (
    `lake_latest AS (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY ${KEY_COLUMN} ORDER BY cdc_sort_key DESC) AS recency ` +
    `FROM (SELECT cdc_sort_key, ${select} FROM ${d.rowSource(sources.lake, columns)}${where}) AS lake_rows) AS lake_ranked WHERE recency = 1)`
  );
}

/**
 * Stage 1: per bucket and side, the live key count and the sum of row hashes (order-insensitive), for every non-empty
 * bucket. Equal count and sum: the bucket agrees; otherwise its keys go to stage 2.
 *
 * @param d - The engine.
 * @param sources - The two sides.
 * @param columns - The item columns (from {@link itemColumns}).
 * @param buckets - The bucket count.
 * @returns A query with columns `side` ('lake' | 'table'), `bucket`, `keys`, `checksum`.
 */
export function bucketSummarySql(
  d: SqlDialect,
  sources: ComparisonSources,
  columns: readonly string[],
  buckets: number,
): string {
  const bucket = bucketOf(d, KEY_COLUMN, buckets);
  return (
    `WITH ${lakeLatest(d, sources, columns, `${KEY_COLUMN}, cdc_operation AS operation, ${rowHash(d, columns)} AS row_hash`)},\n` +
    `table_rows AS (SELECT ${KEY_COLUMN}, ${rowHash(d, columns)} AS row_hash FROM ${d.rowSource(sources.table, columns)})\n` +
    `SELECT 'lake' AS side, ${bucket} AS bucket, count(*) AS keys, sum(row_hash) AS checksum FROM lake_latest WHERE operation <> 'remove' GROUP BY ${bucket}\n` +
    `UNION ALL\n` +
    `SELECT 'table' AS side, ${bucket} AS bucket, count(*) AS keys, sum(row_hash) AS checksum FROM table_rows GROUP BY ${bucket}`
  );
}

/** Which keys stage 2 looks at: those in some buckets, or a list of keys (the re-check). */
export type KeyScope =
  | { readonly buckets: readonly number[]; readonly bucketCount: number }
  | { readonly keys: readonly string[] };

function scopeFilter(d: SqlDialect, scope: KeyScope): string {
  if ('keys' in scope)
    return scope.keys.length === 0 ? '1 = 0' : `${KEY_COLUMN} IN (${scope.keys.map(quote).join(', ')})`;
  return scope.buckets.length === 0
    ? '1 = 0'
    : `${bucketOf(d, KEY_COLUMN, scope.bucketCount)} IN (${scope.buckets.join(', ')})`;
}

/**
 * Stage 2: every key in scope whose two sides differ, with the time fence applied.
 *
 * Fence: a key whose latest lake row sorts after the table row's fence (the snapshot sort key of the Scan page that
 * read it; for a key the table lacks, `absentFenceSortKey`) changed while it was being compared, or too close before
 * it to rule out clock skew: its sides are not of one moment, so it is returned with `status` `in_flight` (not
 * judged), never dropped. Keys whose sides are the same are not returned.
 *
 * @param d - The engine.
 * @param sources - The two sides.
 * @param columns - The item columns.
 * @param scope - Buckets or keys.
 * @param absentFenceSortKey - The fence for keys the table does not hold: the earliest page's snapshot sort key.
 * @returns A query with columns `order_id`, `kind`, `columns` (comma-separated item columns that differ), `status`
 *   (`judged` | `in_flight`), `lake_sort_key`, `fence_sort_key`, ordered by key.
 */
export function keyDriftSql(
  d: SqlDialect,
  sources: ComparisonSources,
  columns: readonly string[],
  scope: KeyScope,
  absentFenceSortKey: string,
): string {
  const filter = scopeFilter(d, scope);
  const aliases = columns.map((_, index) => `c${index}`);
  const values = columns.map((column, index) => `, ${valueText(column)} AS ${aliases[index]}`).join('');
  const differs = columns.map(
    (column, index) => `CASE WHEN t.${aliases[index]} <> l.${aliases[index]} THEN ${quote(column)} END`,
  );
  const differing = differs.length === 0 ? `''` : `concat_ws(',', ${differs.join(', ')})`;
  return (
    `WITH ${lakeLatest(d, sources, columns, `${KEY_COLUMN}, cdc_sort_key AS sort_key, cdc_operation AS operation${values}`, filter)},\n` +
    `table_rows AS (SELECT ${KEY_COLUMN}, cdc_sort_key AS sort_key${values} FROM ${d.rowSource(sources.table, columns)} WHERE ${filter}),\n` +
    `paired AS (SELECT coalesce(t.${KEY_COLUMN}, l.${KEY_COLUMN}) AS ${KEY_COLUMN}, coalesce(t.sort_key, ${quote(absentFenceSortKey)}) AS fence_sort_key, ` +
    `l.sort_key AS lake_sort_key, ` +
    `l.${KEY_COLUMN} IS NOT NULL AND l.operation <> 'remove' AS lake_live, t.${KEY_COLUMN} IS NOT NULL AS in_table, ${differing} AS differing ` +
    `FROM table_rows t FULL OUTER JOIN lake_latest l ON t.${KEY_COLUMN} = l.${KEY_COLUMN}),\n` +
    `classified AS (SELECT ${KEY_COLUMN}, differing, lake_sort_key, fence_sort_key, CASE ` +
    `WHEN in_table AND NOT lake_live THEN 'missing_in_lake' ` +
    `WHEN NOT in_table AND lake_live THEN 'extra_in_lake' ` +
    `WHEN in_table AND differing <> '' THEN 'value_mismatch' ELSE 'same' END AS kind, ` +
    `CASE WHEN lake_sort_key > fence_sort_key THEN 'in_flight' ELSE 'judged' END AS status FROM paired)\n` +
    `SELECT ${KEY_COLUMN}, kind, CASE WHEN kind = 'value_mismatch' THEN differing ELSE '' END AS columns, status, ` +
    `coalesce(lake_sort_key, '') AS lake_sort_key, fence_sort_key FROM classified ` +
    `WHERE kind IN ('missing_in_lake', 'extra_in_lake', 'value_mismatch') ORDER BY ${KEY_COLUMN}`
  );
}

/**
 * The compared columns among the member names: every name but the key and the `cdc_` columns, sorted.
 *
 * @param names - Member names, from the dialect's `memberNames` query.
 * @returns The item columns.
 * @example
 * ```ts
 * itemColumns(['total', 'cdc_sort_key', 'order_id', 'status']); //=> ['status', 'total']
 * ```
 */
export function itemColumns(names: readonly string[]): string[] {
  return names.filter((name) => name !== KEY_COLUMN && !name.startsWith(CDC_COLUMN_PREFIX)).sort();
}
