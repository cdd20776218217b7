/**
 * EventTimeOrder: holds captured changes until no earlier one can still come, then lets them go in event-time order.
 */

interface Waiting<T> {
  readonly item: T;
  readonly timeMs: number;
}

/**
 * A reorder buffer keyed by event time. In simulated time the writes in flight complete out of their operations'
 * order, while a DynamoDB stream hands out each change about when it happened, its shards read in parallel. Items wait
 * here until the watermark (the earliest time a change still to come can carry) has reached them; those released
 * come out by time, ties in the order they were added, so one item's changes (never two at one time out of order)
 * keep their order.
 *
 * @example
 * ```ts
 * const order = new EventTimeOrder<string>();
 * order.add('b', 20);
 * order.add('a', 10);
 * order.release(15); //=> ['a']
 * order.release(Number.POSITIVE_INFINITY); //=> ['b']
 * ```
 */
export class EventTimeOrder<T> {
  private waiting: Waiting<T>[] = [];
  private earliestMs = Number.POSITIVE_INFINITY;

  /**
   * Hold an item.
   *
   * @param item - the item
   * @param timeMs - its event time, epoch ms
   */
  add(item: T, timeMs: number): void {
    this.waiting.push({ item, timeMs });
    this.earliestMs = Math.min(this.earliestMs, timeMs);
  }

  /**
   * Let go of every item at or before the watermark.
   *
   * @param watermarkMs - no item still to come is earlier; `Infinity` at the end
   * @returns the items released, by event time (ties in the order added)
   */
  release(watermarkMs: number): T[] {
    if (watermarkMs < this.earliestMs) return [];
    const due = this.waiting.filter((entry) => entry.timeMs <= watermarkMs);
    this.waiting = this.waiting.filter((entry) => entry.timeMs > watermarkMs);
    this.earliestMs = this.waiting.reduce(
      (earliest, entry) => Math.min(earliest, entry.timeMs),
      Number.POSITIVE_INFINITY,
    );
    return due.sort((a, b) => a.timeMs - b.timeMs).map((entry) => entry.item);
  }
}
