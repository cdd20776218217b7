/**
 * planOperations: the pure heart of the generator. Same seed and options, same plan.
 */
import { canAdvance, nextStatus } from '../model/lifecycle.js';
import { drawOrder, type OrderStatus } from '../model/order.js';
import type { Operation, OperationKind, OperationRatios, Plan, PlanOptions } from './plan-types.js';
import { IndexedSet, RecentIds } from './indexed-set.js';
import { operationTimeMs } from './operation-time.js';
import { createRandom, runPrefix, type Random } from '../model/random.js';

/** Default mix: 60 % puts, 30 % status updates, 10 % deletes. */
export const DEFAULT_RATIOS: OperationRatios = { put: 6, update: 3, delete: 1 };

/** Default of {@link PlanOptions.maxTrackedOrders}: keeps the planner under about 50 MB. */
export const MAX_TRACKED_ORDERS = 100_000;

const KINDS: readonly OperationKind[] = ['put', 'update', 'delete'];

function chooseKind(random: Random, ratios: OperationRatios): OperationKind {
  const total = ratios.put + ratios.update + ratios.delete;
  let roll = random() * total;
  for (const kind of KINDS) {
    roll -= ratios[kind];
    if (roll < 0 && ratios[kind] > 0) return kind;
  }
  return ratios.put > 0 ? 'put' : ratios.update > 0 ? 'update' : 'delete';
}

/**
 * Plans a run: which orders are created, which are moved along their lifecycle and which are deleted.
 *
 * Pure and deterministic: the seed drives a mulberry32 PRNG and the clock comes in as `startTimeMs`.
 * Updates and deletes only target orders created earlier in the same plan, so the final table state
 * is known in advance ({@link projectTableState}). When an update or delete is drawn but no order is
 * eligible yet, a put is planned instead, so the plan always has exactly `count` operations. Plans
 * of one seed (same ratios, start time and rate) are prefixes of each other; with `spanMs` their kinds
 * and orders still are, but not their timestamps, which spread each plan over the whole span
 * ({@link operationTimeMs}).
 *
 * @param seed - Any string; same seed and options give the same plan.
 * @param options - Count, ratios, start time, rate and TTL.
 * @returns The plan, fully materialized (see {@link iterateOperations} for long runs).
 * @example
 * ```ts
 * const plan = planOperations('42', { count: 3, startTimeMs: Date.UTC(2025, 0, 15), rate: 10 });
 * plan.operations.map((o) => o.op); //=> e.g. ['put', 'put', 'update']
 * ```
 */
export function planOperations(seed: string, options: PlanOptions): Plan {
  return { seed, runPrefix: runPrefix(seed), operations: [...iterateOperations(seed, options)] };
}

/**
 * The operations of {@link planOperations}, produced one at a time, so a long run never holds the
 * whole plan in memory (the planner keeps only the ids and statuses of live orders).
 *
 * @param seed - Any string.
 * @param options - Count, ratios, start time, rate and TTL.
 * @returns A generator yielding exactly the operations `planOperations(seed, options).operations` holds.
 */
export function* iterateOperations(seed: string, options: PlanOptions): Generator<Operation, void, undefined> {
  const random = createRandom(seed);
  const prefix = runPrefix(seed);
  const ratios = options.ratios ?? DEFAULT_RATIOS;
  const status = new Map<string, OrderStatus>();
  const live = new IndexedSet();
  const advanceable = new IndexedSet();
  const created = new RecentIds();
  const maxTracked = options.maxTrackedOrders ?? MAX_TRACKED_ORDERS;
  let puts = 0;
  for (let seq = 0; seq < options.count; seq++) {
    const timeMs = operationTimeMs(seq, options);
    const at = new Date(timeMs).toISOString();
    let kind = chooseKind(random, ratios);
    if ((kind === 'update' && advanceable.size === 0) || (kind === 'delete' && live.size === 0)) kind = 'put';
    if (kind === 'put') {
      const orderId = `ord-${prefix}-${String(puts++).padStart(7, '0')}`;
      const expiresAt = options.ttlDays === undefined ? undefined : Math.floor(timeMs / 1000) + options.ttlDays * 86400;
      status.set(orderId, 'placed');
      live.add(orderId);
      advanceable.add(orderId);
      created.push(orderId);
      while (live.size > maxTracked) {
        const oldest = created.shift();
        live.delete(oldest);
        advanceable.delete(oldest);
        status.delete(oldest);
      }
      yield { op: 'put', seq, order_id: orderId, order: drawOrder(random, orderId, at, expiresAt) };
    } else if (kind === 'update') {
      const orderId = advanceable.at(Math.floor(random() * advanceable.size));
      const from = status.get(orderId) as OrderStatus;
      const to = nextStatus(random, from);
      status.set(orderId, to);
      if (!canAdvance(to)) advanceable.delete(orderId);
      yield { op: 'update', seq, order_id: orderId, from, to, updated_at: at };
    } else {
      const orderId = live.at(Math.floor(random() * live.size));
      live.delete(orderId);
      advanceable.delete(orderId);
      status.delete(orderId);
      yield { op: 'delete', seq, order_id: orderId };
    }
  }
}
