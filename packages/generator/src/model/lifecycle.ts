/**
 * The order lifecycle: which status may follow which, and how the plan picks the next one.
 */
import type { OrderStatus } from './order.js';
import type { Random } from './random.js';

/** Allowed transitions, with the weight the planner gives each. Terminal statuses have none. */
export const TRANSITIONS: Readonly<
  Record<OrderStatus, readonly { readonly to: OrderStatus; readonly weight: number }[]>
> = {
  placed: [
    { to: 'paid', weight: 85 },
    { to: 'cancelled', weight: 15 },
  ],
  paid: [
    { to: 'shipped', weight: 92 },
    { to: 'cancelled', weight: 8 },
  ],
  shipped: [{ to: 'delivered', weight: 1 }],
  delivered: [],
  cancelled: [],
};

/**
 * Whether an order in `status` can still change status.
 *
 * @param status - Current status.
 * @returns `false` for `delivered` and `cancelled`.
 */
export function canAdvance(status: OrderStatus): boolean {
  return TRANSITIONS[status].length > 0;
}

/**
 * Picks the next status of an order by the transition weights.
 *
 * @param random - Seeded random source.
 * @param status - Current status; must not be terminal.
 * @returns The next status.
 * @throws Error when `status` is terminal.
 * @example
 * ```ts
 * nextStatus(() => 0, 'placed'); //=> 'paid'
 * ```
 */
export function nextStatus(random: Random, status: OrderStatus): OrderStatus {
  const options = TRANSITIONS[status];
  const total = options.reduce((sum, option) => sum + option.weight, 0);
  let roll = random() * total;
  for (const option of options) {
    roll -= option.weight;
    if (roll < 0) return option.to;
  }
  throw new Error(`status "${status}" is terminal and has no next status`);
}
