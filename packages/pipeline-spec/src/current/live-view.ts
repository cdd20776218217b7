import { RECENT_PARTITION_KEY } from '../lake/lake-layout';
import { CURRENT_COLUMNS } from './current-state-tables';
import type { MergeDialect } from './merge-dialect';

/**
 * `orders_live`: the current state of every order, seconds fresh. `orders_current` (kept by the scheduled merge) with
 * the low-latency path's recent changes laid over it, written once for DuckDB (the local lake) and Athena (a Glue
 * view in Athena's Presto view encoding, `presto-view.ts`).
 */

/** The view's name, in Glue and in the local DuckDB. */
export const LIVE_VIEW_NAME = 'orders_live';

/** The view's columns: those of `orders_current`, in its order and with its types. */
export const LIVE_VIEW_COLUMNS = CURRENT_COLUMNS;

/** The relations the view reads, as SQL text (a table or view name; unqualified, they resolve in the view's schema). */
export interface LiveViewTables {
  /** `order_changes_recent`: one row per change, partitioned by arrival hour `dt`. */
  readonly recent: string;
  /** `orders_current`. */
  readonly current: string;
  /** `orders_current_tombstones`. */
  readonly tombstones: string;
  /** `orders_current_merges`. */
  readonly mergeLog: string;
}

/** Seconds of arrival time the view reads before (last merge's `read_until` − lateness): an object is filed under the hour its oldest record arrived in. */
export const LIVE_VIEW_HOUR_SLACK_SECONDS = 3600;

const identifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const columns = (alias?: string): string =>
  LIVE_VIEW_COLUMNS.map(
    (column) => (alias === undefined ? '' : `${identifier(alias)}.`) + identifier(column.name),
  ).join(', ');

/**
 * The first arrival hour the view reads, as a `dt` value: the hour of (latest `read_until` − lateness − 1 h), NULL
 * when no merge has succeeded yet.
 *
 * Why arrival time needs the lateness: the merge reads the change log by **event** time, from (its previous run −
 * lateness), so a change not in `orders_current` yet can be up to the lateness older, by event time, than the last
 * merge, and the merge will still take it (a late delivery or a replay into `sales/`). `recent/` is filed by
 * **arrival** time, and a change arrives after its event, so every change the next merge can still take arrived after
 * (`read_until` − lateness). One hour more because an object is filed under the hour its oldest record arrived in,
 * and an hour folder's name is its start. Older changes are either merged already or too late to be merged ever.
 */
function firstHour(dialect: MergeDialect, mergeLog: string, latenessSeconds: number): string {
  const start = dialect.minusSeconds(
    dialect.parseIsoInstant('max("read_until")'),
    latenessSeconds + LIVE_VIEW_HOUR_SLACK_SECONDS,
  );
  const { year, month, day, hour } = dialect.hourParts('"window_start"');
  return (
    `SELECT ${year} || '-' || ${month} || '-' || ${day} || '-' || ${hour} AS "first_hour" ` +
    `FROM (SELECT ${start} AS "window_start" FROM ${mergeLog}) AS "last_merge"`
  );
}

/**
 * The `SELECT` of `orders_live`, in `dialect`:
 *
 * 1. the recent changes from the first hour that can hold a change the last merge did not take ({@link firstHour};
 *    all of `recent/` before the first merge);
 * 2. deduplicated to the latest change per key by `cdc_sort_key` (ties, identical redeliveries, by `cdc_event_id`),
 *    as the merge does;
 * 3. kept only where newer than the key's row in `orders_current` (or the key is absent from it) and not older than
 *    the key's tombstone (a late change never resurrects a removed order);
 * 4. laid over `orders_current`: a kept change replaces the key's row, a kept `remove` drops it.
 *
 * The result is what `orders_current` would hold if a merge ran now, so it equals the table at any time between
 * merges (the property test in `packages/local/tests/property/live-view.property.test.ts`).
 *
 * @param dialect - the engine's spelling of time arithmetic
 * @param tables - the relations read
 * @param latenessSeconds - the merge's lateness (`mergeLatenessSeconds`)
 * @returns one `SELECT`, without a trailing `;`
 * @throws RangeError for a lateness that is not whole, non-negative seconds
 * @example
 * ```ts
 * liveViewSql(ATHENA_MERGE_DIALECT, { recent: '"order_changes_recent"', current: '"orders_current"',
 *   tombstones: '"orders_current_tombstones"', mergeLog: '"orders_current_merges"' }, 25200);
 * //=> 'WITH "last_merge" AS (SELECT format_datetime(... date_add(\'second\', -28800, ...
 * ```
 */
export function liveViewSql(dialect: MergeDialect, tables: LiveViewTables, latenessSeconds: number): string {
  const dt = identifier(RECENT_PARTITION_KEY);
  const changeColumns = `${columns()}, "cdc_operation", "cdc_event_id"`;
  // A join with the one-row merge-log CTE, not a scalar subquery: Trino can turn a join's build side into a dynamic
  // filter on the partition column.
  const recent =
    `SELECT ${columns('r')}, "r"."cdc_operation", "r"."cdc_event_id" FROM ${tables.recent} AS "r" ` +
    `CROSS JOIN "last_merge" AS "m" WHERE "r".${dt} >= coalesce("m"."first_hour", '0000')`;
  const latest =
    `SELECT ${columns()}, "cdc_operation" FROM (SELECT ${changeColumns}, row_number() OVER (PARTITION BY "order_id" ` +
    `ORDER BY "cdc_sort_key" DESC, "cdc_event_id" DESC) AS "change_rank" FROM "recent_changes") AS "ranked" ` +
    `WHERE "change_rank" = 1`;
  const overlay =
    `SELECT ${columns('l')}, "l"."cdc_operation" FROM "latest" AS "l" ` +
    `LEFT JOIN ${tables.current} AS "c" ON "c"."order_id" = "l"."order_id" ` +
    `LEFT JOIN ${tables.tombstones} AS "d" ON "d"."order_id" = "l"."order_id" ` +
    `WHERE ("c"."order_id" IS NULL OR "l"."cdc_sort_key" > "c"."cdc_sort_key") ` +
    `AND ("d"."order_id" IS NULL OR "l"."cdc_sort_key" >= "d"."cdc_sort_key")`;
  return (
    `WITH "last_merge" AS (${firstHour(dialect, tables.mergeLog, latenessSeconds)}), ` +
    `"recent_changes" AS (${recent}), "latest" AS (${latest}), "overlay" AS (${overlay}) ` +
    `SELECT ${columns('c')} FROM ${tables.current} AS "c" ` +
    `WHERE NOT EXISTS (SELECT 1 FROM "overlay" AS "o" WHERE "o"."order_id" = "c"."order_id") ` +
    `UNION ALL SELECT ${columns()} FROM "overlay" WHERE "cdc_operation" <> 'remove'`
  );
}
