/**
 * verifyExport: every data file of an export is there, has the MD5 the manifest gives and holds the items it counts,
 * and the counts add up to the summary; checked in full before a backfill writes anything.
 */
import type { ExportFiles } from './export-files.js';
import { countExportLines } from './export-lines.js';
import type { ExportManifest } from './export-manifest.js';

/** The outcome of {@link verifyExport}. */
export interface ExportVerification {
  /** One line per problem found; empty when the export is whole. */
  readonly problems: readonly string[];
  /** Items counted in the data files. */
  readonly items: number;
  /** Compressed bytes read. */
  readonly bytes: number;
}

/**
 * Reads every data file the manifest lists and checks it: present, its MD5 equal to `md5Checksum`, its line count
 * equal to `itemCount`; and checks that the files' `itemCount` add up to the summary's.
 *
 * @param files - The export folder.
 * @param manifest - From `readExportManifest`.
 * @param onFile - Called after each file, for progress. @defaultValue - nothing
 * @param signal - Stops between files once aborted (the result then lists the files not checked).
 * @returns The problems found (none: the export is whole), items and bytes.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html
 */
export async function verifyExport(
  files: ExportFiles,
  manifest: ExportManifest,
  onFile?: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<ExportVerification> {
  const problems: string[] = [];
  let items = 0;
  let bytes = 0;
  const listed = manifest.files.reduce((sum, file) => sum + file.itemCount, 0);
  if (listed !== manifest.itemCount) {
    problems.push(`manifest-files.json counts ${listed} items, manifest-summary.json ${manifest.itemCount}`);
  }
  for (const file of manifest.files) {
    if (signal?.aborted === true) {
      problems.push(`${file.key}: not checked (interrupted)`);
      continue;
    }
    const stream = await files.open(file.key);
    if (stream === undefined) {
      problems.push(`${file.key}: missing`);
      continue;
    }
    const digest = { md5: '', bytes: 0 };
    let lines: number;
    try {
      lines = await countExportLines(stream, digest);
    } catch (error) {
      problems.push(`${file.key}: unreadable: ${(error as Error).message}`);
      continue;
    }
    items += lines;
    bytes += digest.bytes;
    if (digest.md5 !== file.md5Checksum)
      problems.push(`${file.key}: MD5 ${digest.md5}, the manifest says ${file.md5Checksum}`);
    if (lines !== file.itemCount) problems.push(`${file.key}: ${lines} items, the manifest says ${file.itemCount}`);
    onFile?.(digest.bytes);
  }
  return { problems, items, bytes };
}
