/**
 * The fence rule, proved on random histories: the current state rebuilt from the lake (greatest cdc_sort_key per
 * key, removes dropped, as the current_orders named query does) equals the table's, whenever the lake holds every
 * stream change from some point at or before the fence on.
 */
import fc from 'fast-check';
import { parseChangeRecord, serializeRow, toRow, type AttributeMap } from '@sales/transform';
import { toFenceMicros } from '../../src/rows/fence.js';
import { toSnapshotLine } from '../../src/rows/snapshot-row.js';

const SECOND = 1_000_000;
const BASE_SECOND = 1_736_937_000; // 2025-01-15T10:30:00Z
const KEYS = ['o-0', 'o-1', 'o-2', 'o-3', 'o-4'];

/** One write to the table, at a true time in µs. `value` undefined = DeleteItem. */
interface Write {
  readonly key: string;
  readonly atMicros: number;
  readonly value: number | undefined;
}

interface Scenario {
  readonly initial: ReadonlyMap<string, number>;
  readonly writes: readonly Write[];
  /** When the snapshot (a Scan page's request, an export) started, in true time. */
  readonly snapshotMicros: number;
  /** Per key: how long after the start the snapshot read it (a Scan page sees writes made while it runs). */
  readonly readDelayMicros: Readonly<Record<string, number>>;
  /** Skew of the snapshot's clock against DynamoDB's, within the margin. */
  readonly skewMicros: number;
  readonly marginSeconds: number;
  /** The lake holds every change from this far before the fence on (and nothing older). */
  readonly lakeStartBeforeFenceMicros: number;
  /** How many times each change was delivered (at-least-once), by change index. */
  readonly deliveries: readonly number[];
}

// Times span 6 seconds around the snapshot, with ms offsets, so many writes share the snapshot's own second.
const timeInWindow = fc.integer({ min: 0, max: 6 * SECOND - 1 }).map((offset) => (BASE_SECOND + 2) * SECOND + offset);

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    initial: fc.dictionary(fc.constantFrom(...KEYS), fc.integer({ min: 0, max: 99 })),
    writes: fc.array(
      fc.record({
        key: fc.constantFrom(...KEYS),
        atMicros: timeInWindow,
        value: fc.option(fc.integer({ min: 100, max: 999 }), { nil: undefined }),
      }),
      { maxLength: 30 },
    ),
    snapshotMicros: fc.oneof(
      timeInWindow,
      timeInWindow.map((t) => Math.floor(t / SECOND) * SECOND),
    ),
    readDelayMicros: fc.dictionary(fc.constantFrom(...KEYS), fc.integer({ min: 0, max: 1_500_000 })),
    marginSeconds: fc.integer({ min: 0, max: 2 }),
    skewFraction: fc.double({ min: -1, max: 1, noNaN: true }),
    lakeStartBeforeFenceMicros: fc.integer({ min: 0, max: 4 * SECOND }),
    deliveries: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 30, maxLength: 30 }),
  })
  .map(({ initial, skewFraction, marginSeconds, ...rest }) => ({
    ...rest,
    initial: new Map(Object.entries(initial)),
    marginSeconds,
    skewMicros: Math.trunc(skewFraction * marginSeconds * SECOND),
  }));

/** The table after applying the writes up to and including `untilMicros`, in time order. */
function stateAt(
  initial: ReadonlyMap<string, number>,
  writes: readonly Write[],
  untilMicros: number,
): Map<string, number> {
  const state = new Map(initial);
  for (const write of writes) {
    if (write.atMicros > untilMicros) break;
    if (write.value === undefined) state.delete(write.key);
    else state.set(write.key, write.value);
  }
  return state;
}

const item = (key: string, value: number): AttributeMap => ({ order_id: { S: key }, v: { N: String(value) } });

/** The stream record DynamoDB writes for one write, as the pipe delivers it: time rounded down to the second. */
function streamRecord(write: Write, before: number | undefined, sequence: number): string | undefined {
  if (write.value === undefined && before === undefined) return undefined; // deleting a missing item makes no record
  const eventName = write.value === undefined ? 'REMOVE' : before === undefined ? 'INSERT' : 'MODIFY';
  const dynamodb: Record<string, unknown> = {
    ApproximateCreationDateTime: Math.floor(write.atMicros / SECOND),
    Keys: { order_id: { S: write.key } },
    SequenceNumber: String(1e20 + sequence),
  };
  if (write.value !== undefined) dynamodb.NewImage = item(write.key, write.value);
  if (before !== undefined) dynamodb.OldImage = item(write.key, before);
  const row = parseChangeRecord(JSON.stringify({ eventID: `e${sequence}`, eventName, dynamodb }));
  if (!row.ok) throw new Error(row.detail);
  const built = toRow(row.value);
  if (!built.ok) throw new Error(built.detail);
  return serializeRow(built.value);
}

/** current_orders: greatest cdc_sort_key per key, removes dropped. */
function currentState(lines: readonly string[]): Map<string, number> {
  const latest = new Map<string, { sortKey: string; operation: string; value: number }>();
  for (const line of lines) {
    const row = JSON.parse(line) as { order_id: string; v: number; cdc_sort_key: string; cdc_operation: string };
    const seen = latest.get(row.order_id);
    if (seen === undefined || row.cdc_sort_key > seen.sortKey)
      latest.set(row.order_id, { sortKey: row.cdc_sort_key, operation: row.cdc_operation, value: row.v });
  }
  const state = new Map<string, number>();
  for (const [key, row] of latest) if (row.operation !== 'remove') state.set(key, row.value);
  return state;
}

/** Builds the lake a scenario leads to: the snapshot rows and the stream rows from the lake's start on. */
function lakeOf(
  s: Scenario,
  fenceOf: (snapshotClockMicros: number) => number,
): { lines: string[]; table: Map<string, number> } {
  const writes = [...s.writes].sort((a, b) => a.atMicros - b.atMicros);
  const snapshotClock = s.snapshotMicros + s.skewMicros;
  const fence = fenceOf(snapshotClock);
  const lakeStart = fence - s.lakeStartBeforeFenceMicros;
  const lines: string[] = [];
  const table = new Map(s.initial);
  writes.forEach((write, index) => {
    const line = streamRecord(write, table.get(write.key), index);
    if (write.value === undefined) table.delete(write.key);
    else table.set(write.key, write.value);
    if (line === undefined || Math.floor(write.atMicros / SECOND) * SECOND < lakeStart) return;
    for (let copy = 0; copy < (s.deliveries[index] ?? 1); copy++) lines.push(line);
  });
  for (const key of KEYS) {
    const readAt = s.snapshotMicros + (s.readDelayMicros[key] ?? 0);
    const value = stateAt(s.initial, writes, readAt).get(key);
    if (value === undefined) continue;
    const context = {
      snapshotId: 'scan-test',
      snapshotTimeMicros: snapshotClock,
      fenceMicros: fence,
      table: 'orders',
      keyNames: ['order_id'],
    };
    const line = toSnapshotLine(item(key, value), context);
    if (!line.ok) throw new Error(line.detail);
    lines.push(line.value);
  }
  return { lines: lines.reverse(), table };
}

/** One order worth 1, written once to 500 at `atMicros`; snapshot at .400 s of second BASE+3, no skew or margin. */
const oneWrite = (atMicros: number): Scenario => ({
  initial: new Map([['o-1', 1]]),
  writes: [{ key: 'o-1', atMicros, value: 500 }],
  snapshotMicros: (BASE_SECOND + 3) * SECOND + 400_000,
  readDelayMicros: {},
  skewMicros: 0,
  marginSeconds: 0,
  lakeStartBeforeFenceMicros: 0,
  deliveries: [1],
});

describe('the snapshot fence', () => {
  test("the lake's current state equals the table's for any history, snapshot time, skew within the margin, duplicates and lake start at or before the fence", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { lines, table } = lakeOf(s, (clock) => toFenceMicros(clock, s.marginSeconds));
        expect(currentState(lines)).toEqual(table);
      }),
      { numRuns: 500 },
    );
  });

  test.each([
    ["a change in the snapshot's second, after it", 2_700_000],
    ["a change in the snapshot's second, before it", 2_100_000],
    ['a change in the second before the snapshot', 1_900_000],
  ])('boundary: %s wins or is covered by the snapshot', (_case, atOffset) => {
    const s = oneWrite((BASE_SECOND + 1) * SECOND + atOffset);
    const { lines, table } = lakeOf(s, (clock) => toFenceMicros(clock, 0));
    expect(table.get('o-1')).toBe(500);
    expect(currentState(lines)).toEqual(table);
  });

  test("without the fence (snapshot keyed at its own time), a change made in the snapshot's second after it is lost", () => {
    // The negative control: the property is not vacuous. Snapshot at .400 s reads 1; the write of 500 at .700 s of
    // the same second is stamped with the whole second, which sorts before a snapshot keyed at .400 s.
    const s = oneWrite((BASE_SECOND + 3) * SECOND + 700_000);
    const { lines, table } = lakeOf(s, (clock) => clock);
    expect(currentState(lines)).not.toEqual(table);
    expect(currentState(lakeOf(s, (clock) => toFenceMicros(clock, 0)).lines)).toEqual(table);
  });
});
