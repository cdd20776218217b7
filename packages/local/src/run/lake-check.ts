/**
 * compareCurrentState: the run's final check, key by key, of the lake's current state against the table.
 */
import type { AttributeMap } from '../types.js';

/** Attributes compared besides the key: a lost change shows in its status or its update time. */
const COMPARED = ['status', 'updated_at'] as const;

/** How the lake's current state differs from the table. */
export interface StateDifference {
  /** Keys in the table with no current row in the lake. */
  readonly missing_in_lake: number;
  /** Keys alive in the lake but not in the table. */
  readonly extra_in_lake: number;
  /** Keys on both sides whose `status` or `updated_at` differ. */
  readonly value_mismatch: number;
  /** A few of the differing keys, for the summary. */
  readonly sample: string[];
}

const scalar = (value: AttributeMap[string] | undefined): string | undefined => value?.S ?? value?.N;

/**
 * Compare the `current_orders` rows with the table's items by `order_id`.
 *
 * @param rows - rows of the current-state query
 * @param items - the table's items
 * @returns counts per kind of difference; all zero when the lake equals the table
 * @example
 * ```ts
 * compareCurrentState([{ order_id: 'a', status: 'PAID', updated_at: 't' }], []);
 * //=> { missing_in_lake: 0, extra_in_lake: 1, value_mismatch: 0, sample: ['a'] }
 * ```
 */
export function compareCurrentState(rows: ReadonlyArray<Readonly<Record<string, unknown>>>, items: readonly AttributeMap[]): StateDifference {
  const table = new Map(items.map((item) => [scalar(item['order_id']) ?? '', item]));
  const seen = new Set<string>();
  const sample: string[] = [];
  const note = (key: string) => void (sample.length < 5 && sample.push(key));
  let extra = 0;
  let mismatch = 0;
  for (const row of rows) {
    const key = String(row['order_id']);
    seen.add(key);
    const item = table.get(key);
    if (item === undefined) {
      extra += 1;
      note(key);
    } else if (COMPARED.some((name) => String(row[name] ?? '') !== (scalar(item[name]) ?? ''))) {
      mismatch += 1;
      note(key);
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
