import { planOperations, type Plan } from '@sales/generator';

/**
 * A generator plan that places exactly `orders` orders, with the generator's usual mix of
 * updates and deletes in between. The generator counts operations, not orders, so this asks it
 * for a long plan, finds the operation that places the `orders`-th order, and asks again for a
 * plan of exactly that length (plans of one seed are prefixes of each other).
 *
 * @param seed - the generator seed
 * @param orders - orders to place, at least 1
 * @param startTimeMs - time of the first operation, epoch ms
 * @param rate - operations per second the plan's timestamps assume
 * @param spanMs - spread the timestamps over [startTimeMs, startTimeMs + spanMs) instead. @defaultValue - no spread
 * @returns the plan
 * @throws Error if the generator's plans stop being prefixes of each other
 */
export function planForOrders(seed: string, orders: number, startTimeMs: number, rate: number, spanMs?: number): Plan {
  const putsIn = (plan: Plan) => plan.operations.filter((operation) => operation.op === 'put').length;
  let probe = planOperations(seed, { count: Math.ceil(orders * 2) + 10, startTimeMs, rate });
  while (putsIn(probe) < orders)
    probe = planOperations(seed, { count: probe.operations.length * 2, startTimeMs, rate });
  let puts = 0;
  const count = probe.operations.findIndex((operation) => operation.op === 'put' && ++puts === orders) + 1;
  const plan = planOperations(seed, { count, startTimeMs, rate, ...(spanMs === undefined ? {} : { spanMs }) });
  if (putsIn(plan) !== orders)
    throw new Error(`the generator planned ${putsIn(plan)} orders in ${count} operations, expected ${orders}`);
  return plan;
}

/** A plan cut in two at an order: the table's history before capture, and the live traffic after it. */
export interface SplitPlan {
  /** The operations up to and including the put of the `existing`-th order: written before capture starts. */
  readonly history: Plan;
  /** The rest: captured. Its updates and deletes also reach orders of the history. */
  readonly live: Plan;
}

/**
 * One generator plan for `existing + orders` orders, cut after the put of the `existing`-th order. The history
 * places `existing` orders (with the generator's usual updates and deletes among them, as a real table has had);
 * the live part places `orders` more, and its updates and deletes pick among every live order, old or new, so
 * they change and delete orders that existed before capture started.
 *
 * @param seed - the generator seed
 * @param existing - orders in the history, 0 or more
 * @param orders - orders placed by the live traffic, at least 1
 * @param startTimeMs - time of the first operation, epoch ms
 * @param rate - operations per second the plan's timestamps assume
 * @param spanMs - spread the whole plan's timestamps over [startTimeMs, startTimeMs + spanMs). @defaultValue - no spread
 * @returns the two parts; with `existing` 0 the history is empty and the live part is {@link planForOrders}'s plan
 * @example
 * ```ts
 * const { history, live } = planWithHistory('s', 100, 50, Date.UTC(2025, 0, 15), 1000);
 * history.operations.filter((o) => o.op === 'put').length; //=> 100
 * live.operations.filter((o) => o.op === 'put').length;    //=> 50
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
  const plan = planForOrders(seed, existing + orders, startTimeMs, rate, spanMs);
  let puts = 0;
  const cut =
    existing === 0 ? 0 : plan.operations.findIndex((operation) => operation.op === 'put' && ++puts === existing) + 1;
  return {
    history: { ...plan, operations: plan.operations.slice(0, cut) },
    live: { ...plan, operations: plan.operations.slice(cut) },
  };
}
