/**
 * The reconcile bench. Throughput: reconcile of 100k items vs a plain parallel Scan of the same table, both in this
 * process, fastest of three rounds each (goal >= 0.5x); process start-up (tsx, DuckDB) is reported apart, since it
 * does not grow with the table. Memory: peak RSS of a whole reconcile at 10k, 100k and 300k items, each in its own
 * process, and the growth from the smallest to the largest (goal <= 1.2x); and the DuckDB comparison alone at 1M keys
 * (`comparison-scale.ts`).
 * `BENCH_SIZE=smoke` shrinks every size to a few hundred items.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { newSummary } from '../src/backfill/backfill-report.js';
import { scanBackfill } from '../src/backfill/scan-backfill.js';
import { LocalLakeStore } from '../src/lake/local-lake-store.js';
import { parallelScan } from '../src/table/parallel-scan.js';
import { createOrdersTable, localClient } from '../tests/support/orders-table.js';
import { DUCKDB_MEMORY_LIMIT } from '../src/reconcile/duckdb-comparison.js';
import { sized, startDynalite } from '@sales/testing';
import { bestSeconds } from './best-time.js';
import { runReconcile } from './reconcile-run.js';

const SEGMENTS = 4;
const THROUGHPUT_ITEMS = sized(100_000, 300);
/** One of them must be {@link THROUGHPUT_ITEMS}. */
const MEMORY_ITEMS = sized([10_000, 100_000, 300_000], [100, 300, 600]);
/** Keys of the comparison-only run (`comparison-scale.ts`): past what dynalite can be filled with in a bench. */
const SCALE_KEYS = sized(1_000_000, 2000);

/** A table of `items` orders and a lake backfilled from it (no drift), in dynalite. */
async function tableAndLake(
  client: DynamoDBClient,
  root: string,
  items: number,
): Promise<{ table: string; lake: string }> {
  const table = `orders${items}`;
  const lake = mkdtempSync(join(root, 'reconcile-lake-'));
  await createOrdersTable(client, table, items);
  await scanBackfill(
    {
      client,
      lake: new LocalLakeStore(lake),
      table,
      keyNames: ['order_id'],
      segments: SEGMENTS,
      fenceMarginSeconds: 300,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    },
    newSummary(table, 'scan', false),
  );
  return { table, lake };
}

/** One reconcile in its own process: its counts, its peak RSS and its wall time (start-up included). */
function reconcileProcess(
  endpoint: string,
  table: string,
  lake: string,
): { drift: number; maxRssBytes: number; seconds: number } {
  const start = process.hrtime.bigint();
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'reconcile-run.ts'), endpoint, table, lake],
    {
      encoding: 'utf8',
    },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { ...(JSON.parse(out) as { drift: number; maxRssBytes: number }), seconds };
}

/**
 * Runs the reconcile figures and prints them.
 *
 * @param root - A scratch folder for the lakes.
 */
export async function benchReconcile(root: string): Promise<void> {
  const dynalite = await startDynalite();
  try {
    const client = localClient(dynalite.endpoint);
    const signal = new AbortController().signal;
    const peaks: number[] = [];
    for (const items of MEMORY_ITEMS) {
      const { table, lake } = await tableAndLake(client, root, items);
      if (items === THROUGHPUT_ITEMS) {
        const plain = await bestSeconds(() =>
          parallelScan({ client, table, segments: SEGMENTS, signal }, async () => undefined),
        );
        let drift = 0;
        const ours = await bestSeconds(async () => {
          drift = (await runReconcile(dynalite.endpoint, table, lake)).drift.length;
        });
        console.log(
          `reconcile, ${items} items (${drift} drift), in this process: plain Scan ${(items / plain).toFixed(0)} items/s, ` +
            `reconcile ${(items / ours).toFixed(0)} items/s, ratio ${(plain / ours).toFixed(2)}x (goal >= 0.5x)`,
        );
      }
      const run = reconcileProcess(dynalite.endpoint, table, lake);
      console.log(
        `reconcile, ${items} items (${run.drift} drift), own process: peak RSS ${(run.maxRssBytes / 2 ** 20).toFixed(0)} MiB, ` +
          `${run.seconds.toFixed(1)} s including start-up`,
      );
      peaks.push(run.maxRssBytes);
      rmSync(lake, { recursive: true, force: true });
    }
    console.log(
      `reconcile peak RSS growth, ${MEMORY_ITEMS[0]} -> ${MEMORY_ITEMS.at(-1)} items: ` +
        `${((peaks.at(-1) ?? 0) / (peaks[0] ?? 1)).toFixed(2)}x (goal <= 1.2x)`,
    );
  } finally {
    await dynalite.stop();
  }
  const comparison = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'comparison-scale.ts'), String(SCALE_KEYS)], {
      encoding: 'utf8',
    }),
  ) as { keys: number; drift: number; seconds: number };
  console.log(
    `reconcile's DuckDB comparison alone at ${comparison.keys} keys (${comparison.drift} drift), own process: ` +
      `completed in ${comparison.seconds.toFixed(1)} s within DuckDB's ${DUCKDB_MEMORY_LIMIT} limit (it spills beyond)`,
  );
}

if (require.main === module) {
  const root = mkdtempSync(join(tmpdir(), 'bench-reconcile-'));
  void benchReconcile(root).finally(() => rmSync(root, { recursive: true, force: true }));
}
