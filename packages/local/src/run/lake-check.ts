/**
 * The run's final checks, key by key and value by value, of a current state (the change log's window,
 * `orders_current` or `orders_live`) against the table. Exported (`@sales/local`'s `src/run/lake-check.ts`) so tests of other tools
 * (replay, merge) judge with this one check.
 */
import { toDynamoJson, toSnapshotLine } from '@sales/lake-ops';
import type { AttributeMap } from '../types.js';
import { KeyComparison, type StateDifference, type StateRow } from './key-comparison.js';

export type { StateDifference } from './key-comparison.js';

const scalar = (value: AttributeMap[string] | undefined): string | undefined => value?.S ?? value?.N;

/**
 * The lake row the transform writes for an item (`@sales/transform`'s row code, through `@sales/lake-ops`'s
 * snapshot row), as JSON text: what the item's current-state row must show.
 *
 * @param item - a table item as a Scan returns it
 * @returns the row's JSON text, or null when the transform makes no row of it
 */
export function expectedRowText(item: AttributeMap): string | null {
  const line = toSnapshotLine(toDynamoJson(item), {
    snapshotId: 'check',
    snapshotTimeMicros: 0,
    fenceMicros: 0,
    table: 'check',
    keyNames: ['order_id'],
  });
  return line.ok ? line.value : null;
}

/**
 * The key a table item is compared under: its `order_id`.
 *
 * @param item - a table item
 * @returns the key's text ('' without one)
 */
export const tableKeyOf = (item: AttributeMap): string => scalar(item['order_id']) ?? '';

/** The columns of the change-log window (`current_orders_from_log.sql`) that are not item attributes. */
export const LOG_WINDOW_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['last_change_time', 'the event time of the latest change, which the table does not keep'],
]);

/**
 * Compares a current state, fed in batches, with table items held in memory, by `order_id` ({@link KeyComparison}).
 * For tests and small tables; a run compares in DuckDB against the table's rows on disk (`table-check.ts`).
 *
 * @example
 * ```ts
 * const check = new StateComparison(items, LOG_WINDOW_COLUMNS);
 * for await (const batch of rows) check.add(batch);
 * check.result(); //=> { missing_in_lake: 0, extra_in_lake: 0, value_mismatch: 0, sample: [], not_judged: [...] }
 * ```
 */
export class StateComparison {
  private readonly table: Map<string, AttributeMap>;
  private readonly seen = new Set<string>();
  private readonly check: KeyComparison;

  /**
   * @param items - the table's items
   * @param notItemColumns - columns of the current state that are not item attributes, with why: not compared
   */
  constructor(items: readonly AttributeMap[], notItemColumns: ReadonlyMap<string, string>) {
    this.table = new Map(items.map((item) => [tableKeyOf(item), item]));
    this.check = new KeyComparison(notItemColumns);
  }

  /**
   * Compare a batch of current-state rows.
   *
   * @param rows - rows as DuckDB gives them as JSON (DECIMAL and BIGINT as text)
   */
  add(rows: ReadonlyArray<StateRow>): void {
    for (const row of rows) {
      const key = String(row['order_id']);
      this.seen.add(key);
      const item = this.table.get(key);
      this.check.compare(key, item === undefined ? undefined : expectedRow(item), row);
    }
  }

  /** @returns the differences over every row added so far, the keys never seen counted as missing */
  result(): StateDifference {
    const missing = [...this.table.keys()].filter((key) => !this.seen.has(key));
    const difference = this.check.result();
    return {
      ...difference,
      missing_in_lake: difference.missing_in_lake + missing.length,
      sample: [...difference.sample, ...missing].slice(0, 5),
    };
  }
}

/** The item's row as a plain object (`{}` when the transform makes none). */
function expectedRow(item: AttributeMap): Record<string, unknown> {
  const text = expectedRowText(item);
  return text === null ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/**
 * Compare the change-log window's rows (`current_orders_from_log`) with the table's items in one go.
 *
 * @param rows - rows of the query
 * @param items - the table's items
 * @param notItemColumns - columns not compared, with why. @defaultValue {@link LOG_WINDOW_COLUMNS}
 * @returns counts per kind of difference, all zero when the state equals the table, and what was not judged
 * @example
 * ```ts
 * compareCurrentState([{ order_id: 'a', status: 'paid' }], []);
 * //=> { missing_in_lake: 0, extra_in_lake: 1, value_mismatch: 0, sample: ['a'], not_judged: [] }
 * ```
 */
export function compareCurrentState(
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  items: readonly AttributeMap[],
  notItemColumns: ReadonlyMap<string, string> = LOG_WINDOW_COLUMNS,
): StateDifference {
  const check = new StateComparison(items, notItemColumns);
  check.add(rows);
  return check.result();
}

/**
 * Whether a comparison found nothing.
 *
 * @param difference - from {@link compareCurrentState} or {@link StateComparison}
 * @returns true when the state equals the table (what was not judged aside)
 */
export function isEqual(difference: StateDifference): boolean {
  return difference.missing_in_lake + difference.extra_in_lake + difference.value_mismatch === 0;
}

/**
 * The columns of `orders_current` that are not item attributes, so not compared: the sort key and event time of the
 * change a row holds.
 */
export const CURRENT_TABLE_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['cdc_sort_key', 'the sort key of the change the row holds, which the table does not keep'],
  ['cdc_event_time', 'the event time of the change the row holds, which the table does not keep'],
]);
