/**
 * Drift planted right after `npm run local` (one value changed, one item deleted, one item added behind the
 * pipeline's back), then `sales-lake reconcile` as an operator runs it: every planted key is accounted for, with any
 * margin; with the default flags on a local lake (margin 0: one clock) all three are found, and `--repair` makes the
 * lake equal to the table. Then --against current: a row changed in orders_current alone is found there, not in the log.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DuckDBInstance } from '@duckdb/node-api';
import { createClient } from '@sales/generator';
import { localCurrentFiles } from '@sales/lake-ops';
import { loadConfig, QUERIES_DIR } from '@sales/pipeline-spec';
import { scanTable } from '../../src/dynamodb/database';
import { startDynalite, type LocalDynamoServer } from '../../src/dynamodb/dynalite-server';
import { compareCurrentState } from '../../src/run/lake-check';
import { crawlLake, LOG_STATE_QUERY, runNamedQueries } from '../../src/run/lake-stage';
import { toLocalSettings } from '../../src/run/pipeline-settings';
import { REPO_ROOT, runLocal } from '../cli/spawn-local';

/** The real `sales-lake` bin, found through its package, as `npm run reconcile` starts it. */
const SALES_LAKE = join(dirname(require.resolve('@sales/lake-ops/package.json')), 'bin', 'sales-lake.cjs');
const SETTINGS = toLocalSettings(loadConfig('dev', {}), '2025-01-15T00:00:00.000');

/** What `reconcile --json` prints, in the parts this test reads. */
interface Report {
  against: 'log' | 'current';
  table_items: number;
  lake_keys: number;
  fence_margin: { seconds: number; reason: string };
  drift: { order_id: string; kind: string; columns: string[] }[];
  not_judged: { order_id: string; kind: string; reason: string; judge_after: string }[];
  settled: string[];
  repair: { key: string; rows: number } | null;
}

/** A new user's environment: no AWS settings at all (the bin supplies placeholders for a local endpoint). */
function withoutAws(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
}

function reconcile(args: readonly string[]): Promise<{ code: number | null; report: Report; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SALES_LAKE, 'reconcile', ...args, '--json'], {
      cwd: REPO_ROOT,
      env: withoutAws(),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, report: JSON.parse(stdout || '{}') as Report, stderr }));
  });
}

let home: string;
let dynalite: LocalDynamoServer;
beforeAll(async () => (dynalite = await startDynalite()));
afterAll(() => dynalite.stop());
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'sales-local-reconcile-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

test('every planted key is reported or not judged; with the default flags all are found and repaired', async () => {
  // Arrange: a complete local run that leaves its table, then three changes the pipeline never sees.
  const out = join(home, 'lake');
  const run = await runLocal(['--orders', '80', '--out', out, '--endpoint', dynalite.endpoint, '--quiet']);
  expect(run.code).toBe(0);
  const table = (JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { table: { table_name: string } }).table
    .table_name;
  const client = createClient({ endpoint: dynalite.endpoint, region: SETTINGS.region });
  const keys = (await scanTable(client, table)).map((item) => String(item.order_id?.S)).sort();
  const [changed, deleted] = [keys[0] as string, keys[1] as string];
  await client.send(
    new UpdateItemCommand({
      TableName: table,
      Key: { order_id: { S: changed } },
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': { S: 'disputed' } },
    }),
  );
  await client.send(new DeleteItemCommand({ TableName: table, Key: { order_id: { S: deleted } } }));
  await client.send(
    new PutItemCommand({ TableName: table, Item: { order_id: { S: 'ord-planted' }, status: { S: 'placed' } } }),
  );
  const planted = [changed, deleted, 'ord-planted'].sort();
  const connection = ['--table', table, '--endpoint', dynalite.endpoint, '--lake', out];

  // Act: the margin an AWS lake needs (300 s), then the default flags.
  const wide = await reconcile([...connection, '--fence-margin-seconds', '300']);
  const byDefault = await reconcile(connection);

  // Assert: with 300 s every planted key is listed (drift or not judged), and the counts are accounted for.
  const listed = (report: Report): string[] =>
    [...report.drift, ...report.not_judged].map((entry) => entry.order_id).sort();
  expect(listed(wide.report)).toEqual(planted);
  expect(Math.abs(wide.report.table_items - wide.report.lake_keys)).toBeLessThanOrEqual(
    wide.report.drift.length + wide.report.not_judged.length + wide.report.settled.length,
  );
  expect(wide.report.fence_margin).toEqual({ seconds: 300, reason: 'set with --fence-margin-seconds' });
  expect(wide.report.drift).toEqual([{ order_id: 'ord-planted', kind: 'missing_in_lake', columns: [] }]);
  expect(wide.report.not_judged.map((entry) => [entry.order_id, entry.kind, entry.reason])).toEqual(
    [
      [changed, 'value_mismatch', 'changed_within_margin'],
      [deleted, 'extra_in_lake', 'changed_within_margin'],
    ].sort(),
  );
  expect(wide.code).toBe(1);

  // Assert: the default on a lake npm run local stamped on this host is 0 s, and judges all three.
  expect(byDefault.report.fence_margin.seconds).toBe(0);
  expect(byDefault.report.fence_margin.reason).toMatch(/^one clock: /);
  expect(byDefault.report.drift).toEqual(
    [
      { order_id: changed, kind: 'value_mismatch', columns: ['status'] },
      { order_id: deleted, kind: 'extra_in_lake', columns: [] },
      { order_id: 'ord-planted', kind: 'missing_in_lake', columns: [] },
    ].sort((a, b) => (a.order_id < b.order_id ? -1 : 1)),
  );
  expect(byDefault.report.not_judged).toEqual([]);
  expect(byDefault.code).toBe(1);

  // Act: repair, then judge again.
  const repaired = await reconcile([...connection, '--repair']);
  const after = await reconcile(connection);

  // Assert: the lake equals the table, by reconcile and by the local run's own final check.
  expect(repaired.code).toBe(0);
  expect(repaired.report.repair?.rows).toBe(3);
  expect(after.code).toBe(0);
  expect(after.report).toMatchObject({ drift: [], not_judged: [] });
  expect(after.stderr).toMatch(/: no drift\n/);
  const crawl = await crawlLake(out, SETTINGS);
  const queries = await runNamedQueries(out, SETTINGS, crawl.catalog.table, QUERIES_DIR);
  const current = queries.find((outcome) => outcome.query.name === LOG_STATE_QUERY)?.result?.rows ?? [];
  expect(compareCurrentState(current, await scanTable(client, table))).toMatchObject({
    missing_in_lake: 0,
    extra_in_lake: 0,
    value_mismatch: 0,
    sample: [],
  });
  client.destroy();
}, 180_000);

test('reconcile --against current finds a row changed in orders_current alone, and nothing otherwise', async () => {
  // Arrange: a complete local run that leaves its table; orders_current as the run's merges left it.
  const out = join(home, 'lake');
  const run = await runLocal(['--orders', '60', '--out', out, '--endpoint', dynalite.endpoint, '--quiet']);
  expect(run.code).toBe(0);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
    table: { table_name: string };
    table_items: number;
  };
  const connection = ['--table', summary.table.table_name, '--endpoint', dynalite.endpoint, '--lake', out];

  // Act: against orders_current as merged, then with one row changed in the merge's database behind its back.
  const clean = await reconcile([...connection, '--against', 'current']);
  const database = await DuckDBInstance.create(localCurrentFiles(out).database);
  const db = await database.connect();
  const [row] = (await db.runAndReadAll('SELECT order_id FROM orders_current ORDER BY order_id LIMIT 1')).getRows();
  const planted = String(row?.[0]);
  await db.run(`UPDATE orders_current SET total = total + 0.01 WHERE order_id = '${planted}'`);
  db.closeSync();
  database.closeSync();
  const drifted = await reconcile([...connection, '--against', 'current']);
  const log = await reconcile(connection);

  // Assert: clean, then exactly the planted key and column; the change log, untouched, has no drift.
  expect(clean.code).toBe(0);
  expect(clean.report).toMatchObject({ against: 'current', drift: [], not_judged: [], lake_keys: summary.table_items });
  expect(clean.stderr).toMatch(/judged against: orders_current, the merged current state: last merged up to /);
  expect(drifted.code).toBe(1);
  expect(drifted.report.drift).toEqual([{ order_id: planted, kind: 'value_mismatch', columns: ['total'] }]);
  expect(log.code).toBe(0);
  expect(log.report).toMatchObject({ against: 'log', drift: [] });
}, 180_000);
