/**
 * writeTableSide: the table's items -> snapshot row objects in a scratch folder, through the backfill's Scan and row
 * code, so the comparison reads the table in the lake's own contract without holding it in memory.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RowBuffer } from '../backfill/row-buffer.js';
import { writeObject } from '../backfill/write-object.js';
import type { LakeStore } from '../lake/lake-store.js';
import { snapshotSortKey, toFenceMicros } from '../rows/fence.js';
import { toSnapshotLine } from '../rows/snapshot-row.js';
import { parallelScan } from '../table/parallel-scan.js';

/** What {@link writeTableSide} needs. */
export interface TableSideOptions {
  readonly client: DynamoDBClient;
  /** The scratch store the rows go to (one object per page). */
  readonly scratch: LakeStore;
  readonly table: string;
  readonly keyNames: readonly string[];
  readonly segments: number;
  readonly fenceMarginSeconds: number;
  readonly signal: AbortSignal;
  /** Called after each page with the items read so far. */
  readonly onPage: (itemsRead: number) => void;
}

/** What the Scan read. */
export interface TableSide {
  /** Items read. */
  items: number;
  /** Items that could not become rows (no key, a malformed value), by key or position, with the reason. */
  readonly failures: string[];
  /** The snapshot sort key of the earliest page: the fence for keys the table does not hold. */
  earliestFenceSortKey: string | null;
  /** False when interrupted. */
  complete: boolean;
}

/**
 * Scans the table (parallel, strongly consistent) and writes each page's items as snapshot rows whose
 * `cdc_sort_key` is the page's fence, so the comparison can tell a change made during the run from drift.
 *
 * @param options - Client, scratch store, table, segments, margin, signal, progress.
 * @returns What was read.
 */
export async function writeTableSide(options: TableSideOptions): Promise<TableSide> {
  const side: TableSide = { items: 0, failures: [], earliestFenceSortKey: null, complete: false };
  side.complete = await parallelScan(
    { client: options.client, table: options.table, segments: options.segments, signal: options.signal },
    async (page) => {
      const fenceMicros = toFenceMicros(page.startedAtMicros, options.fenceMarginSeconds);
      const context = {
        snapshotId: `reconcile-${page.startedAtMicros}`,
        snapshotTimeMicros: page.startedAtMicros,
        fenceMicros,
        table: options.table,
        keyNames: options.keyNames,
      };
      const rows = new RowBuffer();
      page.items.forEach((item, index) => {
        const line = toSnapshotLine(item, context);
        if (line.ok) rows.append(line.value);
        else
          side.failures.push(`segment ${page.segment} page ${page.page} item ${index}: ${line.reason}: ${line.detail}`);
      });
      side.items += page.items.length;
      if (rows.lines > 0) await writeObject(options.scratch, `s${page.segment}-p${page.page}.json.gz`, rows.take());
      const sortKey = snapshotSortKey(fenceMicros);
      if (side.earliestFenceSortKey === null || sortKey < side.earliestFenceSortKey)
        side.earliestFenceSortKey = sortKey;
      options.onPage(side.items);
    },
  );
  return side;
}
