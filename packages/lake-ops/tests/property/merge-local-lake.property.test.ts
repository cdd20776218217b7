/**
 * Properties of the local merge over random histories (merge-history.ts): duplicate deliveries, changes arriving out
 * of order within the lateness, removes and re-inserts of one order, a backfill snapshot, merges at random cut points,
 * some of them rebuilds. The rows are the transform's own, read from the lake by the real engine.
 */
import fc from 'fast-check';
import { readFileSync, rmSync } from 'node:fs';
import { localCurrentFiles } from '../../src/merge/local-current-files.js';
import { mergeLocalLake } from '../../src/merge/merge-local-lake.js';
import { useLakeFolders } from '../support/lake-folder.js';
import { readParquet } from '../support/duckdb-rows.js';
import { money, writeChangeObjects } from '../support/order-changes.js';
import { type Delivery, type History, histories, LATENESS_SECONDS, START_MICROS, stateAt } from './merge-history.js';

/** What a row of `orders_current` or a change line says about an order, compared as text. */
interface Seen {
  readonly order_id: string;
  readonly cdc_sort_key: string;
  readonly status: string;
  readonly total: string;
  readonly operation?: string | undefined;
}

const iso = (second: number): string => new Date(START_MICROS / 1000 + second * 1000).toISOString();

function seenInLine(line: string): Seen {
  const row = JSON.parse(line) as Record<string, unknown>;
  return {
    order_id: String(row.order_id),
    cdc_sort_key: String(row.cdc_sort_key),
    status: String(row.status),
    total: Number(row.total).toFixed(2),
    operation: String(row.cdc_operation),
  };
}

/** The current state the lake's rows say: per order, the greatest sort key; gone when that row is a remove. */
function reconstruct(lines: readonly string[]): Map<string, Seen> {
  const latest = new Map<string, Seen>();
  for (const seen of lines.map(seenInLine)) {
    const before = latest.get(seen.order_id);
    if (before === undefined || seen.cdc_sort_key > before.cdc_sort_key) latest.set(seen.order_id, seen);
  }
  const state = new Map<string, Seen>();
  for (const [id, seen] of latest) if (seen.operation !== 'remove') state.set(id, { ...seen, operation: undefined });
  return state;
}

async function currentRows(lake: string): Promise<Map<string, Seen>> {
  const rows = await readParquet(localCurrentFiles(lake).parquet);
  const ids = rows.map((row) => String(row.order_id));
  expect(new Set(ids).size).toBe(ids.length); // one row per order
  return new Map(
    rows.map((row) => [
      String(row.order_id),
      {
        order_id: String(row.order_id),
        cdc_sort_key: String(row.cdc_sort_key),
        status: String(row.status),
        total: String(row.total),
      },
    ]),
  );
}

const figures = {
  histories: 0,
  orders: 0,
  changes: 0,
  removes: 0,
  reinserts: 0,
  deliveries: 0,
  duplicates: 0,
  outOfOrder: 0,
  snapshotRows: 0,
  merges: 0,
  windowed: 0,
  rebuilds: 0,
};

const newLake = useLakeFolders();

async function checkHistory(history: History): Promise<void> {
  const lake = newLake('merge-property-');
  const pending = [...history.deliveries].sort((a, b) => a.arrival - b.arrival);
  const arrived: Delivery[] = [];
  const merges = [...history.merges, { at: history.end, rebuild: false }];
  let before = new Map<string, Seen>();
  try {
    for (const [index, merge] of merges.entries()) {
      const batch = pending.splice(0, pending.filter((d) => d.arrival <= merge.at).length);
      if (batch.length > 0)
        writeChangeObjects(
          lake,
          `delivery-${index}`,
          batch.map((d) => d.line),
        );
      arrived.push(...batch);
      const report = await mergeLocalLake({
        lake,
        mode: merge.rebuild ? 'rebuild' : 'incremental',
        runId: `run-${index}`,
        readUntil: iso(merge.at),
        latenessSeconds: LATENESS_SECONDS,
      });
      const rows = await currentRows(lake);
      const lineOf = new Map(arrived.map((d) => [`${d.source.orderId} ${seenInLine(d.line).cdc_sort_key}`, d]));
      for (const [id, row] of rows) {
        // A row is one of the order's arrived changes, never made up, and never older than the table's row was.
        const source = lineOf.get(`${id} ${row.cdc_sort_key}`);
        expect(source && { ...seenInLine(source.line), operation: undefined }).toEqual(row);
        const previous = before.get(id);
        if (previous !== undefined) expect(row.cdc_sort_key >= previous.cdc_sort_key).toBe(true);
        // No removed order comes back: its state is not older than any remove of it that was merged.
        const removes = arrived.filter((d) => d.source.orderId === id && seenInLine(d.line).operation === 'remove');
        for (const remove of removes) expect(source?.source.second).toBeGreaterThanOrEqual(remove.source.second);
      }
      // Without a snapshot, every merge leaves exactly the state the arrived rows say.
      if (!history.deliveries.some((d) => d.source.kind === 'snapshot'))
        expect(rows).toEqual(reconstruct(arrived.map((d) => d.line)));
      before = rows;
      if (report.window !== null) figures.windowed += 1;
    }
    // After the last merge: the table's state, order by order, value by value.
    const truth = new Map<string, { status: string; total: string }>();
    for (const id of new Set(history.changes.map((c) => c.orderId))) {
      const state = stateAt(history.changes, id, Number.POSITIVE_INFINITY);
      if (state !== undefined) {
        const line = state.quantity * state.unitCents;
        truth.set(id, { status: state.status, total: money(line + Math.round(line / 10)) });
      }
    }
    expect(new Map([...before].map(([id, row]) => [id, { status: row.status, total: row.total }]))).toEqual(truth);
    expect(before).toEqual(reconstruct(arrived.map((d) => d.line)));
    // Running the last merge again changes nothing, down to the bytes of the export.
    const exported = readFileSync(localCurrentFiles(lake).parquet);
    const again = await mergeLocalLake({
      lake,
      mode: 'incremental',
      runId: 'run-again',
      readUntil: iso(history.end),
      latenessSeconds: LATENESS_SECONDS,
    });
    expect(again.rows).toEqual({ inserted: 0, updated: 0, deleted: 0 });
    expect(again.tombstones?.recorded).toBe(0);
    expect(readFileSync(localCurrentFiles(lake).parquet).equals(exported)).toBe(true);
    figures.histories += 1;
    figures.orders += new Set(history.changes.map((c) => c.orderId)).size;
    figures.changes += history.changes.length;
    figures.deliveries += history.deliveries.length;
    figures.duplicates += history.deliveries.length - new Set(history.deliveries.map((d) => d.line)).size;
    figures.removes += history.changes.filter((c) => c.operation === 'remove').length;
    figures.reinserts += history.changes.filter(
      (c, i) => c.operation === 'insert' && history.changes.slice(0, i).some((p) => p.orderId === c.orderId),
    ).length;
    figures.outOfOrder += history.deliveries.filter((d) =>
      history.deliveries.some(
        (e) => e.source.orderId === d.source.orderId && e.source.second < d.source.second && e.arrival > d.arrival,
      ),
    ).length;
    figures.snapshotRows += history.deliveries.filter((d) => d.source.kind === 'snapshot').length;
    figures.merges += merges.length + 1;
    figures.rebuilds += merges.filter((m) => m.rebuild).length;
  } finally {
    rmSync(lake, { recursive: true, force: true });
  }
}

describe('the local merge, over random histories', () => {
  afterAll(() => process.stdout.write(`merge property figures: ${JSON.stringify(figures)}\n`));

  test('keeps orders_current exact at the end, never lets an older change win, never brings a removed order back, and re-runs change nothing', async () => {
    await fc.assert(fc.asyncProperty(histories, checkHistory), { numRuns: 15 });
  }, 300_000);
});
