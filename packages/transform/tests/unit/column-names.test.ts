import { parseChangeRecord, serializeRow, toColumnName, toRow } from '../../src/index.js';

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
      JSON.stringify({ eventID: 'e1', eventName: 'INSERT', dynamodb: { ApproximateCreationDateTime: 1736937011, Keys: { id: { S: 'k' } }, NewImage: image } }),
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
});
