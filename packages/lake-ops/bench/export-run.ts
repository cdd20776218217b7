/**
 * One export backfill (verify, then write) of an export folder into a fresh local lake, as the command runs it.
 * Run alone (`tsx bench/export-run.ts <folder>`) it prints its peak RSS, for the memory figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBackfill } from '../src/backfill/export-backfill.js';
import { newSummary } from '../src/backfill/backfill-report.js';
import { LocalLakeStore } from '../src/lake/local-lake-store.js';
import { localExportFiles } from '../src/table/export-files.js';
import { readExportManifest } from '../src/table/export-manifest.js';
import { verifyExport } from '../src/table/verify-export.js';

/**
 * Verifies and backfills one export folder into a temporary lake, then removes the lake.
 *
 * @param folder - The export folder.
 * @returns Items written.
 */
export async function runExportBackfill(folder: string): Promise<number> {
  const lakeRoot = mkdtempSync(join(tmpdir(), 'bench-lake-'));
  try {
    const files = localExportFiles(folder);
    const manifest = await readExportManifest(files);
    const verification = await verifyExport(files, manifest);
    if (verification.problems.length > 0) throw new Error(verification.problems.join('\n'));
    const summary = newSummary('orders', 'export', false);
    const context = {
      snapshotId: manifest.exportId,
      snapshotTimeMicros: manifest.exportTimeMicros,
      fenceMicros: manifest.exportTimeMicros - 300e6,
      table: 'orders',
      keyNames: ['order_id'],
    };
    await exportBackfill(
      {
        files,
        manifest,
        lake: new LocalLakeStore(lakeRoot),
        context,
        signal: new AbortController().signal,
        onProgress: () => undefined,
      },
      summary,
    );
    return summary.rows;
  } finally {
    rmSync(lakeRoot, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runExportBackfill(process.argv[2] ?? '').then((rows) => {
    process.stdout.write(`${JSON.stringify({ rows, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
  });
}
