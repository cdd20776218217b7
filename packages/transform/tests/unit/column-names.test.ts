import { parseChangeRecord, serializeRow, toColumnName, toRow, type Row } from '../../src/index.js';

describe('toColumnName', () => {
  test.each([
    ['customer_id', 'customer_id'],
    ['customerId', 'customer_id'],
    ['CustomerID', 'customer_id'],
    ['Order Date', 'order_date'],
    ['XMLHttpURL2', 'xml_http_url2'],
    ['order-id', 'order_id'],
    ['order.id', 'order_id'],
    ['__private__', 'private'],
    ['Crème Brûlée', 'creme_brulee'],
    ['a__b', 'a_b'],
    ['2fa', '2fa'],
    ['価格', 'attr_4fa1_683c'],
    ['', 'attr'],
  ])('%p -> %p', (name, column) => {
    expect(toColumnName(name)).toBe(column);
  });
});

describe('column collisions', () => {
  const lineOf = (image: Record<string, unknown>): Record<string, unknown> => {
    const change = parseChangeRecord(
      JSON.stringify({
        eventID: 'e1',
        eventName: 'INSERT',
        dynamodb: { ApproximateCreationDateTime: 1736937011, Keys: { id: { S: 'k' } }, NewImage: image },
      }),
    );
    if (!change.ok) throw new Error(change.detail);
    const row = toRow(change.value);
    if (!row.ok) throw new Error(row.detail);
    return JSON.parse(serializeRow(row.value)) as Record<string, unknown>;
  };

  test('gives the exact attribute the name and suffixes the other, whatever the key order', () => {
    const a = lineOf({ customerId: { S: 'camel' }, customer_id: { S: 'snake' } });
    const b = lineOf({ customer_id: { S: 'snake' }, customerId: { S: 'camel' } });
    expect(a).toMatchObject({ customer_id: 'snake', customer_id_2: 'camel' });
    expect(b).toMatchObject({ customer_id: 'snake', customer_id_2: 'camel' });
  });

  test('keeps a flattened nested attribute that meets a top-level one', () => {
    expect(lineOf({ a: { M: { b: { N: '1' } } }, a_b: { N: '2' } })).toMatchObject({ a_b: 2, a_b_2: 1 });
  });

  test('never lets an attribute overwrite a CDC metadata column', () => {
    const row = lineOf({ cdc_operation: { S: 'mine' } });
    expect(row).toMatchObject({ cdc_operation: 'insert', cdc_operation_2: 'mine' });
  });

  test('skips suffixes that are already taken', () => {
    expect(lineOf({ Ab: { N: '1' }, ab: { N: '2' }, ab_2: { N: '3' } })).toMatchObject({ ab: 2, ab_2: 3, ab_3: 1 });
  });

  test('snake_cases keys of maps inside lists and resolves their collisions', () => {
    expect(lineOf({ items: { L: [{ M: { unitPrice: { N: '1.50' }, unit_price: { N: '2' } } }] } })).toMatchObject({
      items: [{ unit_price: 2, unit_price_2: 1.5 }],
    });
  });

  test('keeps an empty map as a null column', () => {
    expect(lineOf({ prefs: { M: {} } })).toMatchObject({ prefs: null });
  });

  // The writer remembers the last image's names (ImageShape); each row must still get its own columns.
  const itemColumns = (row: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(row).filter(([name]) => !name.startsWith('cdc_')));
  test.each([
    [{ a: { M: { x: { N: '1' } } } }, { c: { M: { x: { N: '2' } } } }, { c_x: 2 }],
    [{ a: { M: { b: { M: { x: { N: '1' } } } } } }, { a: { M: { c: { M: { x: { N: '2' } } } } } }, { a_c_x: 2 }],
    [
      { customer_id: { S: 'one' } },
      { customerId: { S: 'camel' }, customer_id: { S: 'snake' } },
      { customer_id_2: 'camel', customer_id: 'snake' },
    ],
    [
      { customerId: { S: 'camel' }, customer_id: { S: 'snake' } },
      { customerId: { S: 'camel' } },
      { customer_id: 'camel' },
    ],
  ])('names the columns of each image by its own names, after %j: %j', (before, after, expected) => {
    lineOf(before);
    expect(itemColumns(lineOf(after))).toEqual(expected);
  });

  test('names the columns right after an image whose walk stopped at a malformed value', () => {
    expect(() => lineOf({ a: { M: { x: { N: 'not a number' } } } })).toThrow(/N must be a decimal number string/);
    expect(lineOf({ b: { M: { x: { N: '1' } } } })).toMatchObject({ b_x: 1 });
  });
});

describe('naming rules Athena and Glue accept', () => {
  const insert = (image: Record<string, unknown>): Row => {
    const change = parseChangeRecord(
      JSON.stringify({
        eventID: 'n',
        eventName: 'INSERT',
        dynamodb: {
          ApproximateCreationDateTime: 1736937011,
          Keys: { id: { S: 'a' } },
          NewImage: { id: { S: 'a' }, ...image },
        },
      }),
    );
    const row = change.ok ? toRow(change.value) : change;
    if (!row.ok) throw new Error(row.detail);
    return row.value;
  };

  test.each(['year', 'month', 'day', 'hour', 'Year', 'cdc_rejected'])(
    'reserves the partition and cdc names: %s becomes a _2 column',
    (attribute) => {
      const row = insert({ [attribute]: { N: '2025' } });
      const name = `${attribute.toLowerCase()}_2`;
      expect(row.get(name)).toBe('2025');
      expect(row.has(attribute.toLowerCase())).toBe(false); // no schema here, so no cdc_rejected column either
    },
  );

  test('shortens names over 255 characters deterministically and keeps them distinct', () => {
    const long = 'a'.repeat(300);
    const nested = { M: { [`${'b'.repeat(200)}`]: { M: { [`${'c'.repeat(100)}`]: { S: 'deep' } } } } };
    const row = insert({ [long]: { S: 'x' }, [`${long}b`]: { S: 'y' }, outer: nested });
    const names = [...row.keys()].filter((name) => !name.startsWith('cdc_') && name !== 'id');
    expect(names).toHaveLength(3);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(255);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(3);
    expect([...insert({ [long]: { S: 'x' } }).keys()][1]).toBe(names[0]);
    expect(toColumnName(long)).toMatch(/^a{238}_[0-9a-f]{16}$/);
  });

  test('lists a removed attribute under the name its own row gave it', () => {
    const change = parseChangeRecord(
      JSON.stringify({
        eventID: 'm',
        eventName: 'MODIFY',
        dynamodb: {
          ApproximateCreationDateTime: 1736937011,
          Keys: { id: { S: 'a' } },
          OldImage: { id: { S: 'a' }, customerId: { S: 'c1' }, customer_id: { S: 'c2' } },
          NewImage: { id: { S: 'a' }, customer_id: { S: 'c2' } },
        },
      }),
    );
    const row = change.ok ? toRow(change.value) : change;
    expect(row.ok && JSON.parse(row.value.get('cdc_changed_attributes') ?? 'null')).toEqual(['customer_id_2']);
  });
});
