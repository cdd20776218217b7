/**
 * How a run stamps and hands on its changes: on the real clock, or in simulated time (`--start`, `--span`).
 */
import type { Operation } from '@sales/generator';
import type { CapturedChange } from '../dynamodb/change-capture.js';
import type { AttributeMap } from '../types.js';
import { EventTimeOrder } from './event-time-order.js';
import { OperationClock } from './operation-clock.js';

/** What the capture stage asks of the run's time. */
export interface EventTiming {
  /** The live operations as the generator draws them. */
  readonly follow: (operations: Iterable<Operation>) => Iterable<Operation>;
  /** The event time of a change to the item with this key, epoch ms (the capture's clock). */
  readonly clock: (key: AttributeMap) => number;
  /** A change was captured: the changes the stream hands on now, in order. */
  readonly captured: (change: CapturedChange) => CapturedChange[];
  /** The end of the traffic: every change still held, in order. */
  readonly drain: () => CapturedChange[];
}

/**
 * The real clock: each change is stamped when its write returns and handed on at once.
 *
 * @param clock - the run's clock, epoch ms
 * @returns the timing
 */
export function realTime(clock: () => number): EventTiming {
  return {
    follow: (operations) => operations,
    clock: () => clock(),
    captured: (change) => [change],
    drain: () => [],
  };
}

/**
 * Simulated time: each change is stamped with its own operation's time ({@link OperationClock}), and handed on in
 * event-time order once no earlier change can still come ({@link EventTimeOrder}), as a stream hands changes out about
 * when they happen.
 *
 * @param timeOf - an operation's simulated time, epoch ms (`operationTimeMs` of the plan)
 * @param keyName - the table's partition key, `order_id`
 * @returns the timing
 */
export function simulatedTime(timeOf: (operation: Operation) => number, keyName: string): EventTiming {
  const clock = new OperationClock();
  const order = new EventTimeOrder<CapturedChange>();
  const idOf = (key: Readonly<Record<string, { S?: string }>> | undefined) => key?.[keyName]?.S ?? '';
  return {
    follow: (operations) => clock.follow(operations, timeOf),
    clock: (key) => clock.timeOf(idOf(key)),
    captured: (change) => {
      clock.captured(idOf(change.record.dynamodb?.Keys));
      order.add(change, change.eventTimeMs);
      return order.release(clock.watermark());
    },
    drain: () => order.release(Number.POSITIVE_INFINITY),
  };
}
