import { DuckDBInstance } from '@duckdb/node-api';
import {
  CURRENT_COLUMNS,
  DUCKDB_MERGE_DIALECT,
  MERGE_LOG_COLUMNS,
  mergeStatements,
  parseHiveType,
  TOMBSTONE_COLUMNS,
  toDuckDbType,
} from '@sales/pipeline-spec';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbLake } from '../../src/athena/duckdb-lake';
import { localCurrentFiles } from '@sales/lake-ops';
import { mountLiveView } from '../../src/athena/live-view-mount';
import { LakeWriter } from '../../src/firehose/lake-writer';

// orders_live in the local DuckDB: over the recent changes alone before any merge, and over the merge's database
// after one, with the changes the merge has not read yet laid over it.

const READ_UNTIL = '2026-01-15T12:00:00.000Z';
const row = (order: string, sort: string, operation: string, status: string | null) =>
  `${JSON.stringify({ order_id: order, status, cdc_operation: operation, cdc_sort_key: sort, cdc_event_id: `${order}-${sort}` })}\n`;

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'sales-local-live-'));
  const lake = new LakeWriter(out);
  lake.write('sales/year=2026/month=01/day=15/hour=11/x.json.gz', [row('a', '1', 'insert', 'new')]);
  lake.write('recent/dt=2026-01-15-11/x.json.gz', [
    row('a', '1', 'insert', 'new'),
    row('b', '1', 'insert', 'new'),
    row('c', '1', 'insert', 'new'),
  ]);
  // After the merge read: a newer change of a, b removed, and a stale redelivery of c.
  lake.write('recent/dt=2026-01-15-12/y.json.gz', [
    row('a', '2', 'modify', 'paid'),
    row('b', '2', 'remove', null),
    row('c', '1', 'insert', 'new'),
  ]);
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const table = {
  columns: [{ name: 'order_id', type: parseHiveType('string') }],
  partitionKeys: ['year', 'month', 'day', 'hour'],
};
async function live(): Promise<{ source: string; rows: string[] }> {
  const lake = await DuckDbLake.open(out, 'sales/', '.json.gz', 'order_changes', table);
  try {
    const source = await mountLiveView(lake, out, 3600);
    const { rows } = await lake.query('SELECT order_id, status FROM orders_live ORDER BY order_id');
    return { source, rows: rows.map((r) => `${r['order_id']} ${r['status']}`) };
  } finally {
    lake.close();
  }
}

describe('mountLiveView', () => {
  test('stands on the recent changes alone before any merge: latest per key, removes dropped', async () => {
    expect(await live()).toEqual({ source: 'absent', rows: ['a paid', 'c new'] });
  });

  test("lays the changes after the merge's read over the merged orders_current, read-only", async () => {
    mkdirSync(join(out, 'current'), { recursive: true });
    const instance = await DuckDBInstance.create(localCurrentFiles(out).database);
    const db = await instance.connect();
    const typed = (columns: readonly { name: string; type: string }[]) =>
      columns.map((c) => `"${c.name}" ${toDuckDbType(parseHiveType(c.type))}`).join(', ');
    await db.run(`CREATE TABLE orders_current (${typed(CURRENT_COLUMNS)})`);
    await db.run(`CREATE TABLE orders_current_tombstones (${typed(TOMBSTONE_COLUMNS)})`);
    await db.run(`CREATE TABLE orders_current_merges (${typed(MERGE_LOG_COLUMNS)})`);
    // A merge of what reached the change log by READ_UNTIL; d is older than the view's window, so only the merge has it.
    await db.run(
      `CREATE TEMP VIEW order_changes AS SELECT * FROM (VALUES ('a','1','insert','new','a-1','2026','01','15','11'), ('b','1','insert','new','b-1','2026','01','15','11'), ('c','1','insert','new','c-1','2026','01','15','11'), ('d','1','insert','new','d-1','2026','01','15','01')) ` +
        `AS v(order_id, cdc_sort_key, cdc_operation, status, cdc_event_id, year, month, day, hour)`,
    );
    const columns = CURRENT_COLUMNS.map((c) => c.name);
    await db.run(
      `CREATE TEMP VIEW changes AS SELECT ${columns.map((c) => (['order_id', 'cdc_sort_key', 'status'].includes(c) ? `"${c}"` : `NULL AS "${c}"`)).join(', ')}, cdc_operation, cdc_event_id, year, month, day, hour FROM order_changes`,
    );
    const tables = {
      dialect: DUCKDB_MERGE_DIALECT,
      changes: 'changes',
      current: 'orders_current',
      tombstones: 'orders_current_tombstones',
      mergeLog: 'orders_current_merges',
    };
    for (const statement of mergeStatements(tables, {
      mode: 'incremental',
      runId: 'r1',
      readUntil: READ_UNTIL,
      window: null,
    }))
      await db.run(statement.sql);
    db.closeSync();
    instance.closeSync();
    expect(await live()).toEqual({ source: 'merged', rows: ['a paid', 'c new', 'd new'] });
  });
});
