/**
 * exportBackfill: a verified export's items -> lake objects in the partition of the export time.
 */
import type { AttributeMap } from '@sales/transform';
import type { LakeStore } from '../lake/lake-store.js';
import { snapshotObjectKey } from '../rows/object-key.js';
import { toSnapshotLine, type SnapshotContext } from '../rows/snapshot-row.js';
import type { ExportFiles } from '../table/export-files.js';
import { exportLines } from '../table/export-lines.js';
import type { ExportManifest } from '../table/export-manifest.js';
import type { BackfillSummary } from './backfill-report.js';
import { reportItemFailure } from './item-failures.js';
import { RowBuffer } from './row-buffer.js';
import { writeObject } from './write-object.js';

/**
 * Uncompressed row bytes per lake object: bounds memory whatever the size of a data file, and keeps objects in the
 * range Athena reads well.
 *
 * @defaultValue 16 MiB
 */
export const OBJECT_ROW_BYTES = 16 * 1024 * 1024;

/** What {@link exportBackfill} needs. */
export interface ExportBackfillOptions {
  readonly files: ExportFiles;
  readonly manifest: ExportManifest;
  readonly lake: LakeStore;
  readonly context: SnapshotContext;
  readonly signal: AbortSignal;
  readonly onProgress: () => void;
}

/** The data file's name without folder and extension, e.g. `fpgzwz7ome3s7a5gqn2mu3ogtq`. */
const baseName = (key: string): string => (key.split('/').pop() ?? key).replace(/\.json\.gz$/, '');

/**
 * Streams every data file of an already verified export and writes its rows in objects of at most
 * {@link OBJECT_ROW_BYTES}, named `<exportId>-<data file>-<part>`: a re-run with the same export writes the same keys
 * with the same bytes. Stops between objects when the signal aborts.
 *
 * @param options - Export, lake, snapshot context, signal, progress.
 * @param summary - Filled in as objects are written.
 * @returns When done or stopped.
 * @throws Error when a data file changed or vanished since it was verified.
 */
export async function exportBackfill(options: ExportBackfillOptions, summary: BackfillSummary): Promise<void> {
  const { files, manifest, lake, context } = options;
  let pending: Promise<void> = Promise.resolve();
  const rows = new RowBuffer();
  const flush = async (key: string): Promise<void> => {
    await pending; // one write in flight while the next object is built
    const count = rows.lines;
    pending = writeObject(lake, key, rows.take()).then((bytes) => {
      summary.bytes += bytes;
      summary.objects += 1;
      summary.rows += count;
      options.onProgress();
    });
  };
  for (const file of manifest.files) {
    if (options.signal.aborted) break;
    const stream = await files.open(file.key);
    if (stream === undefined) throw new Error(`${file.key} vanished after it was verified`);
    const digest = { md5: '', bytes: 0 };
    let part = 0;
    let lineNumber = 0;
    for await (const text of exportLines(stream, digest)) {
      lineNumber += 1;
      summary.items += 1;
      const item = (JSON.parse(text) as { Item?: AttributeMap }).Item ?? {};
      const line = toSnapshotLine(item, context);
      if (!line.ok) {
        reportItemFailure(summary, `${file.key} line ${lineNumber}`, line);
        continue;
      }
      rows.append(line.value);
      if (rows.size >= OBJECT_ROW_BYTES) {
        await flush(
          snapshotObjectKey(
            context.snapshotTimeMicros,
            `${manifest.exportId}-${baseName(file.key)}-${String(part).padStart(5, '0')}`,
          ),
        );
        part += 1;
        if (options.signal.aborted) break;
      }
    }
    if (options.signal.aborted) break;
    if (rows.lines > 0)
      await flush(
        snapshotObjectKey(
          context.snapshotTimeMicros,
          `${manifest.exportId}-${baseName(file.key)}-${String(part).padStart(5, '0')}`,
        ),
      );
    if (digest.md5 !== file.md5Checksum)
      throw new Error(
        `${file.key} changed after it was verified: MD5 ${digest.md5}, the manifest says ${file.md5Checksum}`,
      );
  }
  await pending;
  summary.complete = !options.signal.aborted;
}
