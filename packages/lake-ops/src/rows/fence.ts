/**
 * The fence: where a snapshot row sits in `cdc_sort_key` order, so that it sorts before every stream change that
 * could have happened after the snapshot, and the rule that makes the current state per key exact.
 *
 * Stream records carry `ApproximateCreationDateTime` rounded down to the second, and `cdc_sort_key` is
 * `<16-digit µs time>-<40-digit sequence number>`. A change made after the snapshot time T therefore has a key whose
 * time part is at least floor(T) (whole seconds), and its sequence number is not zero. A snapshot row keyed at
 * `floor(T) − margin` with 40 zero digits sorts strictly before all of them; `margin` absorbs the skew between the
 * clock that took the snapshot and the one that stamps stream records (none for an export: both are DynamoDB's).
 *
 * Rule: the reconstructed state of every key (greatest `cdc_sort_key`, removes dropped) equals the table's whenever
 * the lake holds every stream change from some point at or before the fence on. Proof sketch, per key k:
 * 1. k changed at or after the fence second: its last change c is in the lake and, stream order per item being
 *    (second, sequence number), sorts after every other change of k and after the snapshot row; c is the state.
 * 2. k did not change from the fence on: nothing changed it after T (T ≥ fence), so the table holds the state of T.
 *    If k existed at T the snapshot row is its only row at or after the fence, and wins. If not, its last change
 *    was a remove before the fence; the lake holds it if the change came after the lake's start, and then it wins
 *    (dropped); if it came before, the lake holds no row of k at all.
 * Several snapshots compose: each row is the state at its own time, so whichever wins is exact by the same cases.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html
 */
import { toSortKey } from '@sales/transform';

/** Microseconds in a second. */
const MICROS_PER_SECOND = 1_000_000;

/**
 * The margin a Scan snapshot's fence keeps before its page time, for clock skew between this machine and DynamoDB.
 * Data Prepper's DynamoDB source overlaps export and stream by the same 5 minutes.
 *
 * @defaultValue 300
 */
export const DEFAULT_FENCE_MARGIN_SECONDS = 300;

/**
 * The fence of a snapshot: its time rounded down to the second, minus the margin.
 *
 * @param snapshotTimeMicros - When the snapshot was taken, in µs since the epoch (an export's time, a Scan page's start).
 * @param marginSeconds - Clock-skew margin in whole seconds. Minimum 0.
 * @returns The fence in µs since the epoch, a whole second.
 * @throws RangeError when the margin is negative or not whole.
 * @example
 * ```ts
 * toFenceMicros(1736937011_250_000, 0);   //=> 1736937011000000
 * toFenceMicros(1736937011_250_000, 300); //=> 1736936711000000
 * ```
 */
export function toFenceMicros(snapshotTimeMicros: number, marginSeconds: number): number {
  if (!Number.isInteger(marginSeconds) || marginSeconds < 0) {
    throw new RangeError(`the fence margin must be a whole number of seconds, 0 or more, received ${marginSeconds}`);
  }
  const second = Math.floor(snapshotTimeMicros / MICROS_PER_SECOND);
  return (second - marginSeconds) * MICROS_PER_SECOND;
}

/**
 * The `cdc_sort_key` of a snapshot row: the fence and no sequence number (40 zeros), below every stream change of the
 * fence's second or later (their sequence numbers are 21 to 40 digits, never all zeros).
 *
 * @param fenceMicros - From {@link toFenceMicros}.
 * @returns The sort key.
 * @example
 * ```ts
 * snapshotSortKey(1736936711000000); //=> '1736936711000000-0000000000000000000000000000000000000000'
 * ```
 */
export function snapshotSortKey(fenceMicros: number): string {
  return toSortKey(fenceMicros, null);
}
