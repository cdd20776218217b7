/**
 * scanBackfill: a parallel consistent Scan, one lake object per page, each page its own snapshot.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LakeStore } from '../lake/lake-store.js';
import { toFenceMicros } from '../rows/fence.js';
import { snapshotObjectKey } from '../rows/object-key.js';
import { toSnapshotLine } from '../rows/snapshot-row.js';
import { parallelScan } from '../table/parallel-scan.js';
import type { BackfillSummary } from './backfill-report.js';
import { reportItemFailure } from './item-failures.js';
import { RowBuffer } from './row-buffer.js';
import { writeObject } from './write-object.js';

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
  let earliestFence = Number.POSITIVE_INFINITY;
  let earliestTime = Number.POSITIVE_INFINITY;
  summary.complete = await parallelScan(
    {
      client: options.client,
      table: options.table,
      segments: options.segments,
      signal: options.signal,
      now: options.now,
    },
    async (page) => {
      const fenceMicros = toFenceMicros(page.startedAtMicros, options.fenceMarginSeconds);
      const context = {
        snapshotId: `scan-${page.startedAtMicros}`,
        snapshotTimeMicros: page.startedAtMicros,
        fenceMicros,
        table: options.table,
        keyNames: options.keyNames,
      };
      const rows = new RowBuffer();
      page.items.forEach((item, index) => {
        const line = toSnapshotLine(item, context);
        if (line.ok) rows.append(line.value);
        else reportItemFailure(summary, `segment ${page.segment} page ${page.page} item ${index}`, line);
      });
      summary.items += page.items.length;
      if (rows.lines > 0) {
        const key = snapshotObjectKey(
          page.startedAtMicros,
          scanObjectName(options.table, page.segment, options.segments, page.page),
        );
        const count = rows.lines;
        summary.bytes += await writeObject(options.lake, key, rows.take());
        summary.objects += 1;
        summary.rows += count;
      }
      if (page.startedAtMicros < earliestTime) {
        earliestTime = page.startedAtMicros;
        earliestFence = fenceMicros;
        summary.snapshotTime = iso(earliestTime);
        summary.fence = iso(earliestFence);
      }
      options.onProgress();
    },
  );
}
