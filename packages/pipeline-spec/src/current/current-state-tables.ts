import { type GlueColumn, ORDER_CHANGE_COLUMNS } from '../lake/catalog-schema';

/**
 * The tables that keep the current state of the orders, defined once: the stack declares them in Glue, the merge
 * writes them, the local pipeline keeps DuckDB twins of them, and reconcile compares the table with them.
 */

/** One row per live order: the declared order columns plus the sort key and event time of the change it holds. */
export const CURRENT_TABLE_NAME = 'orders_current';

/** One row per removed order: the sort key and event time of its remove, kept for the lateness window. */
export const TOMBSTONE_TABLE_NAME = 'orders_current_tombstones';

/** One row per successful merge: the run, how far it read the change log, and the window it read. */
export const MERGE_LOG_TABLE_NAME = 'orders_current_merges';

/**
 * Key prefix of the current-state tables' files: outside `sales/` (never crawled) and outside every lifecycle
 * expiry rule, because Iceberg expires its own files (snapshot retention, orphan-file deletion). Each table has a
 * folder of its own under it: the Glue table optimizers require that no two tables share a location.
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/table-optimizers.html
 */
export const CURRENT_STATE_PREFIX = 'current/';

/**
 * The change-row columns a current row keeps besides the order's own: the sort key that orders its changes, the
 * event time of the change it holds, and the values a typed column could not take (kept, never lost).
 */
const KEPT_CDC_COLUMNS = ['cdc_sort_key', 'cdc_event_time', 'cdc_rejected'] as const;

/** Columns of {@link CURRENT_TABLE_NAME}, in the declared table's order, with the declared types (money stays decimal). */
export const CURRENT_COLUMNS: readonly GlueColumn[] = ORDER_CHANGE_COLUMNS.filter(
  (column) => !column.name.startsWith('cdc_') || (KEPT_CDC_COLUMNS as readonly string[]).includes(column.name),
);

/** Columns of {@link TOMBSTONE_TABLE_NAME}. */
export const TOMBSTONE_COLUMNS: readonly GlueColumn[] = [
  { name: 'order_id', type: 'string' },
  { name: 'cdc_sort_key', type: 'string', comment: 'Sort key of the remove' },
  { name: 'cdc_event_time', type: 'string', comment: 'ISO-8601 UTC event time of the remove' },
];

/** Columns of {@link MERGE_LOG_TABLE_NAME}. */
export const MERGE_LOG_COLUMNS: readonly GlueColumn[] = [
  { name: 'run_id', type: 'string', comment: 'The merge run: a Step Functions execution name or a local run id' },
  { name: 'read_until', type: 'string', comment: 'ISO-8601 UTC instant the run started reading the change log' },
  {
    name: 'window_start',
    type: 'string',
    comment: 'First event-time hour read (yyyy-MM-ddTHH), or NULL for the whole log',
  },
];

/**
 * The current-state table's folder under a lake root: the table's name and `.iceberg`, so no table's folder is a
 * string prefix of another's (`current/orders_current` is one of `current/orders_current_tombstones/`). Glue's
 * orphan-file deletion and `VACUUM` list a table's location; a listing by key prefix would take a sibling table's
 * live files for orphans (the bug apache/iceberg#17448 fixed in Iceberg itself).
 *
 * @param table - one of the table names above
 * @returns e.g. `current/orders_current.iceberg/`
 * @example
 * ```ts
 * currentStateLocation(CURRENT_TABLE_NAME); //=> 'current/orders_current.iceberg/'
 * ```
 */
export function currentStateLocation(table: string): string {
  return `${CURRENT_STATE_PREFIX}${table}.iceberg/`;
}
