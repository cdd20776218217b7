/**
 * operationTimeMs: the simulated time of one planned operation, the clock every timestamp of a plan comes from.
 */
import type { PlanOptions } from './plan-types.js';

/**
 * When operation `seq` of a plan happens. Without a span, operation `i` is at `startTimeMs + i * 1000 / rate` (the
 * pace the writes are sent at); with `spanMs`, the plan's `count` operations spread evenly over
 * [startTimeMs, startTimeMs + spanMs), whatever the pace. Either way the times never decrease with `seq`, so the
 * changes of one order are stamped in the order they are made.
 *
 * @param seq - Position in the plan, from 0.
 * @param options - Start time, rate, and optionally the span and the plan's length.
 * @returns Epoch milliseconds, a whole number.
 * @example
 * ```ts
 * operationTimeMs(3, { count: 4, startTimeMs: 0, rate: 10 });                   //=> 300
 * operationTimeMs(3, { count: 4, startTimeMs: 0, rate: 10, spanMs: 86_400_000 }); //=> 64800000 (18:00 of day one)
 * ```
 */
export function operationTimeMs(seq: number, options: PlanOptions): number {
  return options.spanMs === undefined
    ? options.startTimeMs + Math.floor((seq * 1000) / options.rate)
    : options.startTimeMs + Math.floor((seq * options.spanMs) / options.count);
}
