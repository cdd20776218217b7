/**
 * What reconcile finds per key, and the run's result as `--json` prints it. Every key whose two sides differ is
 * accounted for: as drift (judged), as not judged (with the reason and when a run can judge it), or as settled (it
 * differed, then matched when re-read).
 */
import type { FenceMargin } from '../lake/choose-fence-margin.js';
import type { LastMerge, ReconcileAgainst } from './lake-side.js';

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

/**
 * Why a key that differs was not judged: its latest lake row sorts after the fence of the table row it is compared
 * with, so the two sides are not of one moment.
 * - `changed_within_margin`: the lake's change is from before the table read, but within the fence margin of it;
 * - `changed_after_read`: the lake's change is from the table read's second or later (made while it was compared).
 */
export type NotJudgedReason = 'changed_within_margin' | 'changed_after_read';

/** A key that differs but was not judged, and when a run can judge it. */
export interface NotJudged extends Drift {
  readonly reason: NotJudgedReason;
  /** When the key's latest lake change was stamped (ISO-8601, whole seconds). */
  readonly lake_change_time: string;
  /** A run (or export) started at or after this time fences after that change and judges the key (ISO-8601). */
  readonly judge_after: string;
}

/** A stage-2 row as the engine returns it: drift with its fence facts. */
export interface ComparedKey extends Drift {
  /** Whether the lake's latest row sorts after the fence (the key is not judged). */
  readonly inFlight: boolean;
  /** The lake's latest `cdc_sort_key` ('' when the lake has no row). */
  readonly lakeSortKey: string;
  /** The fence the key was compared against, as a sort key. */
  readonly fenceSortKey: string;
}

/** A reconcile run's result. */
export interface ReconcileResult {
  readonly table: string;
  /** What the table was judged against: `log` (the change log's latest row per key) or `current` (`orders_current`). */
  readonly against: ReconcileAgainst;
  /** `--against current`: the last merge of `orders_current` (keys changed after it differ until the next merge). */
  last_merge: LastMerge | null;
  /** Item columns of the table's rows that the lake side cannot hold, so were not compared (`--against current`). */
  columns_not_judged: string[];
  /** Items the table side read. */
  table_items: number;
  /** Keys alive in the lake's current state. */
  lake_keys: number;
  /** The clock-skew margin the fences kept, and why. */
  fence_margin: FenceMargin;
  /** Confirmed drift, by key. */
  drift: Drift[];
  /** Keys whose sides differ but were not judged (changed too close to the table read), by key. */
  not_judged: NotJudged[];
  /** Stage-1 buckets whose count or checksum differed. */
  buckets_differing: number;
  /** Keys that differed in the first comparison and matched when re-read (the lake caught up): not drift. */
  settled: string[];
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
 * @param rows - Rows with `order_id`, `kind`, `columns` (comma-separated), `status` (`judged` | `in_flight`),
 *   `lake_sort_key`, `fence_sort_key`.
 * @returns The compared keys.
 * @example
 * ```ts
 * toComparedKeys([{ order_id: 'o-1', kind: 'value_mismatch', columns: 'status,total', status: 'judged', lake_sort_key: 'a', fence_sort_key: 'b' }]);
 * //=> [{ order_id: 'o-1', kind: 'value_mismatch', columns: ['status', 'total'], inFlight: false, lakeSortKey: 'a', fenceSortKey: 'b' }]
 * ```
 */
export function toComparedKeys(rows: readonly Record<string, unknown>[]): ComparedKey[] {
  return rows.map((row) => ({
    order_id: String(row.order_id),
    kind: row.kind as DriftKind,
    columns: typeof row.columns === 'string' && row.columns !== '' ? row.columns.split(',') : [],
    inFlight: row.status === 'in_flight',
    lakeSortKey: typeof row.lake_sort_key === 'string' ? row.lake_sort_key : '',
    fenceSortKey: String(row.fence_sort_key ?? ''),
  }));
}

/**
 * The drift part of a compared key.
 *
 * @param key - A compared key.
 * @returns Its key, kind and columns.
 */
export const toDrift = (key: ComparedKey): Drift => ({ order_id: key.order_id, kind: key.kind, columns: key.columns });
