/**
 * The reconcile bench: throughput at 100k items vs a plain parallel Scan of the same table in the same run (goal
 * >= 0.5x), and peak RSS at 10k vs 100k items, each reconcile in its own process (must not grow with the table).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newSummary } from '../src/backfill/backfill-report.js';
import { scanBackfill } from '../src/backfill/scan-backfill.js';
import { LocalLakeStore } from '../src/lake/local-lake-store.js';
import { parallelScan } from '../src/table/parallel-scan.js';
import { createOrdersTable, localClient } from '../tests/helpers/orders-table.js';
import { startDynaliteProcess } from '../tests/helpers/dynalite-process.js';

const SEGMENTS = 4;

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * Runs the reconcile figures and prints them.
 *
 * @param root - A scratch folder for the lakes.
 */
export async function benchReconcile(root: string): Promise<void> {
  const dynalite = await startDynaliteProcess(process.cwd());
  try {
    const client = localClient(dynalite.endpoint);
    const signal = new AbortController().signal;
    for (const items of [10_000, 100_000]) {
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
          signal,
          onProgress: () => undefined,
        },
        newSummary(table, 'scan', false),
      );
      const plain = await seconds(() =>
        parallelScan({ client, table, segments: SEGMENTS, signal }, async () => undefined),
      );
      let out = '';
      const ours = await seconds(async () => {
        out = execFileSync(
          process.execPath,
          ['--import', 'tsx', join(__dirname, 'reconcile-run.ts'), dynalite.endpoint, table, lake],
          { encoding: 'utf8' },
        );
      });
      const run = JSON.parse(out) as { items: number; lakeKeys: number; drift: number; maxRssBytes: number };
      console.log(
        `reconcile, ${items} items (${run.drift} drift): plain Scan ${(items / plain).toFixed(0)} items/s, reconcile ${(items / ours).toFixed(0)} items/s ` +
          `(own process, start-up included), ratio ${(plain / ours).toFixed(2)}x (goal >= 0.5x); peak RSS ${(run.maxRssBytes / 2 ** 20).toFixed(0)} MiB`,
      );
      rmSync(lake, { recursive: true, force: true });
    }
  } finally {
    await dynalite.stop();
  }
}

if (require.main === module) {
  const root = mkdtempSync(join(tmpdir(), 'bench-reconcile-'));
  void benchReconcile(root).finally(() => rmSync(root, { recursive: true, force: true }));
}
