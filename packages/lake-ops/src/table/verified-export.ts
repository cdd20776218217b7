/**
 * openVerifiedExport: a finished export, read as backfill and reconcile trust it: the manifest checked against the
 * documented format and the table, and every data file verified (present, MD5, item count) before any row is made.
 */
import { PreconditionError } from '../precondition-error.js';
import { toFenceMicros } from '../rows/fence.js';
import type { SnapshotContext } from '../rows/snapshot-row.js';
import type { ExportFiles } from './export-files.js';
import { ExportManifestError, readExportManifest, type ExportManifest } from './export-manifest.js';
import { verifyExport } from './verify-export.js';

/** What {@link openVerifiedExport} needs. */
export interface VerifiedExportInput {
  readonly files: ExportFiles;
  /** The table the export must be of. */
  readonly table: string;
  /** Clock-skew margin of the fence, whole seconds (an export's time and the stream's are both DynamoDB's). */
  readonly fenceMarginSeconds: number;
  /** Checks the fence before the data files are read (backfill: the stream is older). @defaultValue - no check */
  readonly checkFence?: (fenceMicros: number) => void;
  readonly signal: AbortSignal;
  /** Called with a progress line as data files are verified. */
  readonly onProgress: (text: string) => void;
  /** Names the command in progress lines. @defaultValue 'backfill' */
  readonly command?: string;
}

/** A verified export, ready to be turned into rows. */
export interface VerifiedExport {
  readonly files: ExportFiles;
  readonly manifest: ExportManifest;
  /** Its snapshot: the export id, `ExportTime`, the fence `ExportTime` − margin, the table. */
  readonly context: Omit<SnapshotContext, 'keyNames'>;
  /** Items counted in the data files. */
  readonly items: number;
}

/** Verification problems listed in the message; the rest are counted. */
const PROBLEMS_SHOWN = 10;

/**
 * Reads the manifest, checks it names the table, runs `checkFence`, then verifies every data file. Every failure is
 * a {@link PreconditionError} naming the export and what does not hold.
 *
 * @param input - Files, table, margin, fence check, signal, progress.
 * @returns The verified export.
 * @throws {@link PreconditionError} when the manifest is off the documented format, names another table, the fence
 * check fails, or a data file is missing, corrupt or holds another item count.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html
 * @example
 * ```ts
 * const opened = await openVerifiedExport({ files, table: 'orders', fenceMarginSeconds: 300, signal, onProgress });
 * opened.context.fenceMicros; //=> ExportTime rounded down to the second, minus 300 s
 * ```
 */
export async function openVerifiedExport(input: VerifiedExportInput): Promise<VerifiedExport> {
  const { files } = input;
  let manifest: ExportManifest;
  try {
    manifest = await readExportManifest(files);
  } catch (error) {
    if (error instanceof ExportManifestError) throw new PreconditionError(`${files.location}: ${error.message}`);
    throw error;
  }
  if (!manifest.tableArn.endsWith(`:table/${input.table}`)) {
    throw new PreconditionError(`${files.location} is an export of ${manifest.tableArn}, not of table ${input.table}`);
  }
  const fenceMicros = toFenceMicros(manifest.exportTimeMicros, input.fenceMarginSeconds);
  input.checkFence?.(fenceMicros);
  let checked = 0;
  const verification = await verifyExport(
    files,
    manifest,
    () => input.onProgress(`${input.command ?? 'backfill'}: verified ${++checked}/${manifest.files.length} data files`),
    input.signal,
  );
  if (verification.problems.length > 0) {
    const shown = verification.problems
      .slice(0, PROBLEMS_SHOWN)
      .map((problem) => `\n  ${problem}`)
      .join('');
    const more =
      verification.problems.length > PROBLEMS_SHOWN
        ? `\n  … and ${verification.problems.length - PROBLEMS_SHOWN} more`
        : '';
    throw new PreconditionError(`the export ${files.location} does not verify; nothing was written:${shown}${more}`);
  }
  return {
    files,
    manifest,
    context: {
      snapshotId: manifest.exportId,
      snapshotTimeMicros: manifest.exportTimeMicros,
      fenceMicros,
      table: input.table,
    },
    items: verification.items,
  };
}
