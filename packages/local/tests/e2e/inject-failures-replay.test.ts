import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createClient } from '@sales/generator';
import { localCurrentFiles } from '@sales/lake-ops';
import { loadConfig, QUERIES_DIR, readNamedQueries } from '@sales/pipeline-spec';
import { startDynalite, type LocalDynamoServer } from '../../src/dynamodb/dynalite-server';
import { checkCurrentTable } from '../../src/run/current-check';
import { isEqual, type StateDifference } from '../../src/run/lake-check';
import { checkLogState, crawlLake, LOG_STATE_QUERY } from '../../src/run/lake-stage';
import { toLocalSettings } from '../../src/run/pipeline-settings';
import { writeTableRows } from '../../src/run/table-check';
import { REPO_ROOT, runLocal } from '../cli/spawn-local';

/** The real `sales-lake` bin, found through its package, as `npm run replay` starts it. */
const SALES_LAKE = join(dirname(require.resolve('@sales/lake-ops/package.json')), 'bin', 'sales-lake.cjs');
const SETTINGS = toLocalSettings(loadConfig('dev', {}), '2025-01-15T00:00:00.000');

let home: string;
let dynalite: LocalDynamoServer;
beforeAll(async () => (dynalite = await startDynalite()));
afterAll(() => dynalite.stop());
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'sales-local-replay-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** Runs `sales-lake <command> --lake <out> --json` (replay, merge) and parses its stdout. */
function salesLake(
  command: 'replay' | 'merge',
  out: string,
): Promise<{ code: number | null; json: Record<string, unknown>; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SALES_LAKE, command, '--lake', out, '--json'], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, json: JSON.parse(stdout) as Record<string, unknown>, stderr }));
  });
}

/** The local run's own final check, run again: the lake's current state (DuckDB) against the table at the endpoint. */
async function lakeVsTable(out: string, tableName: string): Promise<StateDifference> {
  const crawl = await crawlLake(out, SETTINGS);
  const query = readNamedQueries(QUERIES_DIR).find((named) => named.name === LOG_STATE_QUERY)!;
  return checkLogState(out, SETTINGS, crawl.catalog.table, query.sql, await tableRows(tableName));
}

/** The rows the table the run left at the endpoint makes, in a file, as the run's own checks read them. */
async function tableRows(tableName: string): Promise<string> {
  const client = createClient({ endpoint: dynalite.endpoint, region: SETTINGS.region });
  try {
    const path = join(home, 'table-rows.jsonl');
    await writeTableRows(client, tableName, path);
    return path;
  } finally {
    client.destroy();
  }
}

/** Firehose error records under `errors/processing-failed/`: one per failed delivery, re-delivered copies included. */
function errorRecords(out: string): number {
  const root = join(out, 'errors', 'processing-failed');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(root, name)).isFile())
    .reduce(
      (sum, name) =>
        sum +
        gunzipSync(readFileSync(join(root, name)))
          .toString('utf8')
          .split('\n')
          .filter(Boolean).length,
      0,
    );
}

/** Every object under `sales/` with its size: what a replay may add to. */
function dataObjects(out: string): Record<string, number> {
  const root = join(out, 'sales');
  return Object.fromEntries(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(join(root, name)).isFile())
      .map((name) => [relative(out, join(root, name)), statSync(join(root, name)).size]),
  );
}

describe('npm run local -- --inject-failures, then sales-lake replay', () => {
  test('brings the lake back to equal the table, and a second replay writes nothing new', async () => {
    const out = join(home, 'lake');
    const run = await runLocal([
      '--orders',
      '60',
      '--existing',
      '40',
      '--duplicates',
      '0.05',
      '--inject-failures',
      '0.2',
      '--out',
      out,
      '--endpoint',
      dynalite.endpoint,
      '--seed',
      'replay',
      '--quiet',
    ]);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));

    expect(run.code).toBe(1);
    expect(summary.records_failed_injected).toBeGreaterThan(0);
    expect(
      summary.lake_vs_table.missing_in_lake +
        summary.lake_vs_table.value_mismatch +
        summary.lake_vs_table.extra_in_lake,
    ).toBeGreaterThan(0);
    expect(await lakeVsTable(out, summary.table.table_name)).toEqual(summary.lake_vs_table);

    const first = await salesLake('replay', out);
    const afterFirst = dataObjects(out);
    const second = await salesLake('replay', out);

    expect(first.code).toBe(0);
    const failedDeliveries = errorRecords(out);
    expect(failedDeliveries).toBeGreaterThanOrEqual(summary.records_failed);
    expect(first.json).toMatchObject({ records: failedDeliveries, replayed: failedDeliveries, still_failing: 0 });
    expect(await lakeVsTable(out, summary.table.table_name)).toMatchObject({
      missing_in_lake: 0,
      extra_in_lake: 0,
      value_mismatch: 0,
      sample: [],
    });
    expect(second.code).toBe(0);
    expect(second.json).toMatchObject({ processed: 0, written: [] });
    expect(dataObjects(out)).toEqual(afterFirst);
  }, 180_000);

  test('--duplicates 0.2 --inject-failures 0.05, then replay, then merge: the Parquet export equals the table', async () => {
    // Arrange: a run whose failed records left orders_current short of the table.
    const out = join(home, 'lake');
    const run = await runLocal([
      '--orders',
      '150',
      '--duplicates',
      '0.2',
      '--inject-failures',
      '0.05',
      '--out',
      out,
      '--endpoint',
      dynalite.endpoint,
      '--seed',
      'merge',
      '--quiet',
    ]);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const rows = await tableRows(summary.table.table_name);
    const { parquet } = localCurrentFiles(out);

    // Act: replay the error records, then merge them into orders_current.
    const replayed = await salesLake('replay', out);
    const beforeMerge = await checkCurrentTable(parquet, rows);
    const merged = await salesLake('merge', out);
    const afterMerge = await checkCurrentTable(parquet, rows);

    // Assert: the run found orders_current short, the replay alone does not change it, the merge mends it.
    expect(run.code).toBe(1);
    expect(summary.records_failed_injected).toBeGreaterThan(0);
    expect(summary.records_redelivered).toBeGreaterThan(0);
    expect(isEqual(summary.current_vs_table)).toBe(false);
    expect(replayed.code).toBe(0);
    expect(beforeMerge?.difference).toEqual(summary.current_vs_table);
    expect(merged.code).toBe(0);
    expect(merged.json).toMatchObject({ engine: 'duckdb', mode: 'incremental', currentRows: summary.table_items });
    expect(afterMerge).toEqual({
      rows: summary.table_items,
      difference: expect.objectContaining({ missing_in_lake: 0, extra_in_lake: 0, value_mismatch: 0, sample: [] }),
    });
  }, 180_000);
});
