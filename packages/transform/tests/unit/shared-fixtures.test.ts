import { decodeRecord, transformFirehoseEvent, type FailureReason } from '../../src/index.js';
import { decodeRow, readEvent, readFixture, type ManifestCase } from '../support/fixtures.js';

const manifest = readFixture<ManifestCase[]>('firehose-event-malformed.manifest.json');
const malformed = readEvent('firehose-event-malformed.json');

/** The FailureReason each malformed fixture case must produce (cases are named after reasons). */
const EXPECTED_REASON: Readonly<Record<string, FailureReason | null>> = {
  'bad-base64': 'bad-base64',
  'empty-data': 'empty-data',
  'not-json': 'not-json',
  'truncated-json': 'not-json',
  'invalid-utf8': 'invalid-utf8',
  'json-null': 'not-an-object',
  'json-number': 'not-an-object',
  'not-a-stream-record': 'not-a-stream-record',
  'json-array-of-records': 'json-array-of-records',
  'missing-dynamodb': 'missing-dynamodb',
  'unknown-event-name': 'unknown-event-name',
  'insert-without-new-image': 'insert-without-new-image',
  'modify-without-images': 'modify-without-images',
  'remove-keys-only': null,
  'missing-keys': 'missing-keys',
  'unknown-attribute-type': 'unknown-attribute-type',
  'empty-attribute-value': 'empty-attribute-value',
  'non-numeric-N': 'non-numeric-N',
};

describe('malformed fixture batch', () => {
  // Arrange + Act once: the batch is answered as a whole, like Firehose sends it.
  const { result, summary } = transformFirehoseEvent(malformed);
  const failures = new Map<string, { reason: FailureReason; detail: string }>();
  // The summary keeps only the first few failures; recompute each record's reason one by one.
  for (const record of malformed.records) {
    const single = transformFirehoseEvent({ records: [record] });
    const example = single.summary.firstFailures[0];
    if (example !== undefined) failures.set(record.recordId, example);
  }

  test.each(manifest)('$case -> $expectedResult', ({ recordId, case: name, expectedResult }) => {
    const index = malformed.records.findIndex((record) => record.recordId === recordId);
    const output = result.records[index];
    expect(output?.recordId).toBe(recordId);
    expect(output?.result).toBe(expectedResult);
    const reason = EXPECTED_REASON[name];
    expect(reason).toBeDefined();
    if (expectedResult === 'ProcessingFailed') {
      expect(output?.data).toBe(malformed.records[index]?.data);
      expect(output?.metadata).toBeUndefined();
      expect(failures.get(recordId)?.reason).toBe(reason);
      expect(failures.get(recordId)?.detail.length).toBeGreaterThan(10);
    } else {
      expect(failures.has(recordId)).toBe(false);
    }
  });

  test('every manifest case has an expected reason and the batch counts add up', () => {
    expect(Object.keys(EXPECTED_REASON).sort()).toEqual(manifest.map((entry) => entry.case).sort());
    expect(summary.records).toBe(manifest.length);
    expect(summary.ok).toBe(manifest.filter((entry) => entry.expectedResult === 'Ok').length);
    expect(summary.processingFailed).toBe(manifest.length - summary.ok);
    expect(summary.level).toBe('WARN');
    expect(summary.firstFailures).toHaveLength(5);
  });

  test('writes a keys-only REMOVE as a tombstone row', () => {
    const index = manifest.findIndex((entry) => entry.case === 'remove-keys-only');
    const { row } = decodeRow(result.records[index]);
    expect(row).toEqual({
      order_id: 'ord-20250114-0877',
      cdc_operation: 'remove',
      cdc_event_id: '0f3c5a9e6b2d48f1a7c3e9d2b4f6a8c0',
      cdc_event_time: '2025-01-15T11:36:40.000Z',
      cdc_sequence_number: '5172600000000023457314001',
      cdc_sort_key: '1736941000000000-0000000000000005172600000000023457314001',
      cdc_table: 'sales-orders',
      cdc_ttl_expired: false,
      cdc_changed_attributes: null,
    });
  });

  test('names the failing attribute path in the detail', () => {
    const nonNumeric = manifest.find((entry) => entry.case === 'non-numeric-N');
    expect(failures.get(nonNumeric?.recordId ?? '')?.detail).toBe(
      'dynamodb.NewImage.total_amount: N must be a decimal number string, received string "forty-three"',
    );
  });
});

describe('Pipe-delivered sales fixture', () => {
  const event = readEvent('firehose-event-pipe-sales.json');
  const { result, summary } = transformFirehoseEvent(event);
  const rows = result.records.map((record) => decodeRow(record));

  test('decodes each record to exactly the documented stream record', () => {
    const decoded = readFixture<unknown[]>('pipe-stream-records-decoded.json');
    event.records.forEach((record, i) => {
      const text = decodeRecord(record.data);
      expect(text.ok && JSON.parse(text.value)).toEqual(decoded[i]);
    });
  });

  test('answers every record Ok, in order, with partition keys from the event time', () => {
    expect(summary).toMatchObject({ records: 4, ok: 4, processingFailed: 0, level: 'INFO' });
    expect(result.records.map((record) => record.recordId)).toEqual(event.records.map((record) => record.recordId));
    expect(result.records.map((record) => record.metadata?.partitionKeys)).toEqual([
      { year: '2025', month: '01', day: '15', hour: '10' },
      { year: '2025', month: '01', day: '15', hour: '11' },
      { year: '2025', month: '01', day: '15', hour: '11' },
      { year: '2025', month: '01', day: '15', hour: '11' },
    ]);
  });

  test('ends every row with exactly one newline', () => {
    for (const { line } of rows) expect(line).toMatch(/^\{[^\n]*\}\n$/);
  });

  test('flattens the INSERT image with exact numbers, sets as sorted arrays and binary as base64', () => {
    const { row, line } = rows[0] ?? { row: {}, line: '' };
    expect(row).toMatchObject({
      order_id: 'ord-20250115-1001',
      status: 'PLACED',
      customer_customer_id: 'cus-4821',
      customer_name: 'Amélie Dupont',
      customer_address_city: 'Lyon',
      customer_address_country: 'FR',
      tags: ['gift', 'priority'],
      warehouse_ids: [3, 17, 42],
      receipt_digest: 'pHenpc+zlTVE1/iJi1pQ1w==',
      coupon_code: null,
      is_gift: true,
      notes: '',
      attachments: [],
      cdc_operation: 'insert',
      cdc_event_time: '2025-01-15T10:30:11.000Z',
      cdc_table: 'sales-orders',
      cdc_ttl_expired: false,
      cdc_changed_attributes: null,
    });
    expect(line).toContain(
      '"line_items":[{"sku":"SKU-RED-MUG","qty":2,"unit_price":12.50},{"sku":"SKU-TEA-500G","qty":1,"unit_price":18.90}]',
    );
    expect(line).toContain('"loyalty_account_number":1234567890123456789012345,');
    expect(line).toContain('"fx_rate_to_usd":1.0823456789012345678901234,');
    expect(line).toContain('"total_amount":43.90,');
    expect(row).not.toHaveProperty('customer');
  });

  test('lists the columns a MODIFY changed', () => {
    expect(rows[1]?.row).toMatchObject({
      cdc_operation: 'modify',
      status: 'SHIPPED',
      shipment_carrier: 'colissimo',
      cdc_changed_attributes: [
        'shipment_carrier',
        'shipment_parcels',
        'shipment_shipped_at',
        'shipment_tracking_number',
        'status',
        'tags',
        'updated_at',
      ],
    });
  });

  test('writes the old image for REMOVE and flags only the TTL delete as expired', () => {
    expect(rows[2]?.row).toMatchObject({
      cdc_operation: 'remove',
      status: 'CANCELLED',
      total_amount: 29,
      cdc_ttl_expired: false,
    });
    expect(rows[3]?.row).toMatchObject({
      cdc_operation: 'remove',
      status: 'DELIVERED',
      discount_rates: [0.05, 0.125],
      cdc_ttl_expired: true,
    });
  });

  test('orders the changes of one item by cdc_sort_key', () => {
    const first = String(rows[0]?.row.cdc_sort_key);
    const second = String(rows[1]?.row.cdc_sort_key);
    expect(first < second).toBe(true);
    expect(first).toHaveLength(57);
  });
});

describe('Kinesis Data Streams for DynamoDB fixtures', () => {
  test.each([
    ['firehose-event-kds-direct.json', '1736940612118000'],
    ['firehose-event-kds-direct-microsecond.json', '1736940612118342'],
  ])('%s: infers the time unit and has no sequence number', (file, micros) => {
    const { result } = transformFirehoseEvent(readEvent(file));
    const { row } = decodeRow(result.records[0]);
    expect(result.records[0]?.result).toBe('Ok');
    expect(row).toMatchObject({
      cdc_operation: 'modify',
      cdc_event_id: '5f2b8e1a-63c4-4d7e-9a0b-2c8d4e6f1a3b',
      cdc_event_time: '2025-01-15T11:30:12.118Z',
      cdc_sequence_number: null,
      cdc_sort_key: `${micros}-${'0'.repeat(40)}`,
      cdc_table: 'sales-orders',
      cdc_ttl_expired: false,
    });
    expect(result.records[0]?.metadata?.partitionKeys).toEqual({ year: '2025', month: '01', day: '15', hour: '11' });
  });
});
