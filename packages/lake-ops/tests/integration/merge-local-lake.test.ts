import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import { localCurrentFiles } from '../../src/merge/local-current-files.js';
import { mergeLocalLake, type LocalMergeOptions } from '../../src/merge/merge-local-lake.js';
import { MergeRunError } from '../../src/merge/merge-run-error.js';
import { useLakeFolders } from '../support/lake-folder.js';
import { snapshotChangeLine, streamChangeLine, writeChangeObjects } from '../support/order-changes.js';
import { duckDbRows, readParquet } from '../support/duckdb-rows.js';

const SECOND = 1_000_000;
/** 2026-12-06T10:00:00Z in µs. */
const T0 = Date.UTC(2026, 11, 6, 10) * 1000;
const placed = { status: 'placed', quantity: 1, unitCents: 1999 };
const shipped = { status: 'shipped', quantity: 2, unitCents: 1999 };

const newLake = useLakeFolders();

/** A lake holding: o-1 inserted then modified, o-2 inserted then removed, o-3 inserted. */
function threeOrderLake(): string {
  const lake = newLake('merge-local-');
  writeChangeObjects(lake, 'delivery-1', [
    streamChangeLine({ operation: 'insert', orderId: 'o-1', version: placed, eventTimeMicros: T0, sequence: 1 }),
    streamChangeLine({ operation: 'insert', orderId: 'o-2', version: placed, eventTimeMicros: T0, sequence: 2 }),
    streamChangeLine({
      operation: 'insert',
      orderId: 'o-3',
      version: placed,
      eventTimeMicros: T0 + SECOND,
      sequence: 3,
    }),
    streamChangeLine({
      operation: 'modify',
      orderId: 'o-1',
      version: shipped,
      eventTimeMicros: T0 + 2 * SECOND,
      sequence: 4,
    }),
    streamChangeLine({
      operation: 'remove',
      orderId: 'o-2',
      version: placed,
      eventTimeMicros: T0 + 3 * SECOND,
      sequence: 5,
    }),
  ]);
  return lake;
}

const run = (lake: string, overrides: Partial<LocalMergeOptions> = {}) =>
  mergeLocalLake({
    lake,
    mode: 'incremental',
    runId: 'run-1',
    readUntil: '2026-12-06T12:00:00.000Z',
    latenessSeconds: 7200,
    ...overrides,
  });

describe('mergeLocalLake', () => {
  test('the same history gives the same export, byte for byte', async () => {
    const [first, second] = [threeOrderLake(), threeOrderLake()];

    await run(first);
    await run(second);
    await run(second, { runId: 'run-2' });

    expect(readFileSync(localCurrentFiles(second).parquet)).toEqual(readFileSync(localCurrentFiles(first).parquet));
  });

  test('a first merge reads the whole log, keeps the latest change per live order and exports it', async () => {
    const lake = threeOrderLake();

    const report = await run(lake);

    expect(report).toMatchObject({
      engine: 'duckdb',
      window: null,
      wholeLog: 'first-merge',
      changeRowsRead: 5,
      rows: { inserted: 2, updated: 0, deleted: 0 },
      currentRows: 2,
      tombstones: { recorded: 1, expired: 0 },
      exported: localCurrentFiles(lake).parquet,
    });
    expect(report.statements.map((s) => [s.name, s.state])).toEqual([
      ['record_tombstones', 'committed'],
      ['merge_current', 'committed'],
      ['record_run', 'committed'],
    ]);
    expect(report.notDone).toEqual([expect.stringContaining('first load reads the whole change log')]);
    const rows = await readParquet(localCurrentFiles(lake).parquet);
    expect(rows.map((r) => [r.order_id, r.status, r.total, r.cdc_event_time])).toEqual([
      ['o-1', 'shipped', '43.98', '2026-12-06T10:00:02.000Z'],
      ['o-3', 'placed', '21.99', '2026-12-06T10:00:01.000Z'],
    ]);
    expect(rows[0]?.line_items).toEqual([
      {
        sku: 'EL-1005',
        product_name: 'Smartwatch',
        category: 'electronics',
        quantity: 2,
        unit_price: '19.99',
        line_total: '39.98',
      },
    ]);
    expect(Object.keys(rows[0] ?? {})).toContain('cdc_sort_key');
    expect(Object.keys(rows[0] ?? {})).not.toContain('cdc_operation');
  });

  test('running again changes nothing: same rows, same export bytes, the run recorded once per id', async () => {
    const lake = threeOrderLake();
    await run(lake);
    const files = localCurrentFiles(lake);
    const before = readFileSync(files.parquet);

    const again = await run(lake);
    const rebuilt = await run(lake, { mode: 'rebuild', runId: 'run-2' });

    expect(again.rows).toEqual({ inserted: 0, updated: 0, deleted: 0 });
    expect(again.window).toEqual({ year: '2026', month: '12', day: '06', hour: '10' });
    expect(again.tombstones).toEqual({ recorded: 0, expired: 0 });
    expect(rebuilt.rows).toEqual({ inserted: 0, updated: 0, deleted: 0 });
    expect(rebuilt.statements.map((s) => s.name)).toEqual([
      'record_tombstones',
      'merge_current',
      'delete_orphans',
      'record_run',
    ]);
    expect(readFileSync(files.parquet).equals(before)).toBe(true);
    const log = await duckDbRows('SELECT run_id FROM "db"."orders_current_merges" ORDER BY run_id', {
      db: files.database,
    });
    expect(log).toEqual([{ run_id: 'run-1' }, { run_id: 'run-2' }]);
  });

  test('an incremental merge reads from the hour of the last read-until minus the lateness', async () => {
    const lake = threeOrderLake();
    await run(lake, { readUntil: '2026-12-06T12:30:00.000Z' });
    writeChangeObjects(lake, 'delivery-2', [
      streamChangeLine({
        operation: 'remove',
        orderId: 'o-3',
        version: placed,
        eventTimeMicros: T0 + 9000 * SECOND,
        sequence: 6,
      }),
    ]);

    const report = await run(lake, { runId: 'run-2', readUntil: '2026-12-06T13:00:00.000Z' });

    expect(report).toMatchObject({
      window: { year: '2026', month: '12', day: '06', hour: '10' },
      wholeLog: null,
      rows: { inserted: 0, updated: 0, deleted: 1 },
      currentRows: 1,
    });
    expect(report.statements.map((s) => s.name)).toContain('expire_tombstones');
  });

  test('a snapshot stamped by a clock ahead of DynamoDB never brings back an order removed after it was read', async () => {
    // o-1 is read by a Scan at 11:58:50 (DynamoDB's clock) on a host 200 s ahead: stamped 12:02:10, fenced 300 s
    // before, at 11:57:10. It is removed at 11:59:00. Later windows start at 12:00 and hold the snapshot, not the remove.
    const lake = newLake('merge-skew-');
    const at = (hh: number, mm: number, ss = 0) => Date.UTC(2026, 11, 6, hh, mm, ss) * 1000;
    const merge = (runId: string, readUntil: string) => run(lake, { runId, readUntil, latenessSeconds: 3600 });
    writeChangeObjects(lake, 'd1', [
      streamChangeLine({
        operation: 'insert',
        orderId: 'o-1',
        version: placed,
        eventTimeMicros: at(10, 0),
        sequence: 1,
      }),
    ]);
    await merge('m1', '2026-12-06T11:00:00.000Z');
    writeChangeObjects(lake, 'd2', [
      streamChangeLine({
        operation: 'remove',
        orderId: 'o-1',
        version: placed,
        eventTimeMicros: at(11, 59),
        sequence: 2,
      }),
    ]);
    await merge('m2', '2026-12-06T12:00:00.000Z');
    await merge('m3', '2026-12-06T13:00:00.000Z');
    writeChangeObjects(lake, 'd3', [snapshotChangeLine('o-1', placed, at(12, 2, 10), at(11, 57, 10))]);

    const reads = [await merge('m4', '2026-12-06T13:01:30.000Z'), await merge('m5', '2026-12-06T13:05:00.000Z')];

    expect(reads.map((report) => report.window?.hour)).toEqual(['12', '12']);
    expect(reads.map((report) => report.currentRows)).toEqual([0, 0]);
    expect(await readParquet(localCurrentFiles(lake).parquet)).toEqual([]);
  });

  test('an empty lake is an empty change log: a first merge with nothing to merge', async () => {
    const lake = newLake('merge-empty-');

    const report = await run(lake);

    expect(report).toMatchObject({ changeRowsRead: 0, currentRows: 0, rows: { inserted: 0, updated: 0, deleted: 0 } });
    expect(await readParquet(localCurrentFiles(lake).parquet)).toEqual([]);
  });

  test('a statement that fails rolls the whole run back, and the next run finishes it', async () => {
    const lake = threeOrderLake();
    await run(lake);
    const bad = join(lake, 'sales/year=2026/month=12/day=06/hour=11');
    writeChangeObjects(lake, 'delivery-2', [
      streamChangeLine({
        operation: 'modify',
        orderId: 'o-3',
        version: shipped,
        eventTimeMicros: T0 + 3700 * SECOND,
        sequence: 6,
      }),
    ]);
    writeFileSync(join(bad, 'torn.json.gz'), gzipSync('{"order_id": "o-9", "tot'));

    const failed = await run(lake, { runId: 'run-2' }).catch((error: unknown) => error);

    expect(failed).toBeInstanceOf(MergeRunError);
    const report = (failed as MergeRunError).report;
    expect(report.statements.every((s) => s.state !== 'committed')).toBe(true);
    expect(report.notDone).toEqual(['nothing was committed: the transaction was rolled back']);
    expect((await readParquet(localCurrentFiles(lake).parquet)).map((r) => r.status)).toEqual(['shipped', 'placed']);
    rmSync(join(bad, 'torn.json.gz'));
    const finished = await run(lake, { runId: 'run-2' });
    expect(finished.rows).toEqual({ inserted: 0, updated: 1, deleted: 0 });
  });

  test('an interrupted run rolls back and says where it stopped; nothing it ran is committed', async () => {
    const lake = threeOrderLake();
    const controller = new AbortController();

    const running = run(lake, { signal: controller.signal });
    controller.abort('SIGINT');
    const failed = await running.catch((error: unknown) => error);

    expect(failed).toBeInstanceOf(MergeRunError);
    expect((failed as Error).message).toBe(
      'record_tombstones was interrupted; nothing was committed (a local run is one transaction): run the merge again',
    );
    expect((failed as MergeRunError).report.statements.map((s) => s.state)).toEqual(['not-run', 'not-run', 'not-run']);
    const tables = await duckDbRows(
      'SELECT (SELECT count(*) FROM "db"."orders_current") AS "current", (SELECT count(*) FROM "db"."orders_current_merges") AS "runs"',
      { db: localCurrentFiles(lake).database },
    );
    expect(tables).toEqual([{ current: '0', runs: '0' }]);
    expect((await run(lake)).rows).toEqual({ inserted: 2, updated: 0, deleted: 0 });
  });

  test('a second process is refused while one holds the database, and nothing is changed', async () => {
    const lake = threeOrderLake();
    await run(lake);
    const database = localCurrentFiles(lake).database;
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `require('@duckdb/node-api').DuckDBInstance.create(${JSON.stringify(database)}).then(() => { console.log('held'); setTimeout(() => {}, 60000); });`,
      ],
      { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));

      await expect(run(lake, { runId: 'run-2' })).rejects.toThrow(/another process holds .*current-state\.duckdb/);
    } finally {
      holder.kill();
    }
  });
});
