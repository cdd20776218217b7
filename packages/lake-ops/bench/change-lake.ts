/**
 * A local lake of change rows for the merge bench: each order inserted, modified, and one in ten removed at the end,
 * every row made by `@sales/transform`'s row code (`streamChangeLine`), sort keys increasing with event time, one GZIP
 * object per five minutes of event time under its `sales/year=…/month=…/day=…/hour=…/` partition.
 */
import { partitionPath } from '@sales/pipeline-spec';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { streamChangeLine, type StreamChange } from '../tests/support/order-changes.js';

/** Seconds of event time per object, as a delivery stream buffering five minutes writes them. */
export const OBJECT_SECONDS = 300;

const orderId = (index: number): string => `o-${String(index).padStart(7, '0')}`;

/** The partition folder of an event time in µs. */
function folderOf(eventTimeMicros: number): string {
  const time = new Date(eventTimeMicros / 1000).toISOString();
  return partitionPath({
    year: time.slice(0, 4),
    month: time.slice(5, 7),
    day: time.slice(8, 10),
    hour: time.slice(11, 13),
  });
}

/**
 * Writes changes (in event-time order) as one object per {@link OBJECT_SECONDS} of event time.
 *
 * @param lake - The lake folder.
 * @param name - Object name prefix; objects are `<name>-<first event second>.json.gz`.
 * @param changes - The changes, event times increasing.
 * @returns The object paths written.
 */
export function writeObjects(lake: string, name: string, changes: Iterable<StreamChange>): string[] {
  const written: string[] = [];
  let lines: string[] = [];
  let slot = Number.NaN;
  let first = 0;
  const flush = (): void => {
    if (lines.length === 0) return;
    const folder = join(lake, folderOf(first));
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${name}-${first / 1e6}.json.gz`);
    writeFileSync(path, gzipSync(lines.join('')));
    written.push(path);
    lines = [];
  };
  for (const change of changes) {
    const at = Math.floor(change.eventTimeMicros / 1e6 / OBJECT_SECONDS);
    if (at !== slot) {
      flush();
      slot = at;
      first = change.eventTimeMicros;
    }
    lines.push(streamChangeLine(change));
  }
  flush();
  return written;
}

/**
 * The lake's history: `rows` changes over `orders` orders (a multiple of 10), spread evenly over `spanSeconds` from
 * `startMicros`. Round r touches every order once: round 0 inserts, the last round removes every tenth order, the
 * rest modify.
 *
 * @param rows - Change rows, a multiple of `orders`.
 * @param orders - Orders.
 * @param startMicros - Event time of the first change (whole seconds).
 * @param spanSeconds - Event time the changes spread over.
 * @returns The changes, sequence numbers from 1, event times in whole seconds.
 */
export function* history(
  rows: number,
  orders: number,
  startMicros: number,
  spanSeconds: number,
): Generator<StreamChange> {
  const rounds = rows / orders;
  for (let index = 0; index < rows; index++) {
    const round = Math.floor(index / orders);
    const order = index % orders;
    const last = round === rounds - 1 && order % 10 === 0;
    yield {
      operation: round === 0 ? 'insert' : last ? 'remove' : 'modify',
      orderId: orderId(order),
      version: {
        status: last ? 'cancelled' : round === 0 ? 'pending' : 'paid',
        quantity: 1 + round,
        unitCents: 1999 + order,
      },
      eventTimeMicros: startMicros + Math.floor((index * spanSeconds) / rows) * 1e6,
      sequence: index + 1,
    };
  }
}

/**
 * New traffic after the history: `rows` changes over `seconds` from `startMicros`, one in five the insert of a new
 * order, the rest modifies of orders the history left live (never one it removed).
 *
 * @param rows - Change rows.
 * @param orders - The history's orders (a multiple of 10); new orders are numbered after them.
 * @param startMicros - Event time of the first change.
 * @param seconds - Event time the changes spread over.
 * @param firstSequence - Sequence number of the first change (after the history's last).
 * @returns The changes.
 */
export function* traffic(
  rows: number,
  orders: number,
  startMicros: number,
  seconds: number,
  firstSequence: number,
): Generator<StreamChange> {
  for (let index = 0; index < rows; index++) {
    const insert = index % 5 === 0;
    const order = insert ? orders + index : (index * 10 + 1 + (index % 9)) % orders;
    yield {
      operation: insert ? 'insert' : 'modify',
      orderId: orderId(order),
      version: { status: insert ? 'pending' : 'shipped', quantity: 50, unitCents: 2999 },
      eventTimeMicros: startMicros + Math.floor((index * seconds) / rows) * 1e6,
      sequence: firstSequence + index,
    };
  }
}
