/**
 * toNotJudged: why a key in flight was not judged, and from when a run can judge it.
 */
import type { ComparedKey, NotJudged } from './drift.js';

const MICROS_PER_SECOND = 1_000_000;

/** The µs time of a `cdc_sort_key` (`<16-digit µs>-<40-digit sequence>`). */
const sortKeyMicros = (sortKey: string): number => Number(sortKey.slice(0, 16));

const isoSecond = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/**
 * A key whose lake row sorts after its fence, as the report lists it.
 *
 * The fence is the table read's second minus the margin, so the read's second is the fence plus the margin. A new
 * run's fence sorts after the lake's change once it starts at the change's second plus the margin plus one.
 *
 * @param key - A compared key in flight.
 * @param marginSeconds - The margin the fence kept.
 * @returns The key with its reason, its lake change time and when to judge it.
 * @example
 * ```ts
 * toNotJudged({ order_id: 'o-1', kind: 'extra_in_lake', columns: [], inFlight: true,
 *   lakeSortKey: '1764568790500000-0000000000000000000000000000000000000001',
 *   fenceSortKey: '1764568500000000-0000000000000000000000000000000000000000' }, 300);
 * //=> { order_id: 'o-1', kind: 'extra_in_lake', columns: [], reason: 'changed_within_margin',
 * //     lake_change_time: '2025-12-01T05:59:50Z', judge_after: '2025-12-01T06:04:51Z' }
 * ```
 */
export function toNotJudged(key: ComparedKey, marginSeconds: number): NotJudged {
  const changeSecond = Math.floor(sortKeyMicros(key.lakeSortKey) / MICROS_PER_SECOND);
  const readSecond = sortKeyMicros(key.fenceSortKey) / MICROS_PER_SECOND + marginSeconds;
  return {
    order_id: key.order_id,
    kind: key.kind,
    columns: key.columns,
    reason: changeSecond >= readSecond ? 'changed_after_read' : 'changed_within_margin',
    lake_change_time: isoSecond(changeSecond),
    judge_after: isoSecond(changeSecond + marginSeconds + 1),
  };
}
