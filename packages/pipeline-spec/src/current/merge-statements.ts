import { MAX_FENCE_MARGIN_SECONDS } from '../defaults/current-state-defaults';
import { PARTITION_KEYS } from '../lake/lake-layout';
import { CURRENT_COLUMNS, MERGE_LOG_COLUMNS, TOMBSTONE_COLUMNS } from './current-state-tables';
import type { MergeDialect } from './merge-dialect';

/** The relations a merge reads and writes, as SQL text of one engine (a qualified table name, a DuckDB `read_json(…)`). */
export interface MergeTables {
  /** The engine the relations are spelled for; the few primitives that differ are spelled by it. */
  readonly dialect: MergeDialect;
  /** The change log: one row per change, with the `year`, `month`, `day`, `hour` partition columns. */
  readonly changes: string;
  /** `orders_current`. */
  readonly current: string;
  /** `orders_current_tombstones`. */
  readonly tombstones: string;
  /** `orders_current_merges`. */
  readonly mergeLog: string;
}

/** The first event-time hour a merge reads, as zero-padded partition values (`2026`, `12`, `06`, `15`). */
export interface MergeWindow {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
}

/** One merge run. */
export interface MergeRun {
  /** `incremental`: newer changes win (the schedule); `rebuild`: the whole log is the truth (a first load, a repair). */
  readonly mode: 'incremental' | 'rebuild';
  /** The run's id, recorded in the merge log. */
  readonly runId: string;
  /** ISO-8601 UTC instant the run started: the next run's window starts from it, minus the lateness. */
  readonly readUntil: string;
  /** The first hour read; null reads the whole log (a rebuild, or the first merge of a table). */
  readonly window: MergeWindow | null;
}

/** One statement of a run, named for progress, logs and the Step Functions states. */
export interface MergeStatement {
  /** `record_tombstones`, `merge_current`, `delete_orphans`, `expire_tombstones` or `record_run`. */
  readonly name: string;
  /** The statement, without a trailing `;`. */
  readonly sql: string;
}

const identifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const names = (columns: readonly { name: string }[]): string[] => columns.map((column) => identifier(column.name));

/**
 * The query that gives the next incremental window: one row, the partition values of the hour of
 * (latest `read_until` − lateness), all NULL when no merge has succeeded yet (then the first merge reads the whole log).
 *
 * @param dialect - the engine
 * @param mergeLog - the merge log relation
 * @param latenessSeconds - how late a change may arrive and still be merged
 * @returns one SELECT with the columns `year`, `month`, `day`, `hour`
 */
export function mergeWindowQuery(dialect: MergeDialect, mergeLog: string, latenessSeconds: number): string {
  const start = dialect.minusSeconds(dialect.parseIsoInstant('max("read_until")'), latenessSeconds);
  const parts = dialect.hourParts('"window_start"');
  const select = PARTITION_KEYS.map((key) => `${parts[key]} AS ${identifier(key)}`).join(', ');
  return `SELECT ${select} FROM (SELECT ${start} AS "window_start" FROM ${mergeLog}) AS "last_merge"`;
}

/**
 * The statements of one merge run, in the order they must run. Each is idempotent, so a run that stops anywhere is
 * finished by running it again, and re-running any window changes nothing:
 *
 * 1. `record_tombstones`: the latest remove of each key in the window joins the tombstones (a newer remove wins).
 * 2. `merge_current`: the window deduplicated to its latest change per key (Athena raises
 *    `MERGE_TARGET_ROW_MULTIPLE_MATCHES` otherwise, and has no `QUALIFY`), without the changes older than their key's
 *    tombstone (a late change never resurrects a removed order), merged: a remove deletes, any other operation
 *    (`insert`, `modify`, a backfill's `snapshot`) upserts. Incremental: only a newer `cdc_sort_key` wins. Rebuild: the
 *    log wins.
 * 3. Rebuild: `delete_orphans` removes rows whose key the log never saw. Incremental: `expire_tombstones` drops the
 *    tombstones no later window can need: older than the window's first hour by more than
 *    {@link MAX_FENCE_MARGIN_SECONDS}. A stream change sorts at its event time, so a change older than a remove is in
 *    any window its remove is in; a snapshot row sorts at its fence, up to that margin before its event time, so a
 *    window can hold a snapshot of an order read before a remove that lies before the window (a Scan stamped by a
 *    clock ahead of DynamoDB's), and only the tombstone keeps it from coming back.
 * 4. `record_run`: the run joins the merge log (once per run id); the next window starts from its `read_until`.
 *
 * @param tables - the relations
 * @param run - the run
 * @returns the statements; literals are quoted, so a value can never become SQL
 * @see https://docs.aws.amazon.com/athena/latest/ug/merge-into-statement.html
 * @see https://duckdb.org/docs/stable/sql/statements/merge_into
 */
export function mergeStatements(tables: MergeTables, run: MergeRun): readonly MergeStatement[] {
  const window = run.mode === 'rebuild' ? null : run.window;
  const statements = [
    { name: 'record_tombstones', sql: recordTombstones(tables, window) },
    { name: 'merge_current', sql: mergeCurrent(tables, window, run.mode) },
    run.mode === 'rebuild'
      ? { name: 'delete_orphans', sql: deleteOrphans(tables) }
      : window === null
        ? undefined
        : { name: 'expire_tombstones', sql: expireTombstones(tables, window) },
    { name: 'record_run', sql: recordRun(tables, run, window) },
  ];
  return statements.filter((statement) => statement !== undefined);
}

/**
 * The `WHERE` condition that selects a window's change rows by their partition columns: every hour from the window's
 * first on (lexicographic on the zero-padded strings), so an engine prunes the older partitions. Every statement reads
 * its window through it; a report counts the change rows read with it.
 *
 * @param window - the first hour read, or null for the whole log
 * @returns SQL text over the unqualified partition columns; `1 = 1` for the whole log
 * @example
 * ```ts
 * mergeWindowPredicate(null); //=> '1 = 1'
 * mergeWindowPredicate({ year: '2026', month: '12', day: '06', hour: '15' }).startsWith(`("year" > '2026') OR`); //=> true
 * ```
 */
export function mergeWindowPredicate(window: MergeWindow | null): string {
  if (window === null) return '1 = 1';
  const terms = PARTITION_KEYS.map((key, index) => {
    const equal = PARTITION_KEYS.slice(0, index).map((outer) => `${identifier(outer)} = ${literal(window[outer])}`);
    const last = index === PARTITION_KEYS.length - 1 ? '>=' : '>';
    return `(${[...equal, `${identifier(key)} ${last} ${literal(window[key])}`].join(' AND ')})`;
  });
  return terms.join(' OR ');
}

/** The window's latest change per key, by `cdc_sort_key` (ties, only ever identical redeliveries, by event id). */
function latestChanges(tables: MergeTables, window: MergeWindow | null): string {
  const columns = [...names(CURRENT_COLUMNS), identifier('cdc_operation')].join(', ');
  return (
    `SELECT ${columns} FROM (SELECT ${columns}, row_number() OVER (PARTITION BY "order_id" ` +
    `ORDER BY "cdc_sort_key" DESC, "cdc_event_id" DESC) AS "change_rank" FROM ${tables.changes} ` +
    `WHERE ${mergeWindowPredicate(window)}) AS "ranked" WHERE "change_rank" = 1`
  );
}

function recordTombstones(tables: MergeTables, window: MergeWindow | null): string {
  const removes =
    `SELECT "order_id", max("cdc_sort_key") AS "cdc_sort_key", max("cdc_event_time") AS "cdc_event_time" ` +
    `FROM ${tables.changes} WHERE (${mergeWindowPredicate(window)}) AND "cdc_operation" = 'remove' GROUP BY "order_id"`;
  const columns = names(TOMBSTONE_COLUMNS);
  return (
    `MERGE INTO ${tables.tombstones} AS "t" USING (${removes}) AS "s" ON "t"."order_id" = "s"."order_id" ` +
    `WHEN MATCHED AND "s"."cdc_sort_key" > "t"."cdc_sort_key" THEN UPDATE SET "cdc_sort_key" = "s"."cdc_sort_key", ` +
    `"cdc_event_time" = "s"."cdc_event_time" ` +
    `WHEN NOT MATCHED THEN INSERT (${columns.join(', ')}) VALUES (${columns.map((c) => `"s".${c}`).join(', ')})`
  );
}

function mergeCurrent(tables: MergeTables, window: MergeWindow | null, mode: MergeRun['mode']): string {
  const source =
    `SELECT "c".* FROM (${latestChanges(tables, window)}) AS "c" LEFT JOIN ${tables.tombstones} AS "d" ` +
    `ON "d"."order_id" = "c"."order_id" WHERE "d"."order_id" IS NULL OR "c"."cdc_sort_key" >= "d"."cdc_sort_key"`;
  const columns = names(CURRENT_COLUMNS);
  const newer = mode === 'rebuild' ? '' : ` AND "s"."cdc_sort_key" > "t"."cdc_sort_key"`;
  const assignments = columns.filter((c) => c !== '"order_id"').map((c) => `${c} = "s".${c}`);
  return (
    `MERGE INTO ${tables.current} AS "t" USING (${source}) AS "s" ON "t"."order_id" = "s"."order_id" ` +
    `WHEN MATCHED AND "s"."cdc_operation" = 'remove'${newer} THEN DELETE ` +
    `WHEN MATCHED AND "s"."cdc_operation" <> 'remove'${newer} THEN UPDATE SET ${assignments.join(', ')} ` +
    `WHEN NOT MATCHED AND "s"."cdc_operation" <> 'remove' THEN INSERT (${columns.join(', ')}) ` +
    `VALUES (${columns.map((c) => `"s".${c}`).join(', ')})`
  );
}

/** Rebuild only: rows whose key has no change in the log at all. A MERGE, the DELETE form both engines document. */
function deleteOrphans(tables: MergeTables): string {
  const orphans =
    `SELECT "o"."order_id" FROM ${tables.current} AS "o" LEFT JOIN (SELECT DISTINCT "order_id" FROM ${tables.changes}) ` +
    `AS "k" ON "k"."order_id" = "o"."order_id" WHERE "k"."order_id" IS NULL`;
  return `MERGE INTO ${tables.current} AS "t" USING (${orphans}) AS "s" ON "t"."order_id" = "s"."order_id" WHEN MATCHED THEN DELETE`;
}

/**
 * Tombstones of removes more than {@link MAX_FENCE_MARGIN_SECONDS} before the window's first hour: every row a later
 * window reads sorts after them (a stream change at its event time, a snapshot at most that margin before its own).
 */
function expireTombstones(tables: MergeTables, window: MergeWindow): string {
  const { dialect } = tables;
  const start = dialect.parseIsoInstant(literal(`${window.year}-${window.month}-${window.day}T${window.hour}:00:00Z`));
  const cutoff = dialect.formatIsoInstant(dialect.minusSeconds(start, MAX_FENCE_MARGIN_SECONDS));
  return `DELETE FROM ${tables.tombstones} WHERE "cdc_event_time" < ${cutoff}`;
}

/**
 * The run joins the merge log once: a MERGE keyed on the run id, so a statement retried after a lost answer, or a run
 * re-run under the same id, records it once (an `INSERT` would record it again).
 */
function recordRun(tables: MergeTables, run: MergeRun, window: MergeWindow | null): string {
  const start =
    window === null ? 'CAST(NULL AS VARCHAR)' : literal(`${window.year}-${window.month}-${window.day}T${window.hour}`);
  const columns = names(MERGE_LOG_COLUMNS);
  const values = [literal(run.runId), literal(run.readUntil), start].map((value, i) => `${value} AS ${columns[i]}`);
  return (
    `MERGE INTO ${tables.mergeLog} AS "t" USING (SELECT ${values.join(', ')}) AS "s" ON "t"."run_id" = "s"."run_id" ` +
    `WHEN NOT MATCHED THEN INSERT (${columns.join(', ')}) VALUES (${columns.map((c) => `"s".${c}`).join(', ')})`
  );
}
