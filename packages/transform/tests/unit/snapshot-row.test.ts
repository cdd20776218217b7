import { ByteWriter } from '../../src/row/byte-writer.js';
import { writeRowLine } from '../../src/row/row.js';
import { serializeRow, toRow, toSortKey, type ChangeRecord } from '../../src/index.js';

// An item as a full export's data line (`{"Item": …}`) or a Scan page carries it: DynamoDB JSON.
const item = {
  order_id: { S: 'o-1' },
  status: { S: 'paid' },
  total: { N: '44.98' },
  customer: { M: { city: { S: 'Lyon' } } },
};
const snapshotAt = 1736937011_250_000; // 2025-01-15T10:30:11.250Z in µs
const fence = 1736937011_000_000 - 900_000_000; // the snapshot's second, minus 15 min

const snapshot = (overrides: Partial<ChangeRecord> = {}): ChangeRecord => ({
  operation: 'snapshot',
  eventId: 'snapshot:01736937011000-abcd1234:o-1',
  eventTimeMicros: snapshotAt,
  sortTimeMicros: fence,
  sequenceNumber: null,
  table: 'sales-dev-orders',
  ttlExpired: false,
  keys: { order_id: item.order_id },
  newImage: item,
  oldImage: undefined,
  ...overrides,
});

const rowOf = (change: ChangeRecord): Map<string, string> => {
  const built = toRow(change);
  if (!built.ok) throw new Error(built.detail);
  return new Map(built.value);
};

describe('snapshot rows', () => {
  test('hold the item flattened, with cdc_operation "snapshot" and no changed attributes', () => {
    const row = rowOf(snapshot());

    expect(row.get('order_id')).toBe('"o-1"');
    expect(row.get('total')).toBe('44.98');
    expect(row.get('customer_city')).toBe('"Lyon"');
    expect(row.get('cdc_operation')).toBe('"snapshot"');
    expect(row.get('cdc_event_id')).toBe('"snapshot:01736937011000-abcd1234:o-1"');
    expect(row.get('cdc_sequence_number')).toBe('null');
    expect(row.get('cdc_ttl_expired')).toBe('false');
    expect(row.get('cdc_changed_attributes')).toBe('null');
  });

  test('take cdc_event_time from the event time and cdc_sort_key from the sort time', () => {
    const row = rowOf(snapshot());

    expect(row.get('cdc_event_time')).toBe('"2025-01-15T10:30:11.250Z"');
    expect(row.get('cdc_sort_key')).toBe(`"${toSortKey(fence, null)}"`);
    expect(row.get('cdc_sort_key')).toBe('"1736936111000000-0000000000000000000000000000000000000000"');
  });

  test('a change without a sort time keeps its sort key on the event time', () => {
    const { sortTimeMicros: _ignored, ...withoutSortTime } = snapshot();
    expect(rowOf(withoutSortTime).get('cdc_sort_key')).toBe(`"${toSortKey(snapshotAt, null)}"`);
  });

  test('the byte writer (the Lambda fast path) writes the same line as serializeRow', () => {
    for (const change of [snapshot(), snapshot({ sortTimeMicros: 5 }), snapshot({ sortTimeMicros: undefined })]) {
      const writer = new ByteWriter();
      const written = writeRowLine(change, writer);
      const built = toRow(change);
      if (!built.ok || !written.ok) throw new Error('row failed');

      expect(Buffer.from(writer.toBase64(), 'base64').toString('utf8')).toBe(serializeRow(built.value));
    }
  });

  test('a malformed attribute is a failed result naming the NewImage path', () => {
    const bad = snapshot({ newImage: { ...item, total: { N: 'cheap' } } });
    expect(toRow(bad)).toEqual({
      ok: false,
      reason: 'non-numeric-N',
      detail: 'dynamodb.NewImage.total: N must be a decimal number string, received string "cheap"',
    });
  });
});
