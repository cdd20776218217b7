import {
  createRowSchema,
  parseChangeRecord,
  parseColumnType,
  SchemaError,
  toRow,
  transformFirehoseEvent,
  type Row,
} from '../../src/index.js';

// The shapes of the sales table (pipeline-spec's catalog schema), declared here so the library
// is tested without the pipeline package.
const MONEY = 'decimal(12,2)';
const schema = createRowSchema([
  { name: 'order_id', type: 'string' },
  { name: 'item_count', type: 'int' },
  { name: 'expires_at', type: 'bigint' },
  { name: 'total', type: MONEY },
  { name: 'is_gift', type: 'boolean' },
  { name: 'tags', type: 'array<string>' },
  { name: 'line_items', type: `array<struct<sku:string,quantity:int,unit_price:${MONEY}>>` },
]);

const insertOf = (image: Record<string, unknown>): string =>
  JSON.stringify({
    eventID: 'e1',
    eventName: 'INSERT',
    dynamodb: {
      ApproximateCreationDateTime: 1736937011,
      Keys: { order_id: { S: 'o1' } },
      NewImage: { order_id: { S: 'o1' }, ...image },
      SequenceNumber: '100',
    },
  });

const rowOf = (image: Record<string, unknown>): Row => {
  const change = parseChangeRecord(insertOf(image));
  if (!change.ok) throw new Error(change.detail);
  const row = toRow(change.value, { schema });
  if (!row.ok) throw new Error(row.detail);
  return row.value;
};
const rejectedOf = (row: Row): Record<string, unknown> | null => {
  const text = JSON.parse(row.get('cdc_rejected') ?? 'null') as string | null;
  return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
};

// [column, attribute value, written into the column?]
const cases: [string, Record<string, unknown>, boolean][] = [
  ['item_count', { N: '3' }, true],
  ['item_count', { N: '999999999' }, true],
  ['item_count', { N: '-2147483649' }, false],
  ['item_count', { N: '-2147483648' }, true],
  ['item_count', { N: '2147483647' }, true],
  ['item_count', { N: '2147483648' }, false],
  ['item_count', { N: '3000000000' }, false],
  ['item_count', { N: '2.5' }, false],
  ['item_count', { N: '1E+2' }, false],
  ['item_count', { S: '3' }, false],
  ['item_count', { NULL: true }, true],
  ['expires_at', { N: '1736937011' }, true],
  ['expires_at', { N: '1736937011.5' }, false],
  ['expires_at', { N: '9223372036854775807' }, true],
  ['expires_at', { N: '9223372036854775808' }, false],
  ['expires_at', { N: '1234567890123456789012345' }, false],
  ['total', { N: '12.34' }, true],
  ['total', { N: '12.3' }, true],
  ['total', { N: '9999999999.99' }, true],
  ['total', { N: '12.345' }, false],
  ['total', { N: '12345678901.50' }, false],
  ['total', { N: '12345678901234567890123456789012345678' }, false],
  ['total', { N: '-0.01' }, true],
  ['total', { N: '0.5' }, true],
  ['total', { N: '+007.50' }, true],
  ['total', { N: '1E+2' }, false],
  ['total', { N: '99999999999' }, false],
  ['total', { N: '9999999999' }, true],
  ['total', { S: 'free' }, false],
  ['is_gift', { BOOL: false }, true],
  ['is_gift', { S: 'false' }, false],
  ['is_gift', { N: '1' }, false],
  ['tags', { SS: ['a', 'b'] }, true],
  ['tags', { L: [{ S: 'a' }, { N: '1' }] }, false],
  ['tags', { NS: ['1'] }, false],
  ['tags', { S: 'a' }, false],
  ['line_items', { L: [{ M: { sku: { S: 'x' }, quantity: { N: '2' }, unit_price: { N: '9.99' } } }] }, true],
  ['line_items', { L: [] }, true],
  ['line_items', { L: [{ S: 'x' }] }, false],
  ['line_items', { L: [{ M: { sku: { S: 'x' }, quantity: { N: '2.5' } } }] }, false],
  ['line_items', { L: [{ M: { sku: { S: 'x' }, colour: { S: 'red' } } }] }, false],
  ['line_items', { L: [{ M: { SKU: { S: 'x' } } }] }, true],
  ['order_id', { N: '1' }, false],
];

describe('toRow with a declared schema', () => {
  test.each(cases)('%s = %j -> written: %s', (column, value, written) => {
    const row = rowOf({ [column]: value });
    const rejected = rejectedOf(row);
    if (written) {
      expect(rejected).toBeNull();
      expect(row.get(column)).toEqual('NULL' in value ? 'null' : expect.not.stringMatching(/^null$/));
    } else {
      expect(row.get(column)).toBe('null');
      expect(rejected).toEqual({ [column]: value });
    }
  });

  test('writes undeclared scalars as strings with their exact text, nested values as JSON text', () => {
    const row = rowOf({
      zip: { N: '69002' },
      flag: { BOOL: true },
      big: { N: '1234567890123456789012345' },
      list: { L: [{ N: '1.50' }, { S: 'x' }] },
      note: { S: 'SW1A 1AA' },
      empty: { M: {} },
      gone: { NULL: true },
    });
    expect(row.get('zip')).toBe('"69002"');
    expect(row.get('flag')).toBe('"true"');
    expect(row.get('big')).toBe('"1234567890123456789012345"');
    expect(row.get('list')).toBe(JSON.stringify('[1.50,"x"]'));
    expect(row.get('note')).toBe('"SW1A 1AA"');
    expect(row.get('empty')).toBe('"{}"');
    expect(row.get('gone')).toBe('null');
  });

  test('keeps the row of a change without a schema exactly as before (no cdc_rejected)', () => {
    const change = parseChangeRecord(insertOf({ total: { N: '12.345' } }));
    if (!change.ok) throw new Error(change.detail);
    const row = toRow(change.value);
    expect(row.ok && row.value.get('total')).toBe('12.345');
    expect(row.ok && row.value.has('cdc_rejected')).toBe(false);
  });

  test('still fails a malformed value in a declared column, as without a schema', () => {
    const change = parseChangeRecord(insertOf({ total: { L: { not: 'a list' } } }));
    expect(change.ok && toRow(change.value, { schema })).toMatchObject({
      ok: false,
      reason: 'malformed-attribute-value',
    });
  });

  test('rejects a type change within a MODIFY and still lists the column as changed', () => {
    const text = JSON.stringify({
      eventID: 'm1',
      eventName: 'MODIFY',
      dynamodb: {
        ApproximateCreationDateTime: 1736937011,
        Keys: { order_id: { S: 'o1' } },
        OldImage: { order_id: { S: 'o1' }, item_count: { N: '5' } },
        NewImage: { order_id: { S: 'o1' }, item_count: { S: 'five' } },
      },
    });
    const change = parseChangeRecord(text);
    const row = change.ok ? toRow(change.value, { schema }) : change;
    if (!row.ok) throw new Error(row.detail);
    expect(row.value.get('item_count')).toBe('null');
    expect(rejectedOf(row.value)).toEqual({ item_count: { S: 'five' } });
    expect(JSON.parse(row.value.get('cdc_changed_attributes') ?? 'null')).toEqual(['item_count']);
  });

  test('counts rejected values in the batch summary', () => {
    const data = Buffer.from(insertOf({ total: { N: '12.345' }, item_count: { N: '2.5' } })).toString('base64');
    const { summary, result } = transformFirehoseEvent(
      {
        records: [
          { recordId: '1', data },
          { recordId: '2', data },
        ],
      },
      { schema },
    );
    expect(summary).toMatchObject({ ok: 2, rejectedValues: 4, rowsWithRejectedValues: 2 });
    const line = Buffer.from(result.records[0]?.data ?? '', 'base64').toString('utf8');
    expect(JSON.parse(JSON.parse(line).cdc_rejected)).toEqual({ item_count: { N: '2.5' }, total: { N: '12.345' } });
  });
});

describe('createRowSchema', () => {
  test.each([
    [[{ name: 'Total', type: 'string' }], /lower-case/],
    [[{ name: 'x'.repeat(256), type: 'string' }], /255/],
    [
      [
        { name: 'a', type: 'string' },
        { name: 'a', type: 'int' },
      ],
      /declared twice/,
    ],
    [[{ name: 'a', type: 'double' }], /cannot be checked exactly/],
    [[{ name: 'a', type: 'decimal(40,2)' }], /precision/],
    [[{ name: 'a', type: 'array<string' }], /expected ">"/],
  ])('refuses %j', (columns, message) => {
    expect(() => createRowSchema(columns)).toThrow(SchemaError);
    expect(() => createRowSchema(columns)).toThrow(message);
  });

  test('parses nested Hive types', () => {
    expect(parseColumnType('array<struct<a:int,b:decimal(5,1)>>')).toEqual({
      kind: 'array',
      element: {
        kind: 'struct',
        fields: new Map([
          ['a', { kind: 'integer', min: -2147483648n, max: 2147483647n, safeDigits: 10 }],
          ['b', { kind: 'decimal', precision: 5, scale: 1 }],
        ]),
      },
    });
  });
});
