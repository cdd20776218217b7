/**
 * The table side of reconcile: the table's items -> snapshot row objects in a scratch folder, through the backfill's
 * own loops and row code, so the comparison reads the table in the lake's contract without holding it in memory.
 * Two sources: a parallel consistent Scan (each page fenced at its start) or a verified point-in-time export (every
 * row fenced at the export time).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { writeExportObjects } from '../backfill/export-objects.js';
import { writeScanObjects } from '../backfill/scan-objects.js';
import type { RowTally } from '../backfill/snapshot-objects.js';
import type { LakeStore } from '../lake/lake-store.js';
import { snapshotSortKey } from '../rows/fence.js';
import type { SnapshotContext } from '../rows/snapshot-row.js';
import type { ExportFiles } from '../table/export-files.js';
import type { ExportManifest } from '../table/export-manifest.js';

/** What a table side read. */
export interface TableSide {
  /** Items read. */
  readonly items: number;
  /** Items that could not become rows (no key, a malformed value), by where they were read, with the reason. */
  readonly failures: string[];
  /** The snapshot sort key of the earliest fence written: the fence for keys the table does not hold. */
  readonly earliestFenceSortKey: string | null;
  /** False when interrupted. */
  readonly complete: boolean;
}

/**
 * Writes the table's rows into `scratch` and says what it read: how reconcile gets its table side, whatever the
 * source.
 *
 * @param scratch - The scratch store the rows go to.
 * @param signal - Stops it between pages or objects.
 * @param onItems - Called as items are read, with the count so far.
 * @returns What was read.
 */
export type WriteTableSide = (
  scratch: LakeStore,
  signal: AbortSignal,
  onItems: (itemsRead: number) => void,
) => Promise<TableSide>;

/** What {@link scanTableSide} needs. */
export interface ScanTableSideOptions {
  readonly client: DynamoDBClient;
  readonly table: string;
  readonly keyNames: readonly string[];
  readonly segments: number;
  readonly fenceMarginSeconds: number;
  /** The clock, ms since the epoch. @defaultValue Date.now */
  readonly now?: () => number;
}

const newTally = (): RowTally => ({ items: 0, rows: 0, objects: 0, bytes: 0 });

/**
 * Items a Scan page of the table side holds at most, so memory holds `segments` small pages whatever the items'
 * size: a full 1 MB page of small orders (about 100 bytes each as DynamoDB sizes them) is ten thousand items, 17 MiB
 * parsed and 5 MiB of rows. At 1,000, the Scan's live memory stays at what 10k items need (16 MiB of heap with 4
 * segments, measured after a forced GC at 10k and 300k items, against 58 MiB with full pages); orders of 1 KB fill
 * 1 MB at about the same count.
 */
const TABLE_SIDE_PAGE_ITEMS = 1000;

/**
 * The Scan table side: a parallel, strongly consistent Scan, each page's rows fenced at the page's start minus the
 * margin, one scratch object per page (`s<segment>-p<page>.json.gz`) of at most 1,000 items.
 *
 * @param options - Client, table, key names, segments, margin, clock.
 * @returns The table side.
 * @example
 * ```ts
 * const side = await scanTableSide({ client, table: 'orders', keyNames: ['order_id'], segments: 4, fenceMarginSeconds: 300 })(scratch, signal, () => undefined);
 * side.complete; //=> true
 * ```
 */
export function scanTableSide(options: ScanTableSideOptions): WriteTableSide {
  return async (scratch, signal, onItems) => {
    const tally = newTally();
    const failures: string[] = [];
    const scanned = await writeScanObjects({
      ...options,
      signal,
      store: scratch,
      pageItems: TABLE_SIDE_PAGE_ITEMS,
      snapshotIdPrefix: 'reconcile',
      objectKey: (page) => `s${page.segment}-p${page.page}.json.gz`,
      tally,
      onFailure: (where, failure) => failures.push(`${where}: ${failure.reason}: ${failure.detail}`),
      onPage: () => onItems(tally.items),
    });
    return {
      items: tally.items,
      failures,
      earliestFenceSortKey: scanned.earliestFenceMicros === null ? null : snapshotSortKey(scanned.earliestFenceMicros),
      complete: scanned.complete,
    };
  };
}

/** A verified export, as {@link exportTableSide} reads it (see `openVerifiedExport`). */
export interface VerifiedExportSource {
  readonly files: ExportFiles;
  readonly manifest: ExportManifest;
  /** The export's snapshot: every row's event time is the export time, its sort key the export time's fence. */
  readonly context: SnapshotContext;
}

/**
 * The export table side: every item of a verified export, each row fenced at the export time (`ExportTime` from the
 * manifest) minus the margin, one scratch object per data file part (`<data file>-<part>.json.gz`).
 *
 * @param source - The verified export and its snapshot context.
 * @returns The table side.
 * @example
 * ```ts
 * const side = await exportTableSide(opened)(scratch, signal, () => undefined);
 * side.earliestFenceSortKey; //=> '1736936711000000-0000000000000000000000000000000000000000'
 * ```
 */
export function exportTableSide(source: VerifiedExportSource): WriteTableSide {
  return async (scratch, signal, onItems) => {
    const tally = newTally();
    const failures: string[] = [];
    const complete = await writeExportObjects({
      ...source,
      store: scratch,
      objectKey: (dataFile, part) => `${dataFile}-${String(part).padStart(5, '0')}.json.gz`,
      signal,
      tally,
      onFailure: (where, failure) => failures.push(`${where}: ${failure.reason}: ${failure.detail}`),
      onObject: () => onItems(tally.items),
    });
    return {
      items: tally.items,
      failures,
      earliestFenceSortKey: snapshotSortKey(source.context.fenceMicros),
      complete,
    };
  };
}
