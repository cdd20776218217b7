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
 * @returns the plan
 * @throws Error if the generator's plans stop being prefixes of each other
 */
export function planForOrders(seed: string, orders: number, startTimeMs: number, rate: number): Plan {
  const putsIn = (plan: Plan) => plan.operations.filter((operation) => operation.op === 'put').length;
  let probe = planOperations(seed, { count: Math.ceil(orders * 2) + 10, startTimeMs, rate });
  while (putsIn(probe) < orders) probe = planOperations(seed, { count: probe.operations.length * 2, startTimeMs, rate });
  let puts = 0;
  const count = probe.operations.findIndex((operation) => operation.op === 'put' && ++puts === orders) + 1;
  const plan = planOperations(seed, { count, startTimeMs, rate });
  if (putsIn(plan) !== orders) throw new Error(`the generator planned ${putsIn(plan)} orders in ${count} operations, expected ${orders}`);
  return plan;
}
