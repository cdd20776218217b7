/**
 * scanBackfill: a parallel consistent Scan, one lake object per page, each page its own snapshot.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LakeStore } from '../lake/lake-store.js';
import { snapshotObjectKey } from '../rows/object-key.js';
import type { BackfillSummary } from './backfill-report.js';
import { reportItemFailure } from './item-failures.js';
import { writeScanObjects } from './scan-objects.js';

/** What {@link scanBackfill} needs. */
export interface ScanBackfillOptions {
  readonly client: DynamoDBClient;
  readonly lake: LakeStore;
  readonly table: string;
  readonly keyNames: readonly string[];
  readonly segments: number;
  readonly fenceMarginSeconds: number;
  readonly signal: AbortSignal;
  readonly onProgress: () => void;
  /** The clock that stamps each page's snapshot time, in ms: the one that stamps the stream's changes. @defaultValue Date.now */
  readonly now?: () => number;
}

const iso = (micros: number): string => new Date(Math.floor(micros / 1000)).toISOString();

/**
 * The object name of one page: table, segment of total, page number. It does not depend on the time, so a re-run
 * replaces the page objects of an earlier run of the same hour instead of adding to them.
 *
 * @param table - Table name.
 * @param segment - Segment, 0-based.
 * @param segments - Total segments.
 * @param page - Page in the segment, 0-based.
 * @returns e.g. `scan-orders-s0of4-p000000`.
 */
export function scanObjectName(table: string, segment: number, segments: number, page: number): string {
  return `scan-${table}-s${segment}of${segments}-p${String(page).padStart(6, '0')}`;
}

/**
 * Scans the table and writes each page's rows as one object in the partition of the page's start time, with the
 * page's own fence. Stops starting pages when the signal aborts; pages in flight are written.
 *
 * @param options - Client, lake, table, segments, margin, signal, progress.
 * @param summary - Filled in as pages are written.
 * @returns When every page is written or the signal stopped the scan.
 */
export async function scanBackfill(options: ScanBackfillOptions, summary: BackfillSummary): Promise<void> {
  const { client, table, keyNames, segments, fenceMarginSeconds, signal, now } = options;
  const scanned = await writeScanObjects({
    client,
    table,
    keyNames,
    segments,
    fenceMarginSeconds,
    signal,
    now,
    store: options.lake,
    snapshotIdPrefix: 'scan',
    objectKey: (page) =>
      snapshotObjectKey(page.startedAtMicros, scanObjectName(options.table, page.segment, options.segments, page.page)),
    tally: summary,
    onFailure: (where, failure) => reportItemFailure(summary, where, failure),
    onPage: options.onProgress,
  });
  summary.complete = scanned.complete;
  if (scanned.earliestSnapshotMicros !== null && scanned.earliestFenceMicros !== null) {
    summary.snapshotTime = iso(scanned.earliestSnapshotMicros);
    summary.fence = iso(scanned.earliestFenceMicros);
  }
}
