/**
 * Random histories of orders for the merge properties: what happened to each order (the truth), how its changes
 * reached the lake (duplicates, out of order within the lateness), a backfill snapshot, and when merges ran.
 */
import fc from 'fast-check';
import { snapshotChangeLine, streamChangeLine, type OrderVersion } from '../support/order-changes.js';

/** Seconds since the history's start: 2026-12-06T00:00:00Z. */
export const START_MICROS = Date.UTC(2026, 11, 6) * 1000;
/** How late a change may reach the lake; every delivery here is earlier than that. */
export const LATENESS_SECONDS = 3600;
const SECOND = 1_000_000;

/** One change of one order, in the order it happened. */
export interface TrueChange {
  readonly operation: 'insert' | 'modify' | 'remove';
  readonly orderId: string;
  readonly version: OrderVersion;
  /** Whole seconds since the start (DynamoDB Streams times are whole seconds). */
  readonly second: number;
  /** Global stream sequence number, increasing in the order the changes happened. */
  readonly sequence: number;
}

/** One row line as it reached the lake. */
export interface Delivery {
  readonly line: string;
  /** Seconds since the start it landed in the lake. */
  readonly arrival: number;
  /** What the row stands for: the change, or a snapshot of the order at `second`. */
  readonly source: { readonly kind: 'stream' | 'snapshot'; readonly orderId: string; readonly second: number };
}

/** One history, with the merges to run over it. */
export interface History {
  readonly changes: readonly TrueChange[];
  readonly deliveries: readonly Delivery[];
  /** When each merge reads up to (seconds since the start), ascending, and whether it rebuilds. */
  readonly merges: readonly { readonly at: number; readonly rebuild: boolean }[];
  /** The time after which nothing more arrives: the last merge runs then. */
  readonly end: number;
}

const version = fc.record({
  status: fc.constantFrom('placed', 'paid', 'shipped', 'delivered', 'cancelled'),
  quantity: fc.integer({ min: 1, max: 9 }),
  unitCents: fc.integer({ min: 1, max: 9_999_999 }),
});

/** One order's life: an insert, then modifies, a remove, a re-insert…, with gaps in seconds (0: the same second). */
const orderLife = fc.array(fc.record({ gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5400 })), version }), {
  minLength: 1,
  maxLength: 6,
});
const removeAt = fc.array(fc.boolean(), { minLength: 6, maxLength: 6 });

/** The order's state after every change up to `second` (inclusive), or undefined when it does not exist then. */
export function stateAt(changes: readonly TrueChange[], orderId: string, second: number): OrderVersion | undefined {
  let state: OrderVersion | undefined;
  for (const change of changes)
    if (change.orderId === orderId && change.second <= second)
      state = change.operation === 'remove' ? undefined : change.version;
  return state;
}

/** Histories of one to three orders. */
export const histories: fc.Arbitrary<History> = fc
  .record({
    lives: fc.array(fc.tuple(orderLife, removeAt), { minLength: 1, maxLength: 3 }),
    delays: fc.array(
      fc.tuple(fc.integer({ min: 0, max: LATENESS_SECONDS - 1 }), fc.option(fc.nat(LATENESS_SECONDS - 1))),
      {
        minLength: 18,
        maxLength: 18,
      },
    ),
    snapshot: fc.option(
      fc.record({
        at: fc.nat(30_000),
        marginSeconds: fc.constantFrom(0, 300),
        /** How far the host that stamped the snapshot was ahead of DynamoDB's clock, as a share of the margin. */
        skew: fc.integer({ min: -100, max: 100 }),
        delay: fc.nat(LATENESS_SECONDS - 1),
      }),
    ),
    cuts: fc.array(fc.record({ at: fc.nat(40_000), rebuild: fc.nat(4).map((n) => n === 0) }), {
      minLength: 2,
      maxLength: 3,
    }),
  })
  .map(({ lives, delays, snapshot, cuts }) => {
    const raw: Omit<TrueChange, 'sequence'>[] = [];
    lives.forEach(([life, removes], index) => {
      const orderId = `ord-${index}`;
      let second = 0;
      let alive = false;
      life.forEach((step, position) => {
        second += step.gap;
        const operation = !alive ? 'insert' : removes[position] === true ? 'remove' : 'modify';
        alive = operation !== 'remove';
        raw.push({ operation, orderId, version: step.version, second });
      });
    });
    const ordered = raw
      .map((change, index) => ({ change, index }))
      .sort((a, b) => a.change.second - b.change.second || a.index - b.index);
    const changes: TrueChange[] = ordered.map(({ change }, index) => ({ ...change, sequence: 1000 + index }));
    const deliveries: Delivery[] = [];
    changes.forEach((change, index) => {
      const [first, again] = delays[index % delays.length] ?? [0, null];
      const line = streamChangeLine({ ...change, eventTimeMicros: START_MICROS + change.second * SECOND });
      const source = { kind: 'stream' as const, orderId: change.orderId, second: change.second };
      deliveries.push({ line, arrival: change.second + first, source });
      if (again !== null) deliveries.push({ line, arrival: change.second + again, source });
    });
    if (snapshot !== null) {
      // Read at `at` by DynamoDB's clock, stamped by a host up to the margin ahead or behind, fenced the margin before
      // the stamp (so at or before the read, as `toFenceMicros` makes it), landing in the stamp's partition.
      const stamped = snapshot.at + Math.trunc((snapshot.skew * snapshot.marginSeconds) / 100);
      const takenMicros = START_MICROS + stamped * SECOND + SECOND / 2;
      const fenceMicros = START_MICROS + (stamped - snapshot.marginSeconds) * SECOND;
      for (const orderId of new Set(changes.map((c) => c.orderId))) {
        const state = stateAt(changes, orderId, snapshot.at);
        if (state === undefined) continue;
        deliveries.push({
          line: snapshotChangeLine(orderId, state, takenMicros, fenceMicros),
          arrival: Math.max(stamped + snapshot.delay, snapshot.at),
          source: { kind: 'snapshot', orderId, second: snapshot.at },
        });
      }
    }
    const end = Math.max(...deliveries.map((d) => d.arrival)) + 1;
    const merges = cuts
      .filter((cut) => cut.at < end)
      .sort((a, b) => a.at - b.at)
      .filter((cut, index, all) => index === 0 || all[index - 1]?.at !== cut.at);
    return { changes, deliveries, merges, end };
  });
