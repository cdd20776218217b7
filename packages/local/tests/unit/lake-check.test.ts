import type { AttributeMap } from '../../src/types';
import { compareCurrentState, isEqual } from '../../src/run/lake-check';

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

    expect(difference).toEqual({ missing_in_lake: 0, extra_in_lake: 0, value_mismatch: 0, sample: [] });
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

    expect(difference).toEqual({ missing_in_lake: 1, extra_in_lake: 1, value_mismatch: 0, sample: ['gone', 'kept'] });
  });
});
