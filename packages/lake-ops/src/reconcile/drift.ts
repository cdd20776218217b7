/**
 * The drift reconcile reports, per key, and the run's result as `--json` prints it.
 */

/** How a key differs between the table and the lake's current state. */
export type DriftKind = 'missing_in_lake' | 'extra_in_lake' | 'value_mismatch';

/** The kinds, in report order. */
export const DRIFT_KINDS: readonly DriftKind[] = ['missing_in_lake', 'extra_in_lake', 'value_mismatch'];

/** One key's drift. */
export interface Drift {
  readonly order_id: string;
  readonly kind: DriftKind;
  /** The item columns that differ (value_mismatch only; empty otherwise). */
  readonly columns: readonly string[];
}

/** A reconcile run's result. */
export interface ReconcileResult {
  readonly table: string;
  /** Items the Scan read. */
  table_items: number;
  /** Keys alive in the lake's current state. */
  lake_keys: number;
  /** Confirmed drift, by key. */
  drift: Drift[];
  /** Stage-1 buckets whose count or checksum differed. */
  buckets_differing: number;
  /** Keys stage 2 flagged that the re-check found in flight (changed while compared). */
  in_flight: number;
  /** Items that could not become rows (reported, not compared). */
  failed_items: string[];
  /** The repair object written, when `--repair` wrote one. */
  repair: { key: string; rows: number } | null;
  /** False when interrupted before the comparison finished. */
  complete: boolean;
}

/**
 * Reads stage 2's rows.
 *
 * @param rows - Rows with `order_id`, `kind`, `columns` (comma-separated).
 * @returns The drift entries.
 * @example
 * ```ts
 * toDrift([{ order_id: 'o-1', kind: 'value_mismatch', columns: 'status,total' }]);
 * //=> [{ order_id: 'o-1', kind: 'value_mismatch', columns: ['status', 'total'] }]
 * ```
 */
export function toDrift(rows: readonly Record<string, unknown>[]): Drift[] {
  return rows.map((row) => ({
    order_id: String(row.order_id),
    kind: row.kind as DriftKind,
    columns: typeof row.columns === 'string' && row.columns !== '' ? row.columns.split(',') : [],
  }));
}
