/**
 * writeScanObjects: a parallel consistent Scan whose every page becomes its own snapshot, written as one row object
 * fenced at the page's start: the scan backfill's loop and reconcile's Scan table side.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Failure } from '@sales/transform';
import type { LakeStore } from '../lake/lake-store.js';
import { toFenceMicros } from '../rows/fence.js';
import { parallelScan, type ScanPage } from '../table/parallel-scan.js';
import { writeSnapshotObjects, type RowTally } from './snapshot-objects.js';

/** What {@link writeScanObjects} needs. */
export interface ScanObjectsOptions {
  readonly client: DynamoDBClient;
  readonly table: string;
  /** The table's key attribute names, partition key first. */
  readonly keyNames: readonly string[];
  /** Segments scanned at once. Minimum 1, maximum 1,000,000. */
  readonly segments: number;
  /** Clock-skew margin of each page's fence, in whole seconds. */
  readonly fenceMarginSeconds: number;
  /** Stops starting pages once aborted; pages in flight are written. */
  readonly signal: AbortSignal;
  /** The clock that stamps each page's snapshot time, in ms. @defaultValue Date.now */
  readonly now?: (() => number) | undefined;
  /** Items a page (and so an object) holds at most. @defaultValue - no limit: pages of 1 MB */
  readonly pageItems?: number | undefined;
  /** Where the objects go. */
  readonly store: LakeStore;
  /** A page's snapshot id is `<snapshotIdPrefix>-<page start µs>`: `scan` for a backfill, `reconcile` for reconcile. */
  readonly snapshotIdPrefix: string;
  /** The key of a page's object. */
  readonly objectKey: (page: ScanPage) => string;
  /** Adds items, rows, objects and bytes as pages are written. */
  readonly tally: RowTally;
  /** An item that cannot become a row, by where it was read (`segment 2 page 0 item 7`). */
  readonly onFailure: (where: string, failure: Failure) => void;
  /** Called after each page. */
  readonly onPage: () => void;
}

/** What {@link writeScanObjects} read. */
export interface ScanObjectsWritten {
  /** False when the signal stopped the Scan. */
  readonly complete: boolean;
  /** The earliest page's start in µs (`null` when no page was read). */
  readonly earliestSnapshotMicros: number | null;
  /** Its fence in µs: the fence for keys the table does not hold (`null` when no page was read). */
  readonly earliestFenceMicros: number | null;
}

/**
 * Scans the table (parallel, strongly consistent) and writes each page's items as one object of snapshot rows
 * whose `cdc_event_time` is the page's start and whose `cdc_sort_key` is that start's fence.
 *
 * @param options - Client, table, segments, margin, signal, clock, store, naming, tally, callbacks.
 * @returns Whether the whole table was read, and the earliest page's time and fence.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.ParallelScan
 * @example
 * ```ts
 * const tally = { items: 0, rows: 0, objects: 0, bytes: 0 };
 * await writeScanObjects({ client, table: 'orders', keyNames: ['order_id'], segments: 4, fenceMarginSeconds: 300,
 *   signal, store, snapshotIdPrefix: 'scan', objectKey: (p) => `s${p.segment}-p${p.page}.json.gz`, tally,
 *   onFailure: console.error, onPage: () => undefined });
 * //=> { complete: true, earliestSnapshotMicros: 1736937011250000, earliestFenceMicros: 1736936711000000 }
 * ```
 */
export async function writeScanObjects(options: ScanObjectsOptions): Promise<ScanObjectsWritten> {
  let earliestSnapshotMicros: number | null = null;
  let earliestFenceMicros: number | null = null;
  const complete = await parallelScan(
    {
      client: options.client,
      table: options.table,
      segments: options.segments,
      signal: options.signal,
      now: options.now,
      pageItems: options.pageItems,
    },
    async (page) => {
      const fenceMicros = toFenceMicros(page.startedAtMicros, options.fenceMarginSeconds);
      await writeSnapshotObjects(page.items, {
        store: options.store,
        context: {
          snapshotId: `${options.snapshotIdPrefix}-${page.startedAtMicros}`,
          snapshotTimeMicros: page.startedAtMicros,
          fenceMicros,
          table: options.table,
          keyNames: options.keyNames,
        },
        objectKey: () => options.objectKey(page),
        tally: options.tally,
        onFailure: (index, failure) =>
          options.onFailure(`segment ${page.segment} page ${page.page} item ${index}`, failure),
      });
      if (earliestSnapshotMicros === null || page.startedAtMicros < earliestSnapshotMicros) {
        earliestSnapshotMicros = page.startedAtMicros;
        earliestFenceMicros = fenceMicros;
      }
      options.onPage();
    },
  );
  return { complete, earliestSnapshotMicros, earliestFenceMicros };
}
