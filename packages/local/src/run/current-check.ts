/**
 * checkCurrentTable: the run's final check of `orders_current` (the merge's Parquet export) against the table, read
 * as a stream.
 */
import { existsSync } from 'node:fs';
import { streamCurrentRows } from '../athena/current-table.js';
import type { AttributeMap } from '../types.js';
import { CURRENT_TABLE_COLUMNS, StateComparison, type StateDifference } from './lake-check.js';

/** What the final check of `orders_current` found. */
export interface CurrentTableCheck {
  /** Rows the export holds. */
  readonly rows: number;
  /** How it differs from the table, and what was not judged. */
  readonly difference: StateDifference;
}

/**
 * Compare the export of `orders_current`, a DuckDB data chunk at a time, with the table's items, item by item and
 * value by value (numbers by value, structs by member): memory holds the table and one chunk, not the export.
 *
 * @param parquet - `<out>/current/orders_current.parquet`
 * @param items - the table's items
 * @returns the rows read and the difference, or null when there is no export (no merge ran)
 * @example
 * ```ts
 * await checkCurrentTable('.local/current/orders_current.parquet', items);
 * //=> { rows: 249, difference: { missing_in_lake: 0, extra_in_lake: 0, value_mismatch: 0, sample: [], not_judged: [...] } }
 * ```
 */
export async function checkCurrentTable(
  parquet: string,
  items: readonly AttributeMap[],
): Promise<CurrentTableCheck | null> {
  if (!existsSync(parquet)) return null;
  const check = new StateComparison(items, CURRENT_TABLE_COLUMNS);
  let rows = 0;
  for await (const batch of streamCurrentRows(parquet)) {
    check.add(batch);
    rows += batch.length;
  }
  return { rows, difference: check.result() };
}
