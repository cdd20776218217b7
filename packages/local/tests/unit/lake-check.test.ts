import type { AttributeMap } from '../../src/types';
import { compareCurrentState, CURRENT_TABLE_COLUMNS, isEqual, StateComparison } from '../../src/run/lake-check';

/** An item as a Scan returns it (SDK shapes: numbers as digit strings, a map, a list). */
const item = (id: string, status: string, total: string): AttributeMap => ({
  order_id: { S: id },
  status: { S: status },
  total: { N: total },
  item_count: { N: '3' },
  customer: { M: { id: { S: 'cus-1' }, city: { S: 'Lyon' } } },
  line_items: { L: [] },
});

/** A current-state row as DuckDB returns it: DECIMAL and BIGINT as text. */
const row = (id: string, status: string, total: string, city = 'Lyon') => ({
  order_id: id,
  status,
  total,
  item_count: '3',
  customer_id: 'cus-1',
  customer_city: city,
  last_change_time: '2025-01-15T10:00:00.000Z',
});

describe('compareCurrentState', () => {
  test('finds a lake equal to the table, numbers compared by value (44.9 = "44.90")', () => {
    const difference = compareCurrentState(
      [row('a', 'paid', '44.90'), row('b', 'placed', '12.00')],
      [item('a', 'paid', '44.9'), item('b', 'placed', '12')],
    );

    expect(difference).toMatchObject({ missing_in_lake: 0, extra_in_lake: 0, value_mismatch: 0, sample: [] });
    expect(isEqual(difference)).toBe(true);
  });

  test.each([
    ['status', [row('a', 'placed', '44.90')], 'a: status'],
    ['money', [row('a', 'paid', '44.91')], 'a: total'],
    ['a flattened nested attribute', [row('a', 'paid', '44.90', 'Paris')], 'a: customer_city'],
  ])('reports a value mismatch in %s, naming the column', (_, rows, sample) => {
    const difference = compareCurrentState(rows, [item('a', 'paid', '44.9')]);

    expect(difference).toMatchObject({ missing_in_lake: 0, extra_in_lake: 0, value_mismatch: 1, sample: [sample] });
    expect(isEqual(difference)).toBe(false);
  });

  test('reports keys missing in the lake and keys alive only in the lake', () => {
    const difference = compareCurrentState([row('gone', 'paid', '1')], [item('kept', 'paid', '1')]);

    expect(difference).toMatchObject({
      missing_in_lake: 1,
      extra_in_lake: 1,
      value_mismatch: 0,
      sample: ['gone', 'kept'],
    });
  });

  test('says what it did not judge: the columns that are not item attributes, and item columns the rows lack', () => {
    const difference = compareCurrentState([row('a', 'paid', '44.90')], [item('a', 'paid', '44.9')]);

    expect(difference.not_judged).toEqual([
      'last_change_time: the event time of the latest change, which the table does not keep',
      'line_items: in the rows the table makes, not in the current state',
    ]);
  });
});

/** A row of orders_current as DuckDB reads the Parquet export as JSON: every struct field, decimals as text. */
const currentRow = (id: string, unitPrice: string) => ({
  order_id: id,
  status: 'paid',
  total: '44.90',
  item_count: 3,
  customer_id: 'cus-1',
  customer_city: 'Lyon',
  line_items: [{ sku: 'SKU-MUG', product_name: 'Mug', category: null, quantity: 3, unit_price: unitPrice }],
  cdc_sort_key: '1736937011000000-1',
  cdc_event_time: '2025-01-15T10:30:11.000Z',
  cdc_rejected: null,
});

/** The item of that row as a Scan returns it: a list of maps, numbers as digits without trailing zeros. */
const itemWithLines = (id: string): AttributeMap => ({
  ...item(id, 'paid', '44.9'),
  line_items: {
    L: [{ M: { sku: { S: 'SKU-MUG' }, product_name: { S: 'Mug' }, quantity: { N: '3' }, unit_price: { N: '10' } } }],
  },
});

describe('StateComparison over orders_current, fed a batch at a time', () => {
  test('finds structs in lists equal member by member (10.00 = 10, a null field = an absent one)', () => {
    const check = new StateComparison([itemWithLines('a'), itemWithLines('b')], CURRENT_TABLE_COLUMNS);

    check.add([currentRow('a', '10.00')]);
    check.add([currentRow('b', '10.00')]);

    expect(check.result()).toEqual({
      missing_in_lake: 0,
      extra_in_lake: 0,
      value_mismatch: 0,
      sample: [],
      not_judged: [
        'cdc_sort_key: the sort key of the change the row holds, which the table does not keep',
        'cdc_event_time: the event time of the change the row holds, which the table does not keep',
      ],
    });
  });

  test('names a nested value that differs, and counts keys missing across batches once', () => {
    const check = new StateComparison([itemWithLines('a'), itemWithLines('b')], CURRENT_TABLE_COLUMNS);

    check.add([currentRow('a', '10.50')]);
    check.add([]);

    expect(check.result()).toMatchObject({ missing_in_lake: 1, value_mismatch: 1, sample: ['a: line_items', 'b'] });
  });
});
