/**
 * writeExportObjects: every data file of a verified export -> snapshot row objects, all fenced at the export time:
 * the export backfill's loop and reconcile's export table side.
 */
import type { AttributeMap, Failure } from '@sales/transform';
import type { LakeStore } from '../lake/lake-store.js';
import type { SnapshotContext } from '../rows/snapshot-row.js';
import type { ExportFiles } from '../table/export-files.js';
import { exportLines } from '../table/export-lines.js';
import type { ExportManifest } from '../table/export-manifest.js';
import { writeSnapshotObjects, type RowTally } from './snapshot-objects.js';

/**
 * Uncompressed row bytes per object: bounds memory whatever the size of a data file, and keeps objects in the
 * range Athena reads well.
 *
 * @defaultValue 16 MiB
 */
export const OBJECT_ROW_BYTES = 16 * 1024 * 1024;

/** What {@link writeExportObjects} needs. */
export interface ExportObjectsOptions {
  /** The export's files, already verified (`verifyExport`). */
  readonly files: ExportFiles;
  readonly manifest: ExportManifest;
  /** Where the objects go: the lake, or reconcile's scratch folder. */
  readonly store: LakeStore;
  /** The export's snapshot: id, export time, its fence, table, key names. */
  readonly context: SnapshotContext;
  /**
   * The key of the `part`-th object (0-based) of one data file.
   *
   * @param dataFile - The data file's name without folder and extension, e.g. `fpgzwz7ome3s7a5gqn2mu3ogtq`.
   */
  readonly objectKey: (dataFile: string, part: number) => string;
  /** Stops between objects once aborted. */
  readonly signal: AbortSignal;
  /** Adds items, rows, objects and bytes as they are read and written. */
  readonly tally: RowTally;
  /** An item that cannot become a row, by where it was read (`data/x.json.gz line 7`). */
  readonly onFailure: (where: string, failure: Failure) => void;
  /** Called after each object is written. */
  readonly onObject: () => void;
}

/** The data file's name without folder and extension, e.g. `fpgzwz7ome3s7a5gqn2mu3ogtq`. */
const baseName = (key: string): string => (key.split('/').pop() ?? key).replace(/\.json\.gz$/, '');

/** The `Item` of each `{"Item": …}` line of a `DYNAMODB_JSON` data file, a batch of lines at a time. */
async function* exportItems(batches: AsyncIterable<readonly string[]>): AsyncGenerator<AttributeMap[]> {
  for await (const lines of batches)
    yield lines.map((text) => (JSON.parse(text) as { Item?: AttributeMap }).Item ?? {});
}

/**
 * Streams every data file of an already verified export, in manifest order, and writes its rows in objects of at
 * most {@link OBJECT_ROW_BYTES} named by `objectKey(dataFile, part)`; re-checks each file's MD5 as it streams.
 *
 * @param options - Export, store, snapshot, naming, signal, tally, callbacks.
 * @returns Whether every file was written (`false` when the signal stopped it).
 * @throws Error when a data file changed or vanished since it was verified.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html
 * @example
 * ```ts
 * await writeExportObjects({ files, manifest, store, context, objectKey: (file, part) => `${file}-${part}.json.gz`,
 *   signal, tally, onFailure: console.error, onObject: () => undefined });
 * //=> true
 * ```
 */
export async function writeExportObjects(options: ExportObjectsOptions): Promise<boolean> {
  for (const file of options.manifest.files) {
    if (options.signal.aborted) return false;
    const stream = await options.files.open(file.key);
    if (stream === undefined) throw new Error(`${file.key} vanished after it was verified`);
    const digest = { md5: '', bytes: 0 };
    const dataFile = baseName(file.key);
    const whole = await writeSnapshotObjects(exportItems(exportLines(stream, digest)), {
      store: options.store,
      context: options.context,
      objectKey: (part) => options.objectKey(dataFile, part),
      maxObjectRowBytes: OBJECT_ROW_BYTES,
      signal: options.signal,
      tally: options.tally,
      onFailure: (index, failure) => options.onFailure(`${file.key} line ${index + 1}`, failure),
      onObject: options.onObject,
    });
    if (!whole) return false;
    if (digest.md5 !== file.md5Checksum)
      throw new Error(
        `${file.key} changed after it was verified: MD5 ${digest.md5}, the manifest says ${file.md5Checksum}`,
      );
  }
  return !options.signal.aborted;
}
