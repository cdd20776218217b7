/**
 * One reconcile of a table against a lake, as the command runs it. Run alone
 * (`tsx bench/reconcile-run.ts <endpoint> <table> <lake>`) it prints the result's counts and its peak RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalLakeStore } from '../src/lake/local-lake-store.js';
import type { ReconcileResult } from '../src/reconcile/drift.js';
import { reconcile } from '../src/reconcile/reconcile.js';
import { localClient } from '../tests/support/orders-table.js';

/**
 * Reconciles with the command's defaults (4 segments, 4096 buckets, 300 s margin) and a fresh scratch folder.
 *
 * @param endpoint - dynalite's URL.
 * @param table - Table name.
 * @param lake - Lake folder.
 * @returns The result.
 */
export async function runReconcile(endpoint: string, table: string, lake: string): Promise<ReconcileResult> {
  const scratchFolder = mkdtempSync(join(tmpdir(), 'bench-reconcile-'));
  try {
    return await reconcile({
      client: localClient(endpoint),
      lake: new LocalLakeStore(lake),
      table,
      keyName: 'order_id',
      segments: 4,
      fenceMargin: { seconds: 300, reason: 'the bench sets it' },
      buckets: 4096,
      repair: false,
      scratchFolder,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
  } finally {
    rmSync(scratchFolder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [endpoint = '', table = '', lake = ''] = process.argv.slice(2);
  void runReconcile(endpoint, table, lake).then((result) => {
    process.stdout.write(
      `${JSON.stringify({ items: result.table_items, lakeKeys: result.lake_keys, drift: result.drift.length, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
    );
  });
}
