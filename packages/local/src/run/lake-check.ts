/**
 * compareCurrentState: the run's final check, key by key and value by value, of the lake's current state against the
 * table. Exported (`@sales/local`'s `src/run/lake-check.ts`) so tests of other tools (replay) judge with this one check.
 */
import { toDynamoJson, toSnapshotLine } from '@sales/lake-ops';
import type { AttributeMap } from '../types.js';

/** Columns of the current-state query that are not item attributes, so not compared. */
const NOT_ITEM_COLUMNS = new Set(['last_change_time']);

/** How the lake's current state differs from the table. */
export interface StateDifference {
  /** Keys in the table with no current row in the lake. */
  readonly missing_in_lake: number;
  /** Keys alive in the lake but not in the table. */
  readonly extra_in_lake: number;
  /** Keys on both sides with some column's value different. */
  readonly value_mismatch: number;
  /** A few of the differing keys, for the summary (`key` or `key: column, column`). */
  readonly sample: string[];
}

const scalar = (value: AttributeMap[string] | undefined): string | undefined => value?.S ?? value?.N;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * One value as text both sides agree on: numbers (a JSON number, or DuckDB's DECIMAL/BIGINT text) without trailing
 * fraction zeros, so `44.9`, `"44.90"` and `44.90` are one value; null and absent as ''; anything else as JSON.
 */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'bigint'
        ? String(value)
        : JSON.stringify(value);
  return NUMERIC.test(text) && text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
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

/**
 * Compare the `current_orders` rows with the table's items by `order_id`: every column the query returns (but
 * `last_change_time`) against the row the transform makes of the table's item, numbers compared by value.
 *
 * @param rows - rows of the current-state query
 * @param items - the table's items
 * @returns counts per kind of difference; all zero when the lake equals the table
 * @example
 * ```ts
 * compareCurrentState([{ order_id: 'a', status: 'paid' }], []);
 * //=> { missing_in_lake: 0, extra_in_lake: 1, value_mismatch: 0, sample: ['a'] }
 * ```
 */
export function compareCurrentState(
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  items: readonly AttributeMap[],
): StateDifference {
  const table = new Map(items.map((item) => [scalar(item['order_id']) ?? '', item]));
  const seen = new Set<string>();
  const sample: string[] = [];
  const note = (text: string) => void (sample.length < 5 && sample.push(text));
  let extra = 0;
  let mismatch = 0;
  for (const row of rows) {
    const key = String(row['order_id']);
    seen.add(key);
    const item = table.get(key);
    if (item === undefined) {
      extra += 1;
      note(key);
      continue;
    }
    const expected = expectedRow(item) ?? {};
    const differing = Object.keys(row).filter(
      (column) => !NOT_ITEM_COLUMNS.has(column) && canonical(row[column]) !== canonical(expected[column]),
    );
    if (differing.length > 0) {
      mismatch += 1;
      note(`${key}: ${differing.join(', ')}`);
    }
  }
  const missing = [...table.keys()].filter((key) => !seen.has(key));
  missing.slice(0, 5).forEach(note);
  return { missing_in_lake: missing.length, extra_in_lake: extra, value_mismatch: mismatch, sample };
}

/**
 * Whether a comparison found nothing.
 *
 * @param difference - from {@link compareCurrentState}
 * @returns true when the lake equals the table
 */
export function isEqual(difference: StateDifference): boolean {
  return difference.missing_in_lake + difference.extra_in_lake + difference.value_mismatch === 0;
}
