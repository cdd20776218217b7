/**
 * writeSnapshotObjects: the one home of "items -> snapshot row objects", used by the scan and export backfills and
 * by both table sides of reconcile. The callers differ only in where the items come from, how objects are named and
 * what they count.
 */
import { RowLineWriter, type AttributeMap, type Failure } from '@sales/transform';
import type { LakeStore } from '../lake/lake-store.js';
import { writeSnapshotRow, type SnapshotContext } from '../rows/snapshot-row.js';
import { writeObject } from './write-object.js';

/** More than the largest row: a DynamoDB item is at most 400 KB, its row at most about twice that. */
const ROW_SLACK_BYTES = 1024 * 1024;

/** Counts a run of {@link writeSnapshotObjects} adds to; a `BackfillSummary` is one. */
export interface RowTally {
  /** Items read, rows or not. */
  items: number;
  /** Rows written. */
  rows: number;
  /** Objects written. */
  objects: number;
  /** Compressed bytes written. */
  bytes: number;
}

/** Where and how {@link writeSnapshotObjects} writes. */
export interface SnapshotObjectsTarget {
  /** The store the objects go to: the lake, or reconcile's scratch folder. */
  readonly store: LakeStore;
  /** The snapshot every row of these items belongs to (time, fence, table, key names). */
  readonly context: SnapshotContext;
  /**
   * The key of the `part`-th object (0-based) of these items. It must depend only on what identifies the items,
   * so a re-run replaces the objects instead of adding copies.
   */
  readonly objectKey: (part: number) => string;
  /**
   * Uncompressed row bytes after which an object is closed and the next part started.
   * @defaultValue Infinity - one object for all the items
   */
  readonly maxObjectRowBytes?: number;
  /** Stops between objects once aborted (the rows not yet written are dropped). @defaultValue - never stops */
  readonly signal?: AbortSignal;
  /** Adds what is read and written, as it happens (items as read, the rest once each object is written). */
  readonly tally: RowTally;
  /**
   * Called for an item that cannot become a row (a missing key, a malformed value); the item stays in the table.
   * `index` is the item's position in `items`, 0-based.
   */
  readonly onFailure: (index: number, failure: Failure) => void;
  /** Called after each object is written. @defaultValue - nothing */
  readonly onObject?: () => void;
}

/**
 * Writes each item's snapshot row straight into the object's bytes (the transform's encoder, through
 * `writeSnapshotRow`) and writes them as GZIP JSON-lines objects of at most `maxObjectRowBytes` of rows each, named
 * `objectKey(0)`, `objectKey(1)`, …; one write is in flight while the next object is built, so memory holds two
 * objects at most.
 *
 * @param items - The items in DynamoDB JSON: a Scan page, or an export data file's lines parsed as they stream, a
 *   batch of items at a time (one `await` per batch, not per item).
 * @param target - Store, snapshot, naming, size bound, signal, tally, callbacks.
 * @returns Whether every item was read and every row written (`false` when the signal stopped it).
 * @example
 * ```ts
 * const tally = { items: 0, rows: 0, objects: 0, bytes: 0 };
 * await writeSnapshotObjects(page.items, { store, context, objectKey: () => 'p0.json.gz', tally, onFailure });
 * tally; //=> { items: 2, rows: 2, objects: 1, bytes: 312 }
 * ```
 */
export async function writeSnapshotObjects(
  items: Iterable<AttributeMap> | AsyncIterable<readonly AttributeMap[]>,
  target: SnapshotObjectsTarget,
): Promise<boolean> {
  const maxBytes = target.maxObjectRowBytes ?? Number.POSITIVE_INFINITY;
  // Room for a whole object and the row that closes it, so the buffer never grows (and copies) on the way.
  const rows = new RowLineWriter(Number.isFinite(maxBytes) ? { initialBytes: maxBytes + ROW_SLACK_BYTES } : {});
  const { tally } = target;
  let pending: Promise<void> = Promise.resolve();
  let part = 0;
  const flush = async (): Promise<void> => {
    await pending; // one write in flight while the next object is built
    const count = rows.lineCount;
    pending = writeObject(target.store, target.objectKey(part), rows.take()).then((bytes) => {
      tally.bytes += bytes;
      tally.objects += 1;
      tally.rows += count;
      target.onObject?.();
    });
    part += 1;
  };
  let index = 0;
  const batches = Symbol.asyncIterator in items ? items : [items];
  outer: for await (const batch of batches) {
    for (const item of batch) {
      tally.items += 1;
      const written = writeSnapshotRow(rows, item, target.context);
      if (!written.ok) target.onFailure(index, written);
      index += 1;
      if (rows.byteLength >= maxBytes) {
        await flush();
        if (target.signal?.aborted === true) break outer;
      }
    }
  }
  const stopped = target.signal?.aborted === true;
  if (!stopped && rows.lineCount > 0) await flush();
  await pending;
  return !stopped;
}
