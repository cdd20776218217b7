import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { compareCurrentState, CURRENT_TABLE_COLUMNS, expectedRowText, StateComparison } from '../../src/run/lake-check';
import { compareWithTable, type RowStream } from '../../src/run/table-check';
import type { AttributeMap } from '../../src/types';

/** An item as a Scan returns it (SDK shapes: numbers as digit strings, a map, a list of maps). */
const item = (id: string, status: string, total: string, unitPrice = '10'): AttributeMap => ({
  order_id: { S: id },
  status: { S: status },
  total: { N: total },
  item_count: { N: '3' },
  customer: { M: { id: { S: 'cus-1' }, city: { S: 'Lyon' } } },
  line_items: {
    L: [
      { M: { sku: { S: 'SKU-MUG' }, product_name: { S: 'Mug' }, quantity: { N: '3' }, unit_price: { N: unitPrice } } },
    ],
  },
});

/** `orders_current` rows, as a DuckDB table with the export's types (money DECIMAL, lines a list of structs). */
const CURRENT = `SELECT * FROM (VALUES
  ('a', 'paid', CAST(44.90 AS DECIMAL(12,2)), 3, 'cus-1', 'Lyon', [{'sku': 'SKU-MUG', 'product_name': 'Mug', 'category': NULL, 'quantity': 3, 'unit_price': CAST(10.00 AS DECIMAL(12,2))}], '1-1', '2025-01-15T10:30:11.000Z'),
  ('b', 'placed', CAST(12.00 AS DECIMAL(12,2)), 3, 'cus-1', 'Lyon', [{'sku': 'SKU-MUG', 'product_name': 'Mug', 'category': NULL, 'quantity': 3, 'unit_price': CAST(10.50 AS DECIMAL(12,2))}], '1-2', '2025-01-15T10:30:12.000Z'),
  ('gone', 'paid', CAST(1.00 AS DECIMAL(12,2)), 3, 'cus-1', 'Lyon', [], '1-3', '2025-01-15T10:30:13.000Z')
) AS t(order_id, status, total, item_count, customer_id, customer_city, line_items, cdc_sort_key, cdc_event_time)`;
const ITEMS = [item('a', 'paid', '44.9'), item('b', 'placed', '12'), item('kept', 'paid', '1')];

let dir: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
/** Each query on a connection of its own, as the run's DuckDB hands them out. */
const db: RowStream = {
  async *stream(sql) {
    const own = await instance.connect();
    try {
      const result = await own.stream(sql);
      for await (const batch of result.yieldRowObjectJson()) yield batch as Record<string, unknown>[];
    } finally {
      own.closeSync();
    }
  },
};
const writeRows = (items: readonly AttributeMap[]): string => {
  const path = join(dir, 'table-rows.jsonl');
  writeFileSync(
    path,
    items.map((i) => `${JSON.stringify({ order_id: i['order_id']?.S, expected: expectedRowText(i) })}\n`).join(''),
  );
  return path;
};

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sales-local-table-check-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('compareWithTable, both sides in buckets of keys', () => {
  test('finds what the in-memory check finds: values by value, a nested value, missing and extra keys', async () => {
    const expected = new StateComparison(ITEMS, CURRENT_TABLE_COLUMNS);
    expected.add((await connection.runAndReadAll(`${CURRENT} ORDER BY order_id`)).getRowObjectsJson());

    const result = await compareWithTable(db, CURRENT, writeRows(ITEMS), CURRENT_TABLE_COLUMNS);

    expect(result.rows).toBe(3);
    expect(result.difference).toEqual(expected.result());
    expect(result.difference).toMatchObject({
      missing_in_lake: 1,
      extra_in_lake: 1,
      value_mismatch: 1,
      sample: ['b: line_items', 'gone', 'kept'],
    });
  });

  test('compares each row of a key the state holds twice, and counts the key present', async () => {
    const twice = `${CURRENT} UNION ALL (${CURRENT} WHERE order_id = 'a')`;
    const expected = new StateComparison(ITEMS, CURRENT_TABLE_COLUMNS);
    expected.add((await connection.runAndReadAll(`SELECT * FROM (${twice}) ORDER BY order_id`)).getRowObjectsJson());

    const result = await compareWithTable(db, twice, writeRows(ITEMS), CURRENT_TABLE_COLUMNS);

    expect(result.rows).toBe(4);
    expect(result.difference).toEqual(expected.result());
    expect(result.difference.missing_in_lake).toBe(1);
  });

  test('counts every key missing when the state is empty, and every row extra when the table is', async () => {
    const none = await compareWithTable(db, `${CURRENT} WHERE false`, writeRows(ITEMS), CURRENT_TABLE_COLUMNS);
    const empty = await compareWithTable(db, CURRENT, writeRows([]), CURRENT_TABLE_COLUMNS);

    expect(none).toEqual({ rows: 0, difference: compareCurrentState([], ITEMS, CURRENT_TABLE_COLUMNS) });
    expect(empty.difference).toMatchObject({ missing_in_lake: 0, extra_in_lake: 3, value_mismatch: 0 });
  });

  test('over many buckets finds exactly what the in-memory check finds, the sample the smallest keys', async () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `o-${String(i).padStart(4, '0')}`);
    const items = ids.filter((_, i) => i % 97 !== 3).map((id, i) => item(id, i % 7 === 0 ? 'paid' : 'placed', '44.9'));
    // The state: every item's row but some keys missing, some statuses changed, a few keys twice, a few extra.
    const rows = ids
      .filter((_, i) => i % 89 !== 5)
      .flatMap((id, i) => {
        const status = i % 101 === 7 ? 'shipped' : i % 7 === 0 ? 'paid' : 'placed';
        const row = `('${id}', '${status}', CAST(44.90 AS DECIMAL(12,2)), 3, 'cus-1', 'Lyon', [{'sku': 'SKU-MUG', 'product_name': 'Mug', 'category': NULL, 'quantity': 3, 'unit_price': CAST(10.00 AS DECIMAL(12,2))}], '1-${i}', '2025-01-15T10:30:11.000Z')`;
        return i % 211 === 0 ? [row, row] : [row];
      });
    const state = `SELECT * FROM (VALUES ${rows.join(',\n')}) AS t(order_id, status, total, item_count, customer_id, customer_city, line_items, cdc_sort_key, cdc_event_time)`;
    const expected = new StateComparison(items, CURRENT_TABLE_COLUMNS);
    expected.add(
      (await connection.runAndReadAll(`SELECT * FROM (${state}) ORDER BY order_id DESC`)).getRowObjectsJson(),
    );

    const tableRows = writeRows(items);
    // At 16 KiB per bucket the table's rows make dozens of buckets.
    expect(statSync(tableRows).size).toBeGreaterThan(20 * 16 * 1024);
    const result = await compareWithTable(db, state, tableRows, CURRENT_TABLE_COLUMNS, 16 * 1024);

    expect(result.rows).toBe(rows.length);
    expect(result.difference).toEqual(expected.result());
    expect(result.difference.missing_in_lake + result.difference.extra_in_lake).toBeGreaterThan(10);
    expect(result.difference.value_mismatch).toBeGreaterThan(10);
    expect(readdirSync(dir)).toEqual(['table-rows.jsonl']);
  });
});
