import { handler } from '@sales/transform';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@sales/pipeline-spec';
import { readLake } from '../../src/glue/lake-reader';
import { runLocalPipeline, type PipelineRun } from '../../src/run/pipeline';

/** Few enough orders for a quick run, enough that the live traffic's deletes reach existing orders after their snapshot. */
const EXISTING = 150;
const LIVE = 100;

type Row = Record<string, unknown>;

let out: string;
let run: PipelineRun;
let rows: Row[];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'sales-local-existing-'));
  // The real clock: the Scan's page times and the stream's event times come from the same one, as in a CLI run.
  const result = await runLocalPipeline(
    { orders: LIVE, existing: EXISTING, duplicates: 0.1, injectFailures: 0, out, seed: 'existing', quiet: true },
    { handler, config: loadConfig('dev', {}) },
  );
  if (result.kind !== 'completed') throw new Error(`the run stopped: ${result.summary.problems.join('; ')}`);
  run = result;
  rows = readLake(out, 'sales/').flatMap((file) => file.rows);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Rows per order, in `cdc_sort_key` order (the order the current-state query ranks by). */
function rowsByOrder(): Map<string, Row[]> {
  const byOrder = new Map<string, Row[]>();
  for (const row of rows) byOrder.set(String(row['order_id']), [...(byOrder.get(String(row['order_id'])) ?? []), row]);
  for (const list of byOrder.values())
    list.sort((a, b) => String(a['cdc_sort_key']).localeCompare(String(b['cdc_sort_key'])));
  return byOrder;
}

/** Orders that existed before capture: the lake has rows of them but no `insert`. */
function existingOrders(): Map<string, Row[]> {
  return new Map([...rowsByOrder()].filter(([, list]) => !list.some((row) => row['cdc_operation'] === 'insert')));
}

/** The stream changes of an order that sort after its snapshot row. */
const changesAfterSnapshot = (list: Row[]): Row[] =>
  list
    .slice(list.findIndex((row) => row['cdc_operation'] === 'snapshot') + 1)
    .filter((row) => row['cdc_operation'] !== 'snapshot');

describe('npm run local -- --existing, with the scan backfill running during the live traffic', () => {
  test("writes the existing orders without capturing them, and backfills the table with sales-lake's scan", () => {
    const { existing } = run.summary;
    expect(existing).toMatchObject({ orders: EXISTING, backfill: { complete: true, failed_items: 0 } });
    expect(existing!.writes_before_capture).toBeGreaterThanOrEqual(EXISTING);
    expect(existing!.backfill.rows).toBe(existing!.backfill.items);
    expect(rows.filter((row) => row['cdc_operation'] === 'snapshot')).toHaveLength(existing!.backfill.rows);
    expect(Date.parse(existing!.backfill.fence!)).toBeLessThanOrEqual(Date.parse(existing!.backfill.snapshot_time!));
  });

  test('puts a snapshot row before every stream change made after its page started (the fence)', () => {
    for (const list of rowsByOrder().values()) {
      const snapshot = list.find((row) => row['cdc_operation'] === 'snapshot');
      if (snapshot === undefined) continue;
      const snapshotMs = Date.parse(String(snapshot['cdc_event_time']));
      for (const change of list.filter(
        (row) =>
          row['cdc_operation'] !== 'snapshot' &&
          Date.parse(String(row['cdc_event_time'])) >= Math.floor(snapshotMs / 1000) * 1000,
      )) {
        expect(String(change['cdc_sort_key']) > String(snapshot['cdc_sort_key'])).toBe(true);
      }
    }
  });

  test('lets the live traffic update and delete existing orders after the backfill read them', () => {
    const existing = [...existingOrders().values()];
    const updatedAfter = existing.filter((list) =>
      changesAfterSnapshot(list).some((row) => row['cdc_operation'] === 'modify'),
    );
    const deletedAfter = existing.filter((list) =>
      changesAfterSnapshot(list).some((row) => row['cdc_operation'] === 'remove'),
    );
    const deletedBefore = existing.filter(
      (list) =>
        list.every((row) => row['cdc_operation'] !== 'snapshot') &&
        list.some((row) => row['cdc_operation'] === 'remove'),
    );

    expect(updatedAfter.length).toBeGreaterThan(0);
    expect(deletedAfter.length).toBeGreaterThan(0);
    expect(deletedBefore.length).toBeGreaterThan(0);
    const current = new Set(
      run.queries
        .find((outcome) => outcome.query.name === 'current_orders')!
        .result!.rows.map((row) => row['order_id']),
    );
    for (const list of deletedAfter) expect(current.has(list[0]!['order_id'])).toBe(false);
  });

  test('ends with the current state equal to the table, item by item and value by value', () => {
    const equal = { missing_in_lake: 0, extra_in_lake: 0, value_mismatch: 0, sample: [] };
    expect(run.summary.lake_vs_table).toMatchObject(equal);
    expect(run.summary.current_vs_table).toMatchObject(equal); // the snapshot rows merged into orders_current too
    expect(run.summary.current_state_rows).toBe(run.summary.table_items);
    expect(run.summary.table_items).toBeGreaterThan(LIVE);
    expect(run.summary.status).toBe('ok');
    expect(run.summary.problems).toEqual([]);
  });
});
