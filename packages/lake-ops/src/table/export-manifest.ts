/**
 * readExportManifest: an export's `manifest-summary.json` and `manifest-files.json`, checked against the documented
 * format of a full `DYNAMODB_JSON` export.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html
 */
import type { ExportFiles } from './export-files.js';
import { readAll } from './read-all.js';

/** One line of `manifest-files.json`. */
export interface ExportDataFile {
  /** The data file's key relative to the export folder, e.g. `data/fpgzwz7ome3s7a5gqn2mu3ogtq.json.gz`. */
  readonly key: string;
  /** Items the file holds. */
  readonly itemCount: number;
  /** Base64 MD5 of the file's (compressed) bytes. */
  readonly md5Checksum: string;
}

/** What a backfill needs of an export's manifests. */
export interface ExportManifest {
  /** `exportArn`. */
  readonly exportArn: string;
  /** The export id, the last part of the ARN: names the snapshot in event ids and object keys. */
  readonly exportId: string;
  /** `tableArn`. */
  readonly tableArn: string;
  /** `exportTime` in µs since the epoch: the point in time the items are the state of. */
  readonly exportTimeMicros: number;
  /** `itemCount` of the summary. */
  readonly itemCount: number;
  /** The data files, in manifest order. */
  readonly files: readonly ExportDataFile[];
}

/** A manifest that does not match the documented format, or an export this command cannot read. */
export class ExportManifestError extends Error {
  /** @param message - What is wrong, naming the file. */
  constructor(message: string) {
    super(message);
    this.name = 'ExportManifestError';
  }
}

const EXPORT_ID = /\/export\/([A-Za-z0-9-]+)$/;

function field<T>(object: Record<string, unknown>, name: string, type: 'string' | 'number', file: string): T {
  const value = object[name];
  if (typeof value !== type)
    throw new ExportManifestError(`${file}: ${name} must be a ${type}, received ${JSON.stringify(value)}`);
  return value as T;
}

function parseJson(text: string, file: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ExportManifestError(`${file}: not a JSON object: ${JSON.stringify(text.slice(0, 80))}`);
}

/** The data file key relative to the export folder, from the bucket key the manifest gives. */
function relativeKey(dataFileS3Key: string, exportId: string, keyPrefix: string): string {
  const marker = `AWSDynamoDB/${exportId}/`;
  const at = dataFileS3Key.indexOf(marker);
  if (at === -1 || (keyPrefix !== '' && dataFileS3Key.slice(0, at + marker.length) !== keyPrefix)) {
    throw new ExportManifestError(
      `manifest-files.json: data file ${dataFileS3Key} is not in this export's folder ${keyPrefix || marker}`,
    );
  }
  return dataFileS3Key.slice(at + marker.length);
}

/**
 * Reads and checks both manifests: a full export in `DYNAMODB_JSON`, an export id in the ARN, an ISO `exportTime`,
 * an item count; one JSON object per line in the files manifest, each with its key inside this export's folder.
 *
 * @param files - The export folder.
 * @returns The manifest.
 * @throws {@link ExportManifestError} when a manifest is missing or does not match the format.
 */
export async function readExportManifest(files: ExportFiles): Promise<ExportManifest> {
  const summaryText = await readAll(files, 'manifest-summary.json');
  if (summaryText === undefined)
    throw new ExportManifestError(`no manifest-summary.json in ${files.location}: not a finished export folder`);
  const summary = parseJson(summaryText, 'manifest-summary.json');
  const exportArn = field<string>(summary, 'exportArn', 'string', 'manifest-summary.json');
  const exportId = EXPORT_ID.exec(exportArn)?.[1];
  if (exportId === undefined)
    throw new ExportManifestError(`manifest-summary.json: exportArn has no export id: ${exportArn}`);
  const format = summary.outputFormat;
  if (format !== 'DYNAMODB_JSON')
    throw new ExportManifestError(
      `manifest-summary.json: outputFormat must be DYNAMODB_JSON, received ${JSON.stringify(format)}`,
    );
  if (summary.exportType !== undefined && summary.exportType !== 'FULL_EXPORT') {
    throw new ExportManifestError(
      `manifest-summary.json: exportType must be FULL_EXPORT, received ${JSON.stringify(summary.exportType)}`,
    );
  }
  const exportTime = Date.parse(field<string>(summary, 'exportTime', 'string', 'manifest-summary.json'));
  if (!Number.isFinite(exportTime))
    throw new ExportManifestError(
      `manifest-summary.json: exportTime is not a time: ${JSON.stringify(summary.exportTime)}`,
    );
  const filesText = await readAll(files, 'manifest-files.json');
  if (filesText === undefined) throw new ExportManifestError(`no manifest-files.json in ${files.location}`);
  const dataFiles = filesText
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const entry = parseJson(line, `manifest-files.json line ${index + 1}`);
      const where = `manifest-files.json line ${index + 1}`;
      return {
        key: relativeKey(field<string>(entry, 'dataFileS3Key', 'string', where), exportId, files.keyPrefix),
        itemCount: field<number>(entry, 'itemCount', 'number', where),
        md5Checksum: field<string>(entry, 'md5Checksum', 'string', where),
      };
    });
  return {
    exportArn,
    exportId,
    tableArn: field<string>(summary, 'tableArn', 'string', 'manifest-summary.json'),
    exportTimeMicros: exportTime * 1000,
    itemCount: field<number>(summary, 'itemCount', 'number', 'manifest-summary.json'),
    files: dataFiles,
  };
}
