/**
 * projectTableState: what the table holds after a plan is fully applied to an empty key range.
 */
import type { Order } from '../model/order.js';
import type { Plan } from './plan-types.js';

/**
 * Replays a plan in memory and returns the orders that remain, with their final status.
 *
 * Tests and the local pipeline compare a real table (or the lake's current-state query) against it.
 *
 * @param plan - A plan from {@link planOperations}.
 * @returns Remaining orders by `order_id`, in creation order.
 * @example
 * ```ts
 * projectTableState(plan).get('ord-…-0000000')?.status; //=> 'paid'
 * ```
 */
export function projectTableState(plan: Plan): Map<string, Order> {
  const state = new Map<string, Order>();
  for (const operation of plan.operations) {
    if (operation.op === 'put') state.set(operation.order_id, operation.order);
    else if (operation.op === 'delete') state.delete(operation.order_id);
    else {
      const current = state.get(operation.order_id);
      if (current) state.set(operation.order_id, { ...current, status: operation.to, updatedAt: operation.updated_at });
    }
  }
  return state;
}
