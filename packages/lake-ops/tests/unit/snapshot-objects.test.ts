/**
 * writeSnapshotObjects, the one loop from items to snapshot row objects that the backfills and reconcile share.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTemporaryFolder } from '@sales/testing';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeMap, Failure } from '@sales/transform';
import { writeSnapshotObjects, type RowTally } from '../../src/backfill/snapshot-objects.js';
import { LocalLakeStore } from '../../src/lake/local-lake-store.js';
import { toSnapshotLine, type SnapshotContext } from '../../src/rows/snapshot-row.js';
import { filesUnder, rowsIn } from '../support/run-bin.js';

const CONTEXT: SnapshotContext = {
  snapshotId: '01736937011000-abcd1234',
  snapshotTimeMicros: 1_736_937_011_250_000,
  fenceMicros: 1_736_936_711_000_000,
  table: 'orders',
  keyNames: ['order_id'],
};

/** Items as an export line or a Scan page holds them (DynamoDB JSON, the export's `Item`). */
const item = (index: number): AttributeMap =>
  marshall({ order_id: `o-${index}`, total: index + 0.5, customer: { city: 'Lyon' } }) as AttributeMap;

/** Items as an export data file streams them: a batch of lines per decompressed chunk, here two at a time. */
async function* streamed(items: readonly AttributeMap[]): AsyncGenerator<AttributeMap[]> {
  for (let index = 0; index < items.length; index += 2) yield items.slice(index, index + 2);
}

describe('writeSnapshotObjects', () => {
  const root = useTemporaryFolder('snapshot-objects-');
  let tally: RowTally;
  const failures: [number, Failure][] = [];
  const target = (overrides: Partial<Parameters<typeof writeSnapshotObjects>[1]> = {}) => ({
    store: new LocalLakeStore(root.path),
    context: CONTEXT,
    objectKey: (part: number) => `part-${part}.json.gz`,
    tally,
    onFailure: (index: number, failure: Failure) => failures.push([index, failure]),
    ...overrides,
  });
  beforeEach(() => {
    tally = { items: 0, rows: 0, objects: 0, bytes: 0 };
    failures.length = 0;
  });

  test('writes every item as its snapshot row, in order, in one object by default', async () => {
    const items = [item(1), item(2), item(3)];

    const whole = await writeSnapshotObjects(items, target());

    expect(whole).toBe(true);
    expect(filesUnder(root.path)).toEqual(['part-0.json.gz']);
    const expected = items.map((entry) => {
      const line = toSnapshotLine(entry, CONTEXT);
      if (!line.ok) throw new Error(line.detail);
      return JSON.parse(line.value) as Record<string, unknown>;
    });
    expect(rowsIn(root.path)).toEqual(expected);
    expect(rowsIn(root.path)[0]).toMatchObject({
      order_id: 'o-1',
      cdc_operation: 'snapshot',
      cdc_event_id: 'snapshot:01736937011000-abcd1234:o-1',
      cdc_sort_key: '1736936711000000-0000000000000000000000000000000000000000',
    });
    expect(tally).toEqual({
      items: 3,
      rows: 3,
      objects: 1,
      bytes: readFileSync(join(root.path, 'part-0.json.gz')).length,
    });
  });

  test('closes an object once its rows reach the bound and names the parts 0, 1, 2', async () => {
    const items = Array.from({ length: 7 }, (_, index) => item(index));
    const lineBytes = Buffer.byteLength((toSnapshotLine(item(0), CONTEXT) as { value: string }).value);

    await writeSnapshotObjects(streamed(items), target({ maxObjectRowBytes: lineBytes * 3 }));

    expect(filesUnder(root.path)).toEqual(['part-0.json.gz', 'part-1.json.gz', 'part-2.json.gz']);
    expect(rowsIn(root.path).map((row) => row.order_id)).toEqual(items.map((_, index) => `o-${index}`));
    expect(tally).toMatchObject({ items: 7, rows: 7, objects: 3 });
  });

  test('reports an item that cannot become a row by its position and writes the others', async () => {
    const items = [item(1), marshall({ total: 2 }) as AttributeMap, item(3)];

    const whole = await writeSnapshotObjects(items, target());

    expect(whole).toBe(true);
    expect(failures).toEqual([[1, expect.objectContaining({ ok: false, reason: 'missing-keys' })]]);
    expect(rowsIn(root.path).map((row) => row.order_id)).toEqual(['o-1', 'o-3']);
    expect(tally).toMatchObject({ items: 3, rows: 2, objects: 1 });
  });

  test('writes no object for items that give no row', async () => {
    const whole = await writeSnapshotObjects([], target());

    expect(whole).toBe(true);
    expect(filesUnder(root.path)).toEqual([]);
    expect(tally).toEqual({ items: 0, rows: 0, objects: 0, bytes: 0 });
  });

  test('stops after the object it was building when the signal aborts, and says so', async () => {
    const controller = new AbortController();
    const lineBytes = Buffer.byteLength((toSnapshotLine(item(0), CONTEXT) as { value: string }).value);
    async function* interrupted(): AsyncGenerator<AttributeMap[]> {
      yield [item(0)];
      controller.abort(); // Ctrl-C while the first object is being built
      yield Array.from({ length: 5 }, (_, index) => item(index + 1));
    }

    const whole = await writeSnapshotObjects(
      interrupted(),
      target({ maxObjectRowBytes: lineBytes * 2, signal: controller.signal }),
    );

    expect(whole).toBe(false);
    expect(filesUnder(root.path)).toEqual(['part-0.json.gz']);
    expect(rowsIn(root.path).map((row) => row.order_id)).toEqual(['o-0', 'o-1']);
    expect(tally).toMatchObject({ items: 2, rows: 2, objects: 1 });
  });

  test('writes the same bytes under the same keys when run again', async () => {
    const items = Array.from({ length: 5 }, (_, index) => item(index));
    await writeSnapshotObjects(items, target());
    const first = readFileSync(join(root.path, 'part-0.json.gz'));

    await writeSnapshotObjects(items, target());

    expect(filesUnder(root.path)).toEqual(['part-0.json.gz']);
    expect(readFileSync(join(root.path, 'part-0.json.gz')).equals(first)).toBe(true);
  });
});
