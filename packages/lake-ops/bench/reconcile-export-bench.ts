/**
 * The reconcile table sides against each other in the same run: one reconcile of a 50k-item table with no drift,
 * its table side read by the parallel consistent Scan, then by a verified export of the same items (verification
 * included), best of 3 each, in this process. `BENCH_SIZE=smoke` shrinks it to 200 items, one round each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { newSummary } from '../src/backfill/backfill-report.js';
import { scanBackfill } from '../src/backfill/scan-backfill.js';
import { LocalLakeStore } from '../src/lake/local-lake-store.js';
import type { ReconcileResult } from '../src/reconcile/drift.js';
import { reconcile, type ReconcileOptions } from '../src/reconcile/reconcile.js';
import { exportTableSide, scanTableSide, type WriteTableSide } from '../src/reconcile/table-side.js';
import { localExportFiles } from '../src/table/export-files.js';
import { openVerifiedExport } from '../src/table/verified-export.js';
import { writeExportFolder } from '../tests/support/export-folder.js';
import { sized, startDynalite } from '@sales/testing';
import { bestSeconds } from './best-time.js';
import { createOrdersTable, localClient, storedItems } from '../tests/support/orders-table.js';

const ITEMS = sized(50_000, 200);
const SEGMENTS = 4;
const EXPORT_FILES = 4;
const MARGIN_SECONDS = 300;

/** Times a reconcile that must find the bench table without drift (fastest of {@link bestSeconds}'s rounds). */
function best(run: () => Promise<ReconcileResult>): Promise<number> {
  return bestSeconds(async () => {
    const result = await run();
    if (!result.complete || result.drift.length > 0 || result.table_items !== ITEMS)
      throw new Error(`the bench table drifted: ${JSON.stringify(result).slice(0, 300)}`);
  });
}

/**
 * Runs the figure and prints it.
 *
 * @param root - A scratch folder.
 */
export async function benchReconcileExport(root: string): Promise<void> {
  const dynalite = await startDynalite();
  try {
    const client = localClient(dynalite.endpoint);
    const signal = new AbortController().signal;
    const table = 'orders';
    const keyNames = ['order_id'];
    await createOrdersTable(client, table, ITEMS);
    const lake = new LocalLakeStore(join(root, 'lake'));
    const scan = { client, table, keyNames, segments: SEGMENTS, fenceMarginSeconds: MARGIN_SECONDS };
    await scanBackfill({ ...scan, lake, signal, onProgress: () => undefined }, newSummary(table, 'scan', false));
    const items = (await storedItems(client, table)).map((item) => unmarshall(item));
    const perFile = Math.ceil(items.length / EXPORT_FILES);
    const { folder } = writeExportFolder(root, {
      exportId: '01764547200000-abcd1234',
      table,
      exportTime: new Date().toISOString(),
      files: Array.from({ length: EXPORT_FILES }, (_, f) => items.slice(f * perFile, (f + 1) * perFile)),
    });
    const options = (tableSide: WriteTableSide): ReconcileOptions => ({
      client,
      lake,
      table,
      keyName: 'order_id',
      segments: SEGMENTS,
      fenceMargin: { seconds: MARGIN_SECONDS, reason: 'the bench sets it' },
      buckets: 4096,
      repair: false,
      tableSide,
      scratchFolder: mkdtempSync(join(root, 'scratch-')),
      signal,
      onProgress: () => undefined,
    });
    const scanned = await best(() => reconcile(options(scanTableSide(scan))));
    const exported = await best(async () => {
      const opened = await openVerifiedExport({
        files: localExportFiles(folder),
        table,
        fenceMarginSeconds: MARGIN_SECONDS,
        signal,
        onProgress: () => undefined,
      });
      return reconcile(options(exportTableSide({ ...opened, context: { ...opened.context, keyNames } })));
    });
    console.log(
      `reconcile, ${ITEMS} items, no drift, in-process: Scan table side ${(ITEMS / scanned).toFixed(0)} items/s, ` +
        `export table side (verify + rows) ${(ITEMS / exported).toFixed(0)} items/s, export/Scan ${(scanned / exported).toFixed(2)}x`,
    );
  } finally {
    await dynalite.stop();
  }
}

if (require.main === module) {
  const root = mkdtempSync(join(tmpdir(), 'bench-reconcile-export-'));
  void benchReconcileExport(root).finally(() => rmSync(root, { recursive: true, force: true }));
}
