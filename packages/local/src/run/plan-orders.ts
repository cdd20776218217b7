import { iterateOperations, type LazyPlan, type Operation } from '@sales/generator';

/** Where a plan of `existing + orders` orders is cut: its length, and the operations before capture. */
interface PlanLength {
  /** Operations in all: up to and including the put of the last order. */
  readonly count: number;
  /** Operations up to and including the put of the `existing`-th order (0 without any). */
  readonly cut: number;
}

/**
 * The operations a plan needs to place `existing + orders` orders, and where the `existing`-th is placed. The
 * generator counts operations, not orders; plans of one seed are prefixes of each other (their kinds and orders, not
 * their timestamps under a span), so one lazy pass over a plan long enough finds both, holding one operation at a time.
 */
function measurePlan(seed: string, existing: number, orders: number, startTimeMs: number, rate: number): PlanLength {
  let puts = 0;
  let cut = 0;
  let count = 0;
  for (const operation of iterateOperations(seed, { count: Number.MAX_SAFE_INTEGER, startTimeMs, rate })) {
    count += 1;
    if (operation.op !== 'put') continue;
    puts += 1;
    if (puts === existing) cut = count;
    if (puts === existing + orders) break;
  }
  return { count, cut };
}

/** A plan cut in two at an order: the table's history before capture, and the live traffic after it. */
export interface SplitPlan {
  /** The operations up to and including the put of the `existing`-th order: written before capture starts. */
  readonly history: LazyPlan;
  /** The rest: captured. Its updates and deletes also reach orders of the history. Read it after the history. */
  readonly live: LazyPlan;
}

/**
 * One generator plan for `existing + orders` orders, cut after the put of the `existing`-th order. The history
 * places `existing` orders (with the generator's usual updates and deletes among them, as a real table has had);
 * the live part places `orders` more, and its updates and deletes pick among every live order, old or new, so
 * they change and delete orders that existed before capture started. Both parts are lazy (one pass of the generator
 * shared by the two, the history first), so a plan of any length holds one operation at a time.
 *
 * @param seed - the generator seed
 * @param existing - orders in the history, 0 or more
 * @param orders - orders placed by the live traffic, at least 1
 * @param startTimeMs - time of the first operation, epoch ms
 * @param rate - operations per second the plan's timestamps assume
 * @param spanMs - spread the whole plan's timestamps over [startTimeMs, startTimeMs + spanMs). @defaultValue - no spread
 * @returns the two parts; with `existing` 0 the history is empty
 * @example
 * ```ts
 * const { history, live } = planWithHistory('s', 100, 50, Date.UTC(2025, 0, 15), 1000);
 * [...history.operations].filter((o) => o.op === 'put').length; //=> 100
 * [...live.operations].filter((o) => o.op === 'put').length;    //=> 50
 * ```
 */
export function planWithHistory(
  seed: string,
  existing: number,
  orders: number,
  startTimeMs: number,
  rate: number,
  spanMs?: number,
): SplitPlan {
  const { count, cut } = measurePlan(seed, existing, orders, startTimeMs, rate);
  const operations = iterateOperations(seed, { count, startTimeMs, rate, ...(spanMs === undefined ? {} : { spanMs }) });
  function* take(n: number): Generator<Operation> {
    for (let taken = 0; taken < n; taken++) {
      const next = operations.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  return {
    history: { operations: take(cut), count: cut },
    live: { operations: take(count - cut), count: count - cut },
  };
}

/**
 * A generator plan that places exactly `orders` orders, with the generator's usual mix of updates and deletes in
 * between: {@link planWithHistory} without a history.
 *
 * @param seed - the generator seed
 * @param orders - orders to place, at least 1
 * @param startTimeMs - time of the first operation, epoch ms
 * @param rate - operations per second the plan's timestamps assume
 * @returns the plan, lazy
 */
export function planForOrders(seed: string, orders: number, startTimeMs: number, rate: number): LazyPlan {
  return planWithHistory(seed, 0, orders, startTimeMs, rate).live;
}
