import {
  parseChangeRecord,
  toEpochMicros,
  toSortKey,
  transformFirehoseEvent,
  type ChangeRecord,
} from '../../src/index.js';
import { readFixture } from '../support/fixtures.js';

const [insert, , remove, ttlRemove] = readFixture<Record<string, unknown>[]>('pipe-stream-records-decoded.json');
const kdsDirect = readFixture<Record<string, unknown>>('kds-direct-record-decoded.json');

function parse(record: unknown, fallbackEventTimeMs?: number): ChangeRecord {
  const parsed = parseChangeRecord(
    JSON.stringify(record),
    fallbackEventTimeMs === undefined ? {} : { fallbackEventTimeMs },
  );
  if (!parsed.ok) throw new Error(`${parsed.reason}: ${parsed.detail}`);
  return parsed.value;
}

describe('parseChangeRecord', () => {
  test('normalises a Pipe-delivered stream record', () => {
    expect(parse(insert)).toMatchObject({
      operation: 'insert',
      eventId: '7de3041dd709b024af6f29e4fa13d34c',
      eventTimeMicros: 1736937011000000,
      sequenceNumber: '5172400000000023457312842',
      table: 'sales-orders',
      ttlExpired: false,
    });
  });

  test('normalises a Kinesis Data Streams for DynamoDB record', () => {
    expect(parse(kdsDirect)).toMatchObject({
      operation: 'modify',
      eventTimeMicros: 1736940612118000,
      sequenceNumber: null,
      table: 'sales-orders',
      ttlExpired: false,
    });
  });

  test('detects TTL deletes by the service principal only', () => {
    expect(parse(ttlRemove).ttlExpired).toBe(true);
    expect(parse({ ...remove, userIdentity: { type: 'Service', principalId: '123456789012' } }).ttlExpired).toBe(false);
    expect(parse({ ...remove, userIdentity: null }).ttlExpired).toBe(false);
  });

  test('reads the table from a bare table ARN too', () => {
    expect(parse({ ...insert, eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders' }).table).toBe(
      'orders',
    );
    expect(parse({ ...insert, eventSourceARN: undefined }).table).toBeNull();
  });

  test('accepts fractional seconds and falls back to the arrival time only when the time is missing', () => {
    const ddb = insert?.dynamodb as Record<string, unknown>;
    expect(parse({ ...insert, dynamodb: { ...ddb, ApproximateCreationDateTime: 1693997155.25 } }).eventTimeMicros).toBe(
      1693997155250000,
    );
    expect(
      parse({ ...insert, dynamodb: { ...ddb, ApproximateCreationDateTime: undefined } }, 1736937011587).eventTimeMicros,
    ).toBe(1736937011587000);
    const missing = parseChangeRecord(
      JSON.stringify({ ...insert, dynamodb: { ...ddb, ApproximateCreationDateTime: undefined } }),
    );
    expect(missing.ok ? null : missing.reason).toBe('invalid-event-time');
  });

  test.each([
    [
      { eventName: 'MODIFY', dynamodb: { Keys: { id: { S: 'a' } }, OldImage: { id: { S: 'a' } } } },
      'modify-without-new-image',
    ],
    [{ eventName: 'INSERT', eventID: '', dynamodb: { Keys: { id: { S: 'a' } } } }, 'not-a-stream-record'],
    [{ eventName: 'INSERT', eventID: 'x', dynamodb: { Keys: {} } }, 'missing-keys'],
    [
      { eventName: 'INSERT', eventID: 'x', dynamodb: { Keys: { id: { S: 'a' } }, NewImage: [] } },
      'malformed-attribute-value',
    ],
    [
      {
        eventName: 'REMOVE',
        eventID: 'x',
        dynamodb: { Keys: { id: { S: 'a' } }, SequenceNumber: 12, ApproximateCreationDateTime: 1 },
      },
      'not-a-stream-record',
    ],
    [
      { eventName: 'REMOVE', eventID: 'x', dynamodb: { Keys: { id: { S: 'a' } }, ApproximateCreationDateTime: -5 } },
      'invalid-event-time',
    ],
    [{ eventName: 'REMOVE', eventID: 'x', dynamodb: 'yes' }, 'missing-dynamodb'],
    ['"text"', 'not-an-object'],
  ])('rejects %j with %s', (record, reason) => {
    const parsed = parseChangeRecord(typeof record === 'string' ? record : JSON.stringify({ eventID: 'e', ...record }));
    expect(parsed.ok ? null : parsed.reason).toBe(reason);
  });
});

describe('event time and sort key', () => {
  test.each([
    [1736937011, 1736937011000000],
    [1736937011.5, 1736937011500000],
    [1736940612118, 1736940612118000],
    [1736940612118342, 1736940612118342],
    [0, undefined],
    [Number.NaN, undefined],
    ['1736937011', undefined],
    [1e17, undefined],
    [1e16, undefined],
    [9999999999999998, 9999999999999998],
  ])('toEpochMicros(%p) = %p', (value, micros) => {
    expect(toEpochMicros(value)).toBe(micros);
  });

  test('sorts variable-length sequence numbers numerically as strings', () => {
    const keys = [
      toSortKey(1736937011000000, '100000000000000000000'),
      toSortKey(1736937011000000, '99999999999999999999'.padStart(21, '0')),
      toSortKey(1736937011000000, '1000000000000000000000000000000000000000'),
      toSortKey(1736937010000000, '9999999999999999999999999999999999999999'),
    ];
    expect([...keys].sort()).toEqual([keys[3], keys[1], keys[0], keys[2]]);
  });
});

describe('cdc_event_time', () => {
  test.each([
    [1736937011000000, '2025-01-15T10:30:11.000Z'],
    [1736937011007999, '2025-01-15T10:30:11.007Z'],
    [1736937011099000, '2025-01-15T10:30:11.099Z'],
    [1736937011999999, '2025-01-15T10:30:11.999Z'],
    [1736937012000000, '2025-01-15T10:30:12.000Z'],
    [100000000000000, '1973-03-03T09:46:40.000Z'],
  ])('formats %p µs as %p', (micros, iso) => {
    const record = {
      eventID: 'e',
      eventName: 'REMOVE',
      dynamodb: { ApproximateCreationDateTime: micros, Keys: { id: { S: 'a' } } },
    };
    const { result } = transformFirehoseEvent({
      records: [{ recordId: 'r', data: Buffer.from(JSON.stringify(record)).toString('base64') }],
    });
    expect(JSON.parse(Buffer.from(result.records[0]?.data ?? '', 'base64').toString()).cdc_event_time).toBe(iso);
  });
});
