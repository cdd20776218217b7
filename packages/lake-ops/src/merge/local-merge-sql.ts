/**
 * The DuckDB side of the local merge: the three tables with DuckDB types mapped from their declared Hive types, the
 * change log as a view over the lake's objects, and the counts a run reports. The merge itself is
 * `mergeStatements` from `@sales/pipeline-spec`, the same SQL the stack runs in Athena.
 */
import {
  DUCKDB_MERGE_DIALECT,
  CURRENT_COLUMNS,
  CURRENT_TABLE_NAME,
  duckDbTypeOf,
  lakeJsonViewSql,
  MERGE_LOG_COLUMNS,
  MERGE_LOG_TABLE_NAME,
  mergeWindowPredicate,
  ORDER_CHANGE_COLUMNS,
  PARTITION_COLUMNS,
  parseHiveType,
  TABLE_NAME,
  TOMBSTONE_COLUMNS,
  TOMBSTONE_TABLE_NAME,
  type GlueColumn,
  type MergeTables,
  type MergeWindow,
} from '@sales/pipeline-spec';

const identifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The relations the local merge reads and writes; the change log is a temporary view of the run's connection. */
export const LOCAL_MERGE_TABLES: MergeTables = {
  dialect: DUCKDB_MERGE_DIALECT,
  changes: identifier(TABLE_NAME),
  current: identifier(CURRENT_TABLE_NAME),
  tombstones: identifier(TOMBSTONE_TABLE_NAME),
  mergeLog: identifier(MERGE_LOG_TABLE_NAME),
};

const columnList = (columns: readonly GlueColumn[]): string =>
  columns.map((column) => `${identifier(column.name)} ${duckDbTypeOf(column.type)}`).join(', ');

/**
 * `CREATE TABLE IF NOT EXISTS` for the three tables: money `DECIMAL(12, 2)`, line items a list of structs, so a value
 * read from the lake is kept exactly. Idempotent.
 *
 * @returns Three statements.
 * @example
 * ```ts
 * createCurrentStateTablesSql()[0].startsWith('CREATE TABLE IF NOT EXISTS "orders_current" ("order_id" VARCHAR'); //=> true
 * ```
 */
export function createCurrentStateTablesSql(): readonly string[] {
  return [
    [CURRENT_TABLE_NAME, CURRENT_COLUMNS],
    [TOMBSTONE_TABLE_NAME, TOMBSTONE_COLUMNS],
    [MERGE_LOG_TABLE_NAME, MERGE_LOG_COLUMNS],
  ].map(
    ([name, columns]) =>
      `CREATE TABLE IF NOT EXISTS ${identifier(name as string)} (${columnList(columns as GlueColumn[])})`,
  );
}

/**
 * The change log as Athena's `order_changes` reads it ({@link lakeJsonViewSql} with the declared columns and the
 * partition keys). A lake without objects is an empty relation of the same columns (DuckDB's glob fails when nothing
 * matches).
 *
 * @param dataGlob - e.g. `/repo/.local/sales/**\/*.json.gz`, or `undefined` when the lake holds no object.
 * @returns One `CREATE OR REPLACE TEMP VIEW`.
 */
export function changeLogViewSql(dataGlob: string | undefined): string {
  if (dataGlob === undefined) {
    const columns = [...ORDER_CHANGE_COLUMNS, ...PARTITION_COLUMNS];
    const nulls = columns.map((c) => `CAST(NULL AS ${duckDbTypeOf(c.type)}) AS ${identifier(c.name)}`);
    return `CREATE OR REPLACE TEMP VIEW ${LOCAL_MERGE_TABLES.changes} AS SELECT ${nulls.join(', ')} WHERE 1 = 0`;
  }
  return lakeJsonViewSql({
    name: TABLE_NAME,
    temporary: true,
    dataGlob,
    columns: ORDER_CHANGE_COLUMNS.map((c) => ({ name: c.name, type: parseHiveType(c.type) })),
    partitionKeys: PARTITION_COLUMNS.map((c) => c.name),
  });
}

/** The key and sort key of every current row before the run, so the run can tell what it inserted, updated and deleted. */
export const SNAPSHOT_KEYS_SQL =
  'CREATE OR REPLACE TEMP TABLE "merge_before" AS SELECT "order_id", "cdc_sort_key" FROM "orders_current"';

/**
 * Rows inserted (a key the table did not hold), updated (same key, another sort key), deleted (a key it no longer
 * holds), and the rows it holds now, compared with {@link SNAPSHOT_KEYS_SQL}.
 */
export const CHANGED_KEYS_SQL =
  'SELECT count(*) FILTER (WHERE "b"."order_id" IS NULL) AS "inserted", ' +
  'count(*) FILTER (WHERE "b"."order_id" IS NOT NULL AND "a"."order_id" IS NOT NULL ' +
  'AND "a"."cdc_sort_key" IS DISTINCT FROM "b"."cdc_sort_key") AS "updated", ' +
  'count(*) FILTER (WHERE "a"."order_id" IS NULL) AS "deleted", count("a"."order_id") AS "current_rows" ' +
  'FROM "merge_before" AS "b" FULL OUTER JOIN "orders_current" AS "a" ON "a"."order_id" = "b"."order_id"';

/**
 * How many change rows the run's window holds, through the same predicate its statements read with.
 *
 * @param window - The window, or null for the whole log.
 * @returns One SELECT with the column `change_rows`.
 */
export function changeRowsInWindowSql(window: MergeWindow | null): string {
  return `SELECT count(*) AS "change_rows" FROM ${LOCAL_MERGE_TABLES.changes} WHERE ${mergeWindowPredicate(window)}`;
}

/**
 * The export of `orders_current`: every row in the table's own order, which the same merges always leave the same
 * (one thread, insertion order preserved), so the same history gives the same file. Not sorted: DuckDB's sort of the
 * whole table ran out of the merge's 128 MB limit at about 300 k orders, where a plain COPY streams.
 *
 * @param path - The file to write (a temporary name, renamed over the export once complete).
 * @returns One COPY.
 * @see https://duckdb.org/docs/stable/sql/statements/copy
 */
export function exportCurrentSql(path: string): string {
  return `COPY (SELECT * FROM ${LOCAL_MERGE_TABLES.current}) TO ${literal(path)} (FORMAT parquet)`;
}
