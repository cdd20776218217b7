/**
 * exportBackfill: a verified export's items -> lake objects in the partition of the export time.
 */
import type { LakeStore } from '../lake/lake-store.js';
import { snapshotObjectKey } from '../rows/object-key.js';
import type { SnapshotContext } from '../rows/snapshot-row.js';
import type { ExportFiles } from '../table/export-files.js';
import type { ExportManifest } from '../table/export-manifest.js';
import type { BackfillSummary } from './backfill-report.js';
import { writeExportObjects } from './export-objects.js';
import { reportItemFailure } from './item-failures.js';

/** What {@link exportBackfill} needs. */
export interface ExportBackfillOptions {
  readonly files: ExportFiles;
  readonly manifest: ExportManifest;
  readonly lake: LakeStore;
  readonly context: SnapshotContext;
  readonly signal: AbortSignal;
  readonly onProgress: () => void;
}

/**
 * Streams every data file of an already verified export and writes its rows in objects of at most
 * `OBJECT_ROW_BYTES`, named `<exportId>-<data file>-<part>`: a re-run with the same export writes the same keys
 * with the same bytes. Stops between objects when the signal aborts.
 *
 * @param options - Export, lake, snapshot context, signal, progress.
 * @param summary - Filled in as objects are written.
 * @returns When done or stopped.
 * @throws Error when a data file changed or vanished since it was verified.
 */
export async function exportBackfill(options: ExportBackfillOptions, summary: BackfillSummary): Promise<void> {
  const { manifest, context } = options;
  summary.complete = await writeExportObjects({
    files: options.files,
    manifest,
    store: options.lake,
    context,
    objectKey: (dataFile, part) =>
      snapshotObjectKey(
        context.snapshotTimeMicros,
        `${manifest.exportId}-${dataFile}-${String(part).padStart(5, '0')}`,
      ),
    signal: options.signal,
    tally: summary,
    onFailure: (where, failure) => reportItemFailure(summary, where, failure),
    onObject: options.onProgress,
  });
}
