/**
 * planOperations: pure, deterministic, lifecycle-respecting.
 */
import { TRANSITIONS } from '../../src/model/lifecycle';
import type { OrderStatus } from '../../src/model/order';
import { operationTimeMs } from '../../src/plan/operation-time';
import { iterateOperations, planOperations } from '../../src/plan/plan';
import { projectTableState } from '../../src/plan/project';
import { runPrefix } from '../../src/model/random';

const START = Date.UTC(2025, 0, 15, 10, 30);

describe('planOperations', () => {
  it('returns the same plan for the same seed and options', () => {
    const options = { count: 500, startTimeMs: START, rate: 50 };
    expect(planOperations('7', options)).toEqual(planOperations('7', options));
  });

  it('yields the same operations lazily as it plans eagerly', () => {
    const options = { count: 700, startTimeMs: START, rate: 20, ttlDays: 3 };
    expect([...iterateOperations('lazy', options)]).toEqual(planOperations('lazy', options).operations);
  });

  it('makes shorter plans of a seed prefixes of longer ones', () => {
    const long = planOperations('prefix', { count: 900, startTimeMs: START, rate: 20 });
    const short = planOperations('prefix', { count: 250, startTimeMs: START, rate: 20 });
    expect(short.operations).toEqual(long.operations.slice(0, 250));
  });

  it('only targets the most recent maxTrackedOrders live orders', () => {
    const { operations } = planOperations('window', {
      count: 5000,
      startTimeMs: START,
      rate: 100,
      maxTrackedOrders: 50,
    });
    const putIndex = new Map<string, number>();
    let puts = 0;
    let targeted = 0;
    for (const operation of operations) {
      if (operation.op === 'put') {
        putIndex.set(operation.order_id, puts++);
        continue;
      }
      // At most 50 live orders are tracked, so a target is among the last 50 + (deleted since) puts;
      // with 10 % deletes that is comfortably below 100.
      expect(puts - (putIndex.get(operation.order_id) ?? -1)).toBeLessThanOrEqual(100);
      targeted++;
    }
    expect(targeted).toBeGreaterThan(1000);
  });

  it('plans exactly count operations with consecutive seq numbers', () => {
    const plan = planOperations('count', { count: 321, startTimeMs: START, rate: 10 });
    expect(plan.operations.map((op) => op.seq)).toEqual([...Array(321).keys()]);
  });

  it('only updates or deletes orders created earlier in the plan, never after their deletion', () => {
    const { operations } = planOperations('order', { count: 3000, startTimeMs: START, rate: 100 });
    const created = new Set<string>();
    const deleted = new Set<string>();
    for (const operation of operations) {
      if (operation.op === 'put') {
        expect(created.has(operation.order_id)).toBe(false);
        created.add(operation.order_id);
        continue;
      }
      expect(created.has(operation.order_id)).toBe(true);
      expect(deleted.has(operation.order_id)).toBe(false);
      if (operation.op === 'delete') deleted.add(operation.order_id);
    }
    expect(deleted.size).toBeGreaterThan(0);
  });

  it('moves each order along the lifecycle, one allowed transition at a time', () => {
    const { operations } = planOperations('life', { count: 3000, startTimeMs: START, rate: 100 });
    const status = new Map<string, OrderStatus>();
    const seen = new Set<OrderStatus>();
    for (const operation of operations) {
      if (operation.op === 'put') status.set(operation.order_id, operation.order.status);
      if (operation.op !== 'update') continue;
      expect(operation.from).toBe(status.get(operation.order_id));
      expect(TRANSITIONS[operation.from].map((t) => t.to)).toContain(operation.to);
      status.set(operation.order_id, operation.to);
      seen.add(operation.to);
    }
    expect([...seen].sort()).toEqual(['cancelled', 'delivered', 'paid', 'shipped']);
  });

  it('follows the ratios roughly and falls back to a put when nothing is eligible', () => {
    const { operations } = planOperations('mix', {
      count: 10_000,
      startTimeMs: START,
      rate: 100,
      ratios: { put: 6, update: 3, delete: 1 },
    });
    const share = (kind: string): number => operations.filter((op) => op.op === kind).length / operations.length;
    expect(share('put')).toBeGreaterThan(0.55);
    expect(share('update')).toBeGreaterThan(0.25);
    expect(share('delete')).toBeGreaterThan(0.07);
    expect(operations[0]?.op).toBe('put');
    const putsOnly = planOperations('mix', {
      count: 50,
      startTimeMs: START,
      rate: 100,
      ratios: { put: 1, update: 0, delete: 0 },
    });
    expect(putsOnly.operations.every((op) => op.op === 'put')).toBe(true);
  });

  it('derives timestamps from the start time and rate, and ids from the seed', () => {
    const plan = planOperations('time', { count: 5, startTimeMs: START, rate: 4, ttlDays: 2 });
    expect(plan.runPrefix).toBe(runPrefix('time'));
    const first = plan.operations[0];
    expect(first?.op === 'put' && first.order).toMatchObject({
      orderId: `ord-${runPrefix('time')}-0000000`,
      status: 'placed',
      createdAt: '2025-01-15T10:30:00.000Z',
      updatedAt: '2025-01-15T10:30:00.000Z',
      expiresAt: START / 1000 + 2 * 86_400,
    });
    for (const operation of planOperations('time', { count: 40, startTimeMs: START, rate: 4 }).operations) {
      const expected = new Date(START + operation.seq * 250).toISOString();
      if (operation.op === 'put') expect(operation.order.createdAt).toBe(expected);
      if (operation.op === 'update') expect(operation.updated_at).toBe(expected);
    }
  });

  it('spreads the timestamps over the span, never decreasing, with expires_at following created_at', () => {
    const spanMs = 3 * 86_400_000;
    const { operations } = planOperations('span', {
      count: 900,
      startTimeMs: START,
      rate: 100_000,
      spanMs,
      ttlDays: 2,
    });
    const times = operations.map((operation) =>
      operationTimeMs(operation.seq, { count: 900, startTimeMs: START, rate: 100_000, spanMs }),
    );
    expect(times[0]).toBe(START);
    expect(Math.max(...times)).toBeLessThan(START + spanMs);
    expect(Math.max(...times)).toBeGreaterThan(START + spanMs - spanMs / 100);
    expect(times.every((time, i) => i === 0 || time >= (times[i - 1] as number))).toBe(true);
    const lastChange = new Map<string, string>();
    for (const operation of operations) {
      const at = new Date(times[operation.seq] as number).toISOString();
      if (operation.op === 'put') {
        expect(operation.order).toMatchObject({ createdAt: at, updatedAt: at });
        expect(operation.order.expiresAt).toBe(Math.floor((times[operation.seq] as number) / 1000) + 2 * 86_400);
      }
      if (operation.op === 'update') {
        expect(operation.updated_at).toBe(at);
        expect(operation.updated_at >= (lastChange.get(operation.order_id) as string)).toBe(true);
      }
      lastChange.set(operation.order_id, at);
    }
    const days = new Set(
      operations.map((operation) => new Date(times[operation.seq] as number).toISOString().slice(0, 10)),
    );
    expect(days.size).toBe(4); // 10:30 on the first day to 10:30 on the fourth
  });

  it('keeps the operations of a spread plan those of the unspread one: only the timestamps move', () => {
    const plain = planOperations('same', { count: 400, startTimeMs: START, rate: 10 });
    const spread = planOperations('same', { count: 400, startTimeMs: START, rate: 10, spanMs: 7 * 86_400_000 });
    const shape = (operation: (typeof plain.operations)[number]) => [operation.op, operation.order_id];
    expect(spread.operations.map(shape)).toEqual(plain.operations.map(shape));
  });

  it('projects the final state: deleted orders absent, statuses as last updated', () => {
    const plan = planOperations('project', { count: 2000, startTimeMs: START, rate: 100 });
    const state = projectTableState(plan);
    const last = new Map<string, string | undefined>();
    for (const operation of plan.operations) {
      last.set(
        operation.order_id,
        operation.op === 'put' ? 'placed' : operation.op === 'update' ? operation.to : undefined,
      );
    }
    for (const [orderId, status] of last) expect(state.get(orderId)?.status).toBe(status);
  });
});
