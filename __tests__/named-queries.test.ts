import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'node-sql-parser';
import { localCurrentFiles, mergeLocalLake } from '@sales/lake-ops';
import {
  CURRENT_TABLE_NAME,
  DATA_FILE_EXTENSION,
  duckDbTypeOf,
  ORDER_CHANGE_COLUMNS,
  TABLE_NAME,
  partitionPath,
  readNamedQueries,
} from '@sales/pipeline-spec';
import { ORDER_CHANGE_ROWS } from './fixtures/order-change-rows';

const parser = new Parser();
const TRINO = { database: 'trino' };
const queries = readNamedQueries();
const byName = Object.fromEntries(queries.map((query) => [query.name, query.sql]));

/**
 * Functions the queries may call: each exists, with the same meaning, in Trino (Athena engine v3) and DuckDB.
 * `unnest` over an array of structs yields one struct column in both, as Athena documents
 * ("Filter arrays using UNNEST": `UNNEST(items) t(sites)` then `sites.hostname`).
 */
const COMMON_FUNCTIONS = new Set(['row_number', 'count', 'sum', 'substr', 'unnest']);

function functionNames(node: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) functionNames(child, found);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record['type'] === 'aggr_func' && typeof record['name'] === 'string') found.add(record['name'].toLowerCase());
    if (record['type'] === 'function') {
      const parts = (record['name'] as { name?: Array<{ value: string }> } | undefined)?.name ?? [];
      found.add(
        parts
          .map((part) => part.value)
          .join('.')
          .toLowerCase(),
      );
    }
    for (const child of Object.values(record)) functionNames(child, found);
  }
  return found;
}

/** The one query that reads the change log: the current state rebuilt from the whole history. */
const FROM_LOG = 'current_orders_from_log';

describe('named queries as Trino SQL', () => {
  test('there are at least four: revenue by day and region, top products, current orders, and from the log', () => {
    expect(queries.map((query) => query.name)).toEqual(
      expect.arrayContaining(['revenue_by_day_and_region', 'top_products', 'current_orders', FROM_LOG]),
    );
  });

  test.each(queries.map((query) => [query.name, query.sql]))(
    '%s parses as one Trino statement over one table: orders_current, or order_changes for the history',
    (name, sql) => {
      const ast = parser.astify(sql, TRINO);
      expect(Array.isArray(ast) ? ast.length : 1).toBe(1);
      const [table, other] = name === FROM_LOG ? [TABLE_NAME, CURRENT_TABLE_NAME] : [CURRENT_TABLE_NAME, TABLE_NAME];
      expect(parser.tableList(sql, TRINO)).toContain(`select::null::${table}`);
      expect(parser.tableList(sql, TRINO)).not.toContain(`select::null::${other}`);
      expect(sql).not.toMatch(/::|;\s*$/);
    },
  );

  test.each(queries.map((query) => [query.name, query.sql]))(
    '%s calls only functions both engines have',
    (_name, sql) => {
      expect([...functionNames(parser.astify(sql, TRINO))].filter((name) => !COMMON_FUNCTIONS.has(name))).toEqual([]);
    },
  );

  test.each([
    ['a misspelt keyword', 'SELEC order_id FROM order_changes'],
    ['a missing table', 'SELECT order_id FROM WHERE status = 1'],
    ['DuckDB-only QUALIFY', 'SELECT order_id FROM order_changes QUALIFY row_number() OVER () = 1'],
    ['DuckDB-only star EXCLUDE', 'SELECT * EXCLUDE (status) FROM order_changes'],
  ])('the parser rejects %s, so the check can fail', (_case, sql) => {
    expect(() => parser.astify(sql, TRINO)).toThrow();
  });
});

describe('named queries on DuckDB over a hive-partitioned lake and its merged orders_current', () => {
  let lake: string;
  let run: (sql: string) => Promise<Record<string, unknown>[]>;
  let close: () => void;

  beforeAll(async () => {
    lake = mkdtempSync(join(tmpdir(), 'lake-'));
    for (const [index, rows] of ORDER_CHANGE_ROWS.entries()) {
      const [year, month, day, hour] = [
        rows[0]!.cdc_event_time.slice(0, 4),
        rows[0]!.cdc_event_time.slice(5, 7),
        rows[0]!.cdc_event_time.slice(8, 10),
        rows[0]!.cdc_event_time.slice(11, 13),
      ];
      const folder = join(lake, partitionPath({ year, month, day, hour }));
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        join(folder, `part-${index}${DATA_FILE_EXTENSION}`),
        gzipSync(rows.map((row) => `${JSON.stringify(row)}\n`).join('')),
      );
    }
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // The declared types, as Athena reads the Glue table (money DECIMAL(12,2), times as strings).
    const declared = ORDER_CHANGE_COLUMNS.map((column) => `'${column.name}': '${duckDbTypeOf(column.type)}'`);
    await connection.run(
      `CREATE VIEW ${TABLE_NAME} AS SELECT * FROM read_json('${join(lake, 'sales', '**', `*${DATA_FILE_EXTENSION}`)}', format = 'newline_delimited', hive_partitioning = true, hive_types_autocast = false, columns = {${declared.join(', ')}})`,
    );
    await mergeLocalLake({
      lake,
      mode: 'incremental',
      runId: 'named-queries',
      readUntil: '2025-01-17T00:00:00.000Z',
      latenessSeconds: 25200,
    });
    await connection.run(
      `CREATE VIEW ${CURRENT_TABLE_NAME} AS SELECT * FROM read_parquet('${localCurrentFiles(lake).parquet}')`,
    );
    run = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
    close = () => {
      connection.closeSync();
      instance.closeSync();
    };
  });

  afterAll(() => {
    close();
    rmSync(lake, { recursive: true, force: true });
  });

  test.each(['current_orders', FROM_LOG])(
    '%s keeps the latest change per order, drops removed orders and duplicate deliveries',
    async (name) => {
      const rows = await run(byName[name]!);
      expect(rows.map((row) => [row['order_id'], row['status'], row['total']])).toEqual([
        ['ord-1', 'paid', '44.98'],
        ['ord-2', 'cancelled', '10.00'],
        ['ord-4', 'placed', '33.00'],
      ]);
    },
  );

  test('current_orders on orders_current returns exactly what the change-log window returns', async () => {
    expect(await run(byName['current_orders']!)).toEqual(await run(byName[FROM_LOG]!));
  });

  test('revenue_by_day_and_region counts current, not cancelled orders per day, region and currency', async () => {
    const rows = await run(byName['revenue_by_day_and_region']!);
    expect(rows).toEqual([
      { order_day: '2025-01-15', region: 'EMEA', currency: 'EUR', orders: '1', revenue: '44.98' },
      { order_day: '2025-01-16', region: 'NA', currency: 'USD', orders: '1', revenue: '33.00' },
    ]);
  });

  test('top_products ranks products by units sold in current orders', async () => {
    const rows = await run(byName['top_products']!);
    expect(rows.map((row) => [row['sku'], row['currency'], row['units'], row['revenue'], row['orders']])).toEqual([
      ['SKU-MUG', 'USD', '3', '30.00', '1'],
      ['SKU-MUG', 'EUR', '2', '20.00', '1'],
      ['SKU-PEN', 'EUR', '1', '20.00', '1'],
    ]);
  });
});
