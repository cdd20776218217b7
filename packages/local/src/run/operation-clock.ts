/**
 * OperationClock: the clock of a run in simulated time (`--start`, `--span`), which stamps each change with the
 * simulated time of the operation that made it, and knows how far the changes still to come can reach back.
 */
import type { Operation } from '@sales/generator';

interface Drawn {
  readonly timeMs: number;
  captured: boolean;
}

/** Captured entries dropped from the front of the draw log at once, when they are at least half of it. */
const COMPACT_AFTER = 1024;

/**
 * Stamps each captured change with its own operation's simulated time: the instant the generator wrote into the order
 * (`created_at` of a put, `updated_at` of an update; a delete's time comes from its place in the plan), whatever the
 * wall clock says and however many writes are in flight. The stream record, its partition and the order's own
 * timestamps then agree, and an order's changes are stamped in the order they were made.
 *
 * The generator draws operations ahead of the writes in flight, and these complete in any order. So each order keeps
 * the times of its operations drawn and not yet captured: a change takes the oldest, and once captured the next is due.
 * The oldest uncaptured operation of all is the {@link OperationClock.watermark}: no change still to come is earlier.
 * A write that failed leaves its time behind (the generator sends nothing more for that order), which holds the
 * watermark back until the end of the run; such a run fails anyway.
 *
 * @example
 * ```ts
 * const clock = new OperationClock();
 * const operations = clock.follow(plan.operations, (operation) => operationTimeMs(operation.seq, planOptions));
 * // on each write: eventTimeMs = clock.timeOf(orderId); once its change is captured: clock.captured(orderId)
 * ```
 */
export class OperationClock {
  private readonly byOrder = new Map<string, Drawn[]>();
  private drawn: Drawn[] = [];
  private first = 0;
  private latestMs = Number.NEGATIVE_INFINITY;

  /**
   * The operations, unchanged, noting each one's time as the generator draws it.
   *
   * @param operations - the plan's operations, in order (their times never decrease)
   * @param timeOf - an operation's simulated time, epoch ms (`operationTimeMs` of the plan)
   * @returns the same operations, lazily
   */
  *follow(operations: Iterable<Operation>, timeOf: (operation: Operation) => number): Generator<Operation> {
    for (const operation of operations) {
      const entry = { timeMs: timeOf(operation), captured: false };
      this.latestMs = entry.timeMs;
      this.drawn.push(entry);
      const queue = this.byOrder.get(operation.order_id);
      if (queue === undefined) this.byOrder.set(operation.order_id, [entry]);
      else queue.push(entry);
      yield operation;
    }
  }

  /**
   * The simulated time of the change being made to an order: its oldest operation not yet captured.
   *
   * @param orderId - the written item's `order_id`
   * @returns epoch ms; for an order with nothing drawn (a write from outside the plan), the latest operation's time
   */
  timeOf(orderId: string): number {
    return this.byOrder.get(orderId)?.[0]?.timeMs ?? this.latestMs;
  }

  /**
   * A change of the order was captured: its next operation's time is due.
   *
   * @param orderId - the changed item's `order_id`
   */
  captured(orderId: string): void {
    const queue = this.byOrder.get(orderId);
    const entry = queue?.shift();
    if (entry !== undefined) entry.captured = true;
    if (queue?.length === 0) this.byOrder.delete(orderId);
  }

  /**
   * The earliest time a change still to come can carry: the oldest operation drawn and not captured, or, with none,
   * the latest drawn (operations drawn later are no earlier).
   *
   * @returns epoch ms
   */
  watermark(): number {
    while (this.first < this.drawn.length && this.drawn[this.first]?.captured === true) this.first += 1;
    if (this.first >= COMPACT_AFTER && this.first * 2 >= this.drawn.length) {
      this.drawn = this.drawn.slice(this.first);
      this.first = 0;
    }
    return this.drawn[this.first]?.timeMs ?? this.latestMs;
  }
}
