import { CDC_COLUMNS, parseChangeRecord, serializeRow, toRow, type ChangeRecord, type Row } from '../../src/index.js';
import { readFixture } from '../support/fixtures.js';

const [insert] = readFixture<Record<string, unknown>[]>('pipe-stream-records-decoded.json');

const change = (record: unknown): ChangeRecord => {
  const parsed = parseChangeRecord(JSON.stringify(record));
  if (!parsed.ok) throw new Error(parsed.detail);
  return parsed.value;
};
const row = (record: unknown): Row => {
  const built = toRow(change(record));
  if (!built.ok) throw new Error(built.detail);
  return built.value;
};
const modifyOf = (oldImage: unknown, newImage: unknown): unknown => ({
  eventID: 'm',
  eventName: 'MODIFY',
  dynamodb: {
    ApproximateCreationDateTime: 1736940612,
    Keys: { id: { S: 'a' } },
    OldImage: oldImage,
    NewImage: newImage,
  },
});
const changed = (oldImage: unknown, newImage: unknown): unknown =>
  JSON.parse(row(modifyOf(oldImage, newImage)).get('cdc_changed_attributes') ?? 'null');

describe('toRow', () => {
  test('puts item columns first and every CDC column after them', () => {
    const names = [...row(insert).keys()];
    expect(names.slice(-CDC_COLUMNS.length)).toEqual([...CDC_COLUMNS]);
    expect(names[0]).toBe('order_id');
  });

  test('gives values as JSON text', () => {
    const values = row(insert);
    expect(values.get('customer_address_city')).toBe('"Lyon"');
    expect(values.get('loyalty_account_number')).toBe('1234567890123456789012345');
    expect(values.get('coupon_code')).toBe('null');
  });

  test('serializes to the columns of the row, in order', () => {
    const line = serializeRow(row(insert));
    expect(Object.keys(JSON.parse(line) as object)).toEqual([...row(insert).keys()]);
    expect(line.endsWith('}\n')).toBe(true);
  });

  test('serializes a row built by hand, escaping its names as JSON', () => {
    const handMade: Row = new Map([
      ['total', '44.98'],
      ['say "hi"', '"x"'],
    ]);
    expect(serializeRow(handMade)).toBe('{"total":44.98,"say \\"hi\\"":"x"}\n');
    expect(serializeRow(new Map())).toBe('{}\n');
  });

  test('serializes a copy of a row changed by the caller with the change', () => {
    const copy = new Map(row(insert));
    copy.set('coupon_code', '"SPRING"');
    copy.delete('order_id');
    const parsed = JSON.parse(serializeRow(copy)) as Record<string, unknown>;
    expect(parsed.coupon_code).toBe('SPRING');
    expect('order_id' in parsed).toBe(false);
  });

  test('serializes the row itself with any change made to it through the Map methods', () => {
    const built = row(insert) as Map<string, string>;
    built.set('coupon_code', '"SPRING"');
    expect((JSON.parse(serializeRow(built)) as Record<string, unknown>).coupon_code).toBe('SPRING');
    built.delete('order_id');
    expect('order_id' in (JSON.parse(serializeRow(built)) as object)).toBe(false);
    built.clear();
    expect(serializeRow(built)).toBe('{}\n');
  });

  test('reports a malformed value with its path instead of throwing', () => {
    const bad = {
      ...insert,
      dynamodb: {
        ...(insert?.dynamodb as object),
        NewImage: { id: { S: 'a' }, items: { L: [{ M: { price: { N: 'cheap' } } }] } },
      },
    };
    expect(toRow(change(bad))).toEqual({
      ok: false,
      reason: 'non-numeric-N',
      detail: 'dynamodb.NewImage.items.0.price: N must be a decimal number string, received string "cheap"',
    });
  });

  test.each([
    [{ S: 5 }, 'malformed-attribute-value'],
    [{ BOOL: 'false' }, 'malformed-attribute-value'],
    [{ NULL: false }, 'malformed-attribute-value'],
    [{ B: 'not base64!' }, 'malformed-attribute-value'],
    [{ L: {} }, 'malformed-attribute-value'],
    [{ M: [] }, 'malformed-attribute-value'],
    [{ SS: [1] }, 'malformed-attribute-value'],
    [{ NS: ['1', 'x'] }, 'non-numeric-N'],
    [{ S: 'a', N: '1' }, 'malformed-attribute-value'],
    ['plain', 'malformed-attribute-value'],
    [{}, 'empty-attribute-value'],
    [{ X: '1' }, 'unknown-attribute-type'],
  ])('rejects attribute value %j as %s', (value, reason) => {
    const record = {
      eventID: 'e',
      eventName: 'INSERT',
      dynamodb: { ApproximateCreationDateTime: 1, Keys: { id: { S: 'a' } }, NewImage: { v: value } },
    };
    const built = toRow(change(record));
    expect(built.ok ? null : built.reason).toBe(reason);
  });
});

describe('cdc_changed_attributes', () => {
  test('is empty when nothing changed, ignoring set order', () => {
    expect(changed({ t: { SS: ['a', 'b'] } }, { t: { SS: ['b', 'a'] } })).toEqual([]);
  });

  test('names changed, added and removed columns, including nested ones', () => {
    const before = { id: { S: 'a' }, c: { M: { city: { S: 'Lyon' }, zip: { S: '1' } } }, gone: { N: '1' } };
    const after = { id: { S: 'a' }, c: { M: { city: { S: 'Paris' }, zip: { S: '1' } } }, added: { BOOL: true } };
    expect(changed(before, after)).toEqual(['added', 'c_city', 'gone']);
  });

  test('handles an attribute turning from a value into a map and back', () => {
    expect(changed({ c: { S: 'x' } }, { c: { M: { id: { S: '1' } } } })).toEqual(['c', 'c_id']);
    expect(changed({ c: { M: { id: { S: '1' } } } }, { c: { S: 'x' } })).toEqual(['c', 'c_id']);
  });

  test('is null for a MODIFY without an old image and for inserts', () => {
    const newOnly = {
      eventID: 'm',
      eventName: 'MODIFY',
      dynamodb: { ApproximateCreationDateTime: 1, Keys: { id: { S: 'a' } }, NewImage: { id: { S: 'a' } } },
    };
    expect(row(newOnly).get('cdc_changed_attributes')).toBe('null');
    expect(row(insert).get('cdc_changed_attributes')).toBe('null');
  });
});

describe('cdc_sort_key without a creation time', () => {
  const record = (sequence: string, time?: number): unknown => ({
    eventID: `e${sequence}`,
    eventName: 'MODIFY',
    dynamodb: {
      ...(time === undefined ? {} : { ApproximateCreationDateTime: time }),
      Keys: { id: { S: 'a' } },
      NewImage: { id: { S: 'a' } },
      SequenceNumber: sequence,
    },
  });
  const sortKey = (value: unknown, arrivalMs: number): string => {
    const parsed = parseChangeRecord(JSON.stringify(value), { fallbackEventTimeMs: arrivalMs });
    const built = parsed.ok ? toRow(parsed.value) : parsed;
    if (!built.ok) throw new Error(built.detail);
    return JSON.parse(built.value.get('cdc_sort_key') ?? '""') as string;
  };

  test('never out-sorts a later change of the item, and orders untimed changes by sequence', () => {
    // Arrival (ms) is after the untimed change, and after the whole second of the later, timed one.
    const untimed = sortKey(record('100000000000000000001'), 1736937011900);
    const laterTimed = sortKey(record('100000000000000000002', 1736937011), 1736937012100);
    const laterUntimed = sortKey(record('100000000000000000003'), 1736937011950);
    expect(untimed < laterTimed).toBe(true);
    expect(untimed < laterUntimed).toBe(true);
    expect(untimed.startsWith('0'.repeat(16))).toBe(true);
  });

  test('keeps the arrival time for cdc_event_time (the partition) of an untimed change', () => {
    const parsed = parseChangeRecord(JSON.stringify(record('1')), { fallbackEventTimeMs: 1736937011900 });
    const built = parsed.ok ? toRow(parsed.value) : parsed;
    expect(built.ok && built.value.get('cdc_event_time')).toBe('"2025-01-15T10:30:11.900Z"');
  });
});
