/**
 * The current-state bench (issue 19), all figures from one run, at 1M change rows over 100k orders
 * (`BENCH_SIZE=smoke`: 5k over 500):
 * Each query materializes its whole answer (`CREATE TEMP TABLE … AS`).
 * (a) `current_orders` over `orders_current`'s Parquet export vs `current_orders_from_log` over the JSON lake, each in
 *     a fresh in-memory DuckDB, fastest of a few rounds: time and bytes read (goal: at least 10x less of each);
 * (b) one incremental merge of a 5-minute window of new changes vs `COPY`ing that window to Parquet (goal: within 3x).
 * Run alone: `tsx bench/merge-bench.ts`; it prints one JSON line.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readNamedQueries } from '@sales/pipeline-spec';
import { sized } from '@sales/testing';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataGlobOf } from '../src/merge/merge-transaction.js';
import { changeLogViewSql } from '../src/merge/local-merge-sql.js';
import { localCurrentFiles } from '../src/merge/local-current-files.js';
import { mergeLocalLake } from '../src/merge/merge-local-lake.js';
import { bestSeconds } from './best-time.js';
import { history, traffic, writeObjects } from './change-lake.js';

const ROWS = sized(1_000_000, 5_000);
const ORDERS = ROWS / 10;
/** The history spreads over twelve hours of event time, so the lake has twelve hour partitions. */
const SPAN_SECONDS = 12 * 3600;
const WINDOW_SECONDS = 300;
/** The merge's smallest lateness setting, so the window reads no partition it does not need. */
const LATENESS_SECONDS = 300;
const START_MICROS = Date.parse('2026-12-06T00:00:00Z') * 1000;
/** The default traffic implied by the history, at least 300 rows. */
const WINDOW_ROWS = Math.max(300, Math.ceil((ROWS * WINDOW_SECONDS) / SPAN_SECONDS));

const iso = (micros: number): string => new Date(micros / 1000).toISOString();
const sqlText = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const bytesOf = (paths: readonly string[]): number => paths.reduce((sum, path) => sum + statSync(path).size, 0);

/** Runs `statements` in a fresh in-memory DuckDB, so no round reuses another's cache. */
async function freshRun(...statements: string[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const statement of statements) await connection.run(statement);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The figures of (a): both queries over the same lake. */
async function benchQueries(lake: string, lakeBytes: number) {
  const queries = new Map(readNamedQueries().map((query) => [query.name, query.sql]));
  const named = (name: string): string => {
    const sql = queries.get(name);
    if (sql === undefined) throw new Error(`no named query ${name}`);
    return sql;
  };
  const parquet = localCurrentFiles(lake).parquet;
  const glob = await dataGlobOf(lake);
  const current = await bestSeconds(() =>
    freshRun(
      `CREATE VIEW orders_current AS SELECT * FROM read_parquet(${sqlText(parquet)})`,
      `CREATE TEMP TABLE answer AS ${named('current_orders')}`,
    ),
  );
  const log = await bestSeconds(() =>
    freshRun(changeLogViewSql(glob), `CREATE TEMP TABLE answer AS ${named('current_orders_from_log')}`),
  );
  const parquetBytes = statSync(parquet).size;
  return {
    currentSeconds: current,
    logSeconds: log,
    timeRatio: log / current,
    parquetBytes,
    lakeBytes,
    bytesRatio: lakeBytes / parquetBytes,
  };
}

/** The figures of (b): one incremental merge of the window vs a COPY of it. */
async function benchWindow(lake: string, root: string) {
  const windowStart = START_MICROS + (SPAN_SECONDS + WINDOW_SECONDS) * 1e6;
  const objects = writeObjects(lake, 'window', traffic(WINDOW_ROWS, ORDERS, windowStart, WINDOW_SECONDS, ROWS + 1));
  const started = process.hrtime.bigint();
  const report = await mergeLocalLake({
    lake,
    mode: 'incremental',
    runId: 'bench-window',
    readUntil: iso(windowStart + WINDOW_SECONDS * 1e6),
    latenessSeconds: LATENESS_SECONDS,
  });
  const merge = seconds(started);
  const list = objects.map(sqlText).join(', ');
  const copy = await bestSeconds(() =>
    freshRun(
      `COPY (SELECT * FROM read_json([${list}], format = 'newline_delimited', compression = 'gzip')) TO ${sqlText(join(root, 'window.parquet'))} (FORMAT parquet)`,
    ),
  );
  return {
    windowRows: WINDOW_ROWS,
    windowObjects: objects.length,
    changeRowsRead: report.changeRowsRead,
    rows: report.rows,
    mergeSeconds: merge,
    copySeconds: copy,
    mergeToCopy: merge / copy,
  };
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-merge-'));
  try {
    const lake = join(root, 'lake');
    let started = process.hrtime.bigint();
    const written = writeObjects(lake, 'history', history(ROWS, ORDERS, START_MICROS, SPAN_SECONDS));
    const writeSeconds = seconds(started);
    started = process.hrtime.bigint();
    const rebuild = await mergeLocalLake({
      lake,
      mode: 'rebuild',
      runId: 'bench-rebuild',
      readUntil: iso(START_MICROS + (SPAN_SECONDS + WINDOW_SECONDS) * 1e6),
      latenessSeconds: LATENESS_SECONDS,
    });
    const rebuildSeconds = seconds(started);
    const queries = await benchQueries(lake, bytesOf(written));
    const window = await benchWindow(lake, root);
    const figures = {
      changeRows: ROWS,
      orders: ORDERS,
      objects: written.length,
      writeSeconds,
      rebuildSeconds,
      currentRows: rebuild.currentRows,
      query: { ...queries, goal: 'timeRatio and bytesRatio >= 10' },
      merge: { ...window, goal: 'mergeToCopy <= 3' },
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
