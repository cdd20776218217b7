/**
 * `npm run bench -w @sales/lake-ops`: the backfill against baselines measured in the same run.
 *
 * 1. Scan mode against dynalite: items/s written to the lake vs a plain parallel Scan that writes nothing (goal ≥ 0.8×).
 * 2. Export mode over export files of 100k items: MB/s (compressed) vs plain gunzip + JSON.parse of the same files (goal ≥ 0.6×).
 * 3. Peak RSS of an export backfill at 10k, 100k and 300k items, each in its own process: must not grow with the table.
 * 4. Reconcile at 100k items vs a plain parallel Scan of the same table, both in this process (goal >= 0.5x), and
 *    its peak RSS at 10k, 100k and 300k items, each reconcile in its own process (must not grow with the table).
 * 5. Reconcile's export table side vs its Scan table side at 50k items.
 * 6. Current state at 1M change rows over 100k orders: `orders_current` vs the change-log window (time and bytes read,
 *    goal >= 10x), and one incremental merge of a 5-minute window vs a COPY of it (goal <= 3x), in its own process.
 * Set BENCH_SIZE=smoke to run every part, child processes included, at a few hundred items (a test runs it so).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { scanBackfill } from '../src/backfill/scan-backfill.js';
import { newSummary } from '../src/backfill/backfill-report.js';
import { LocalLakeStore } from '../src/lake/local-lake-store.js';
import { parallelScan } from '../src/table/parallel-scan.js';
import { writeExportFolder } from '../tests/support/export-folder.js';
import { createOrdersTable, localClient } from '../tests/support/orders-table.js';
import { runExportBackfill } from './export-run.js';
import { sized, startDynalite } from '@sales/testing';
import { bestSeconds } from './best-time.js';
import { benchReconcile } from './reconcile-bench.js';
import { benchReconcileExport } from './reconcile-export-bench.js';
import { benchMerge } from './merge-run.js';
import { localExportFiles } from '../src/table/export-files.js';
import { readExportManifest } from '../src/table/export-manifest.js';
import { verifyExport } from '../src/table/verify-export.js';

const SCAN_ITEMS = sized(20_000, 200);
const EXPORT_ITEMS = sized(100_000, 1000);
/** Items of each export backfill whose peak RSS is measured in its own process. */
const MEMORY_ITEMS = sized([10_000, 100_000, 300_000], [100, 300, 1000]);
const SEGMENTS = 4;
const EXPORT_FILES = 4;

const order = (i: number): Record<string, unknown> => ({
  order_id: `o-${String(i).padStart(7, '0')}`,
  status: i % 3 === 0 ? 'shipped' : 'paid',
  total: Number(`${i}.${i % 100}`),
  customer: { name: `Customer ${i}`, city: 'Lyon', country: 'FR' },
  region: 'eu',
  channel: 'web',
  currency: 'EUR',
  line_items: [{ sku: `sku-${i % 17}`, product_name: 'Lamp', quantity: 2, line_total: 19.9 }],
  created_at: '2025-01-15T10:30:11Z',
});

async function benchScan(): Promise<void> {
  const dynalite = await startDynalite();
  try {
    const client = localClient(dynalite.endpoint);
    await createOrdersTable(client, 'orders', SCAN_ITEMS);
    const signal = new AbortController().signal;
    const plain = await bestSeconds(() =>
      parallelScan({ client, table: 'orders', segments: SEGMENTS, signal }, async () => undefined),
    );
    const ours = await bestSeconds(async () => {
      const root = mkdtempSync(join(tmpdir(), 'bench-lake-'));
      await scanBackfill(
        {
          client,
          lake: new LocalLakeStore(root),
          table: 'orders',
          keyNames: ['order_id'],
          segments: SEGMENTS,
          fenceMarginSeconds: 300,
          signal,
          onProgress: () => undefined,
        },
        newSummary('orders', 'scan', false),
      );
      rmSync(root, { recursive: true, force: true });
    });
    console.log(
      `scan, ${SCAN_ITEMS} items, ${SEGMENTS} segments: plain Scan ${(SCAN_ITEMS / plain).toFixed(0)} items/s, backfill ${(SCAN_ITEMS / ours).toFixed(0)} items/s, ratio ${(plain / ours).toFixed(2)}x (goal >= 0.8x)`,
    );
  } finally {
    await dynalite.stop();
  }
}

async function gunzipAndParse(folder: string, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    let rest = '';
    const stream = createReadStream(join(folder, key)).pipe(createGunzip());
    stream.setEncoding('utf8');
    for await (const chunk of stream as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line !== '') JSON.parse(line);
    }
  }
}

function exportFolder(root: string, items: number): { folder: string; dataKeys: string[]; bytes: number } {
  const perFile = Math.ceil(items / EXPORT_FILES);
  const files = Array.from({ length: EXPORT_FILES }, (_, f) =>
    Array.from({ length: Math.min(perFile, items - f * perFile) }, (_, i) => order(f * perFile + i)),
  );
  const written = writeExportFolder(root, {
    exportId: '01736937011000-abcd1234',
    table: 'orders',
    exportTime: '2025-01-15T10:30:11.028Z',
    files,
  });
  return {
    ...written,
    bytes: written.dataKeys.reduce((sum, key) => sum + statSync(join(written.folder, key)).size, 0),
  };
}

async function benchExport(root: string): Promise<void> {
  const { folder, dataKeys, bytes } = exportFolder(join(root, 'export'), EXPORT_ITEMS);
  const mb = bytes / 1e6;
  const plain = await bestSeconds(() => gunzipAndParse(folder, dataKeys));
  const files = localExportFiles(folder);
  const manifest = await readExportManifest(files);
  const verify = await bestSeconds(() => verifyExport(files, manifest));
  const ours = await bestSeconds(() => runExportBackfill(folder));
  console.log(
    `export, ${EXPORT_ITEMS} items, ${mb.toFixed(1)} MB gzipped: gunzip+JSON.parse ${(mb / plain).toFixed(1)} MB/s, backfill (verify + write) ${(mb / ours).toFixed(1)} MB/s, ratio ${(plain / ours).toFixed(2)}x (goal >= 0.6x)`,
  );
  console.log(
    `  of which verification (MD5 + gunzip + count) ${(mb / verify).toFixed(1)} MB/s; write phase alone ${(mb / (ours - verify)).toFixed(1)} MB/s, ratio ${(plain / (ours - verify)).toFixed(2)}x`,
  );
}

function benchMemory(root: string): void {
  for (const items of MEMORY_ITEMS) {
    const { folder } = exportFolder(join(root, `m${items}`), items);
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'export-run.ts'), folder], {
      encoding: 'utf8',
    });
    const { rows, maxRssBytes } = JSON.parse(out) as { rows: number; maxRssBytes: number };
    console.log(
      `export backfill peak RSS at ${items} items: ${(maxRssBytes / 2 ** 20).toFixed(0)} MiB (${rows} rows written)`,
    );
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-export-'));
  try {
    await benchExport(root);
    benchMemory(root);
    await benchScan();
    await benchReconcile(root);
    await benchReconcileExport(root);
    benchMerge();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
