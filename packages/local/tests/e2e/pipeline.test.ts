import { handler } from '@sales/transform';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@sales/pipeline-spec';
import { createClient } from '@sales/generator';
import { scanTable } from '../../src/dynamodb/database';
import { startDynalite, type LocalDynamoServer } from '../../src/dynamodb/dynalite-server';
import { listLakeKeys, readLake } from '../../src/glue/lake-reader';
import { runLocalPipeline, type PipelineRun } from '../../src/run/pipeline';

/**
 * Event times start 4 h before midnight and advance 5 min per written item, so changes span two days and
 * many hours. The clock ticks once per item a write request names (and a few times per run besides),
 * so the step is large enough that the run covers more than 5 hours.
 */
const START_MS = Date.UTC(2025, 0, 15, 20, 0, 0);
const STEP_MS = 300_000;

type Item = Record<string, any>;
const cents = (value: unknown): number => Math.round(Number(value) * 100);
const rowsOf = (run: PipelineRun, name: string) =>
  run.queries.find((outcome) => outcome.query.name === name)!.result!.rows;

let out: string;
let run: PipelineRun;
let items: Item[];
let dynalite: LocalDynamoServer;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'sales-local-e2e-'));
  dynalite = await startDynalite();
  let now = START_MS;
  const config = loadConfig('dev', {});
  const result = await runLocalPipeline(
    {
      orders: 250,
      existing: 0,
      duplicates: 0.2,
      injectFailures: 0,
      out,
      seed: 'e2e',
      quiet: true,
      endpoint: dynalite.endpoint,
    },
    { handler, config, clock: () => (now += STEP_MS) },
  );
  if (result.kind !== 'completed') throw new Error(`the run stopped: ${result.summary.problems.join('; ')}`);
  run = result;
  // The table the run left at the endpoint, as the run's own scan read it.
  const client = createClient({ endpoint: dynalite.endpoint, region: config.region });
  try {
    const scanned = await scanTable(client, result.summary.table?.table_name ?? '');
    items = scanned.map((item) => unmarshall(item, { wrapNumbers: (text) => text }) as Item);
  } finally {
    client.destroy();
  }
}, 120_000);
afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  await dynalite.stop();
});

describe('npm run local, end to end', () => {
  test('accounts for every captured change: captured = delivered + failed', () => {
    const { summary } = run;
    expect(summary.changes_captured).toBeGreaterThan(250);
    expect(summary.records_delivered + summary.records_failed).toBe(summary.changes_captured);
    expect(summary.problems).toEqual([]);
  });

  test('writes every delivered change once, plus one extra row per re-delivered copy', () => {
    const rows = readLake(out, 'sales/').flatMap((file) => file.rows);
    expect(run.summary.records_redelivered).toBeGreaterThan(0);
    expect(rows).toHaveLength(run.summary.records_delivered + run.summary.records_redelivered);
    expect(new Set(rows.map((row) => row['cdc_event_id'])).size).toBe(run.summary.changes_captured);
  });

  test('puts every row in the partition folder of its event time', () => {
    const files = readLake(out, 'sales/');
    expect(new Set(files.map((file) => `${file.partitions['day']}/${file.partitions['hour']}`)).size).toBeGreaterThan(
      5,
    );
    for (const file of files) {
      expect(file.key).toMatch(
        /^sales\/year=\d{4}\/month=\d\d\/day=\d\d\/hour=\d\d\/sales-dev-lake-1-[\d-]{19}-[0-9a-f-]{36}\.json\.gz$/,
      );
      for (const row of file.rows) {
        const time = String(row['cdc_event_time']);
        const { year, month, day, hour } = file.partitions;
        expect(`${year}-${month}-${day}T${hour}`).toBe(time.slice(0, 13));
      }
    }
  });

  test('writes no error records for valid traffic', () => {
    expect(run.summary.records_failed).toBe(0);
    expect(listLakeKeys(out, 'errors/')).toEqual([]);
  });

  test('rebuilds exactly the items left in the table, with the same values', () => {
    const current = rowsOf(run, 'current_orders');
    expect(current).toHaveLength(items.length);
    expect(run.summary.current_state_rows).toBe(run.summary.table_items);
    const byId = new Map(current.map((row) => [row['order_id'], row]));
    for (const item of items) {
      const row = byId.get(item['order_id'])!;
      expect(row).toBeDefined();
      expect({
        status: row['status'],
        customer: [row['customer_id'], row['customer_name'], row['customer_city'], row['customer_country']],
        region: row['region'],
        channel: row['channel'],
        currency: row['currency'],
        item_count: Number(row['item_count']),
        total: cents(row['total']),
        created_at: row['created_at'],
        updated_at: row['updated_at'],
      }).toEqual({
        status: item['status'],
        customer: [item['customer'].id, item['customer'].name, item['customer'].city, item['customer'].country],
        region: item['region'],
        channel: item['channel'],
        currency: item['currency'],
        item_count: Number(item['item_count']),
        total: cents(item['total']),
        created_at: item['created_at'],
        updated_at: item['updated_at'],
      });
    }
  });

  test('merges after each of three slices, over a log that moves, and orders_current equals the table', () => {
    const { merges } = run.summary;
    expect(merges.map((merge) => merge.slice)).toEqual([1, 2, 3]);
    expect(merges.reduce((sum, merge) => sum + merge.records, 0)).toBe(run.summary.changes_captured);
    // The first merge reads the whole log; the later ones a window from the previous read minus the lateness.
    expect(merges[0]).toMatchObject({ window_start: null, updated: 0, deleted: 0 });
    expect(merges.slice(1).every((merge) => merge.window_start !== null)).toBe(true);
    // Each merge during the traffic saw a log that had grown since the one before, and changed rows.
    for (const [index, merge] of merges.entries()) {
      expect(merge.inserted + merge.updated + merge.deleted).toBeGreaterThan(0);
      expect(merge.read_until >= (merges[index - 1]?.read_until ?? '')).toBe(true);
    }
    expect(merges.at(-1)?.current_rows).toBe(items.length);
    expect(run.summary.current_vs_table).toEqual({
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

  test('computes the same revenue from the lake as from the table', () => {
    const expected = new Map<string, number>();
    for (const item of items.filter((i) => i['status'] !== 'cancelled')) {
      const key = `${String(item['created_at']).slice(0, 10)}|${item['region']}|${item['currency']}`;
      expected.set(key, (expected.get(key) ?? 0) + cents(item['total']));
    }
    const actual = new Map(
      rowsOf(run, 'revenue_by_day_and_region').map((row) => [
        `${row['order_day']}|${row['region']}|${row['currency']}`,
        cents(row['revenue']),
      ]),
    );
    expect(actual).toEqual(expected);
  });

  test('counts the same units and revenue per product as the table', () => {
    const units = new Map<string, [number, number]>();
    for (const item of items.filter((i) => i['status'] !== 'cancelled')) {
      for (const line of item['line_items'] as Item[]) {
        const key = `${line['sku']}|${item['currency']}`;
        const [u, r] = units.get(key) ?? [0, 0];
        units.set(key, [u + Number(line['quantity']), r + cents(line['line_total'])]);
      }
    }
    const top = rowsOf(run, 'top_products');
    expect(top.length).toBeGreaterThan(0);
    for (const row of top)
      expect([Number(row['units']), cents(row['revenue'])]).toEqual(units.get(`${row['sku']}|${row['currency']}`));
  });

  test('infers the crawler schema with nested types and string partitions', () => {
    const types = Object.fromEntries(run.crawl.crawled.columns.map((column) => [column.name, column.type.kind]));
    expect(types).toMatchObject({
      order_id: 'string',
      total: 'double',
      line_items: 'array',
      cdc_ttl_expired: 'boolean',
    });
    expect(run.crawl.crawled.partitionKeys).toEqual(['year', 'month', 'day', 'hour']);
  });

  test('writes only columns the catalog declares, in types it can read', () => {
    expect(run.crawl.catalog.newColumns).toEqual([]);
    expect(run.crawl.catalog.conflicts).toEqual([]);
    expect(run.summary).toMatchObject({ new_columns: [], schema_conflicts: [] });
  });
});

describe('npm run local, when a query cannot run', () => {
  test('reports the query as a problem and still writes the summary', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sales-local-queries-'));
    const queries = join(folder, 'queries');
    try {
      mkdirSync(queries);
      writeFileSync(
        join(queries, 'broken.sql'),
        '-- Refers to a column the lake does not have.\nSELECT no_such_column FROM order_changes',
      );
      const lake = join(folder, 'lake');
      const broken = await runLocalPipeline(
        { orders: 10, existing: 0, duplicates: 0, injectFailures: 0, out: lake, seed: 'broken', quiet: true },
        { handler, config: loadConfig('dev', {}), queriesDir: queries },
      );
      if (broken.kind !== 'completed') throw new Error('the run stopped early');
      expect(broken.summary.problems).toEqual([expect.stringMatching(/^query broken failed: .*no_such_column/)]);
      expect(broken.summary.lake_vs_table).toBeNull();
      expect(broken.summary.current_state_rows).toBe(broken.summary.table_items);
      expect(JSON.parse(readFileSync(join(lake, 'summary.json'), 'utf8')).problems).toEqual(broken.summary.problems);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
