import { RowLineWriter } from '@sales/transform';
import { validateBackfillOptions } from '../../src/backfill/backfill-options.js';
import { snapshotSortKey, toFenceMicros } from '../../src/rows/fence.js';
import { snapshotObjectKey } from '../../src/rows/object-key.js';
import { toSnapshotChange, toSnapshotLine, writeSnapshotRow } from '../../src/rows/snapshot-row.js';
import { toDynamoJson } from '../../src/table/dynamo-json.js';

const context = {
  snapshotId: 'e1',
  snapshotTimeMicros: 1736937011_250_000,
  fenceMicros: 1736936711_000_000,
  table: 'orders',
  keyNames: ['order_id'],
};

describe('the fence', () => {
  test.each([
    [1736937011_250_000, 0, 1736937011_000_000],
    [1736937011_000_000, 0, 1736937011_000_000],
    [1736937011_999_999, 300, 1736936711_000_000],
  ])('toFenceMicros(%d, %d) = %d: the snapshot second minus the margin', (time, margin, fence) => {
    expect(toFenceMicros(time, margin)).toBe(fence);
  });

  test.each([-1, 1.5])('refuses a margin of %d seconds', (margin) => {
    expect(() => toFenceMicros(1, margin)).toThrow(
      `the fence margin must be a whole number of seconds, 0 or more, received ${margin}`,
    );
  });

  test('the snapshot key sorts before the smallest stream key of the fence second and after the second before', () => {
    const fence = 1736937011_000_000;
    expect(snapshotSortKey(fence) < `${fence}-${'1'.padStart(40, '0')}`).toBe(true);
    expect(snapshotSortKey(fence) > `${fence - 1_000_000}-${'9'.repeat(40)}`).toBe(true);
  });
});

describe('toSnapshotChange', () => {
  test('names the item by snapshot and key, and keeps the item as its new image', () => {
    const item = { order_id: { S: 'o-1' }, total: { N: '5' } };
    const change = toSnapshotChange(item, context);
    expect(change).toEqual({
      ok: true,
      value: expect.objectContaining({
        operation: 'snapshot',
        eventId: 'snapshot:e1:o-1',
        keys: { order_id: { S: 'o-1' } },
        newImage: item,
        sortTimeMicros: context.fenceMicros,
      }),
    });
  });

  test('an item without its key attribute is a missing-keys failure, not an exception', () => {
    expect(toSnapshotChange({ total: { N: '5' } }, context)).toEqual({
      ok: false,
      reason: 'missing-keys',
      detail: 'item has no key attribute order_id of type S, N or B',
    });
  });
});

describe('snapshotObjectKey', () => {
  test('puts the object in the Hive partition of the snapshot time', () => {
    expect(snapshotObjectKey(1736937011_250_000, 'e1-f-00000')).toBe(
      'sales/year=2025/month=01/day=15/hour=10/snapshot-e1-f-00000.json.gz',
    );
  });

  test('refuses a name with characters S3 or Hive treat specially', () => {
    expect(() => snapshotObjectKey(1, 'a/b')).toThrow(/received "a\/b"/);
  });
});

describe('toDynamoJson', () => {
  test('turns SDK bytes into base64 at any depth and keeps other values', () => {
    expect(
      toDynamoJson({
        id: { S: 'a' },
        raw: { B: new Uint8Array([1, 2]) },
        nested: { M: { set: { BS: [new Uint8Array([255])] } } },
        list: { L: [{ B: new Uint8Array([0]) }, { N: '1' }] },
      }),
    ).toEqual({
      id: { S: 'a' },
      raw: { B: 'AQI=' },
      nested: { M: { set: { BS: ['/w=='] } } },
      list: { L: [{ B: 'AA==' }, { N: '1' }] },
    });
  });
});

describe('writeSnapshotRow', () => {
  test('appends the row toSnapshotLine gives, straight into the bytes, and answers its event time', () => {
    const rows = new RowLineWriter();
    const item = { order_id: { S: 'o-1' }, city: { S: 'Zürich' }, total: { N: '5' } };

    const written = writeSnapshotRow(rows, item, context);

    expect(written).toEqual({ ok: true, value: '2025-01-15T10:30:11.250Z' });
    expect(Buffer.from(rows.take()).toString('utf8')).toBe((toSnapshotLine(item, context) as { value: string }).value);
  });

  test('appends nothing for an item without its key attribute', () => {
    const rows = new RowLineWriter();

    const written = writeSnapshotRow(rows, { total: { N: '5' } }, context);

    expect(written).toMatchObject({ ok: false, reason: 'missing-keys' });
    expect([rows.lineCount, rows.byteLength]).toEqual([0, 0]);
  });
});

describe('validateBackfillOptions', () => {
  test.each([
    [
      { table: 't', lake: 's3://b' },
      { kind: 'export', exportAtSeconds: undefined, exportLocation: undefined },
    ],
    [
      { table: 't', lake: 'x', endpoint: 'http://127.0.0.1:4567' },
      { kind: 'scan', segments: 4 },
    ],
    [
      { table: 't', lake: 's3://b', 'export-at': '2025-01-15T10:30:11.900Z' },
      { kind: 'export', exportAtSeconds: 1736937011, exportLocation: undefined },
    ],
    [
      { table: 't', lake: 'x', export: 's3://b/exports/AWSDynamoDB/e1/' },
      { kind: 'export', exportAtSeconds: undefined, exportLocation: 's3://b/exports/AWSDynamoDB/e1/' },
    ],
  ])('%j -> source %j', (values, source) => {
    expect(validateBackfillOptions(values).source).toEqual(source);
  });
});
