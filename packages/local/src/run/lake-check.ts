/**
 * The run's final checks, key by key and value by value, of a current state (the change log's window, or
 * `orders_current`) against the table. Exported (`@sales/local`'s `src/run/lake-check.ts`) so tests of other tools
 * (replay, merge) judge with this one check.
 */
import { toDynamoJson, toSnapshotLine } from '@sales/lake-ops';
import type { AttributeMap } from '../types.js';

/** How a current state differs from the table. */
export interface StateDifference {
  /** Keys in the table with no current row. */
  readonly missing_in_lake: number;
  /** Keys alive in the current state but not in the table. */
  readonly extra_in_lake: number;
  /** Keys on both sides with some column's value different. */
  readonly value_mismatch: number;
  /** A few of the differing keys, for the summary (`key` or `key: column, column`). */
  readonly sample: string[];
  /** What was not compared, one line per column with the reason (`last_change_time: …`). */
  readonly not_judged: string[];
}

const scalar = (value: AttributeMap[string] | undefined): string | undefined => value?.S ?? value?.N;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** A number's text (a JSON number, or DuckDB's DECIMAL/BIGINT text) without trailing fraction zeros. */
const numberText = (text: string): string =>
  NUMERIC.test(text) && text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;

/**
 * One value as text both sides agree on: numbers without trailing fraction zeros, so `44.9`, `"44.90"` and `44.90`
 * are one value; null and absent as ''; lists element by element; objects (a struct, a map) by sorted member name,
 * a null member as absent (DuckDB gives every field of a struct, a line only those the item has).
 */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return numberText(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return numberText(String(value));
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const members = Object.entries(value as Record<string, unknown>)
    .map(([name, member]) => [name, canonical(member)] as const)
    .filter(([, text]) => text !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${members.map(([name, text]) => `${JSON.stringify(name)}:${text}`).join(',')}}`;
}

/**
 * The lake row the transform writes for an item (`@sales/transform`'s row code, through `@sales/lake-ops`'s
 * snapshot row), as a plain object: what the item's current-state row must show.
 */
function expectedRow(item: AttributeMap): Record<string, unknown> | undefined {
  const line = toSnapshotLine(toDynamoJson(item), {
    snapshotId: 'check',
    snapshotTimeMicros: 0,
    fenceMicros: 0,
    table: 'check',
    keyNames: ['order_id'],
  });
  return line.ok ? (JSON.parse(line.value) as Record<string, unknown>) : undefined;
}

/** The columns of the change-log window (`current_orders_from_log.sql`) that are not item attributes. */
export const LOG_WINDOW_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['last_change_time', 'the event time of the latest change, which the table does not keep'],
]);

/**
 * Compares a current state, fed in batches (a stream), with the table's items by `order_id`: every column a row has
 * (but the ones named as not item attributes) against the row the transform makes of the table's item, values
 * compared by {@link canonical} text. What it did not compare is said in `not_judged`: the columns named as not item
 * attributes, and the item columns the table's rows have but the current state never showed.
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
  private readonly rowColumns = new Set<string>();
  private readonly itemColumns = new Set<string>();
  private readonly sample: string[] = [];
  private extra = 0;
  private mismatch = 0;

  /**
   * @param items - the table's items
   * @param notItemColumns - columns of the current state that are not item attributes, with why: not compared
   */
  constructor(
    items: readonly AttributeMap[],
    private readonly notItemColumns: ReadonlyMap<string, string>,
  ) {
    this.table = new Map(items.map((item) => [scalar(item['order_id']) ?? '', item]));
  }

  /**
   * Compare a batch of current-state rows.
   *
   * @param rows - rows as DuckDB gives them as JSON (DECIMAL and BIGINT as text)
   */
  add(rows: ReadonlyArray<Readonly<Record<string, unknown>>>): void {
    for (const row of rows) {
      const key = String(row['order_id']);
      this.seen.add(key);
      for (const column of Object.keys(row)) this.rowColumns.add(column);
      const item = this.table.get(key);
      if (item === undefined) {
        this.extra += 1;
        this.note(key);
        continue;
      }
      const expected = expectedRow(item) ?? {};
      for (const column of Object.keys(expected)) if (!column.startsWith('cdc_')) this.itemColumns.add(column);
      const differing = Object.keys(row).filter(
        (column) => !this.notItemColumns.has(column) && canonical(row[column]) !== canonical(expected[column]),
      );
      if (differing.length > 0) {
        this.mismatch += 1;
        this.note(`${key}: ${differing.join(', ')}`);
      }
    }
  }

  /** @returns the differences over every row added so far, the keys never seen counted as missing */
  result(): StateDifference {
    const missing = [...this.table.keys()].filter((key) => !this.seen.has(key));
    const sample = [...this.sample];
    for (const key of missing.slice(0, Math.max(0, 5 - sample.length))) sample.push(key);
    const notJudged = [
      ...[...this.notItemColumns].filter(([column]) => this.rowColumns.has(column)),
      ...[...this.itemColumns]
        .filter((column) => !this.rowColumns.has(column))
        .sort()
        .map((column) => [column, 'in the rows the table makes, not in the current state'] as const),
    ].map(([column, reason]) => `${column}: ${reason}`);
    return {
      missing_in_lake: missing.length,
      extra_in_lake: this.extra,
      value_mismatch: this.mismatch,
      sample,
      not_judged: notJudged,
    };
  }

  private note(text: string): void {
    if (this.sample.length < 5) this.sample.push(text);
  }
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
