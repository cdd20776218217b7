/**
 * openExport: the export a backfill reads (a finished one, or one it starts and awaits), with its manifest checked
 * and every data file verified, and the stream checked against its fence; nothing is written before this succeeds.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { EXPORT_PREFIX } from '@sales/pipeline-spec';
import { posix } from 'node:path';
import type { S3LakeStore } from '../lake/s3-lake-store.js';
import { toFenceMicros } from '../rows/fence.js';
import type { ExportFiles } from '../table/export-files.js';
import { exportFilesAt } from '../table/export-location.js';
import { startExport } from '../table/start-export.js';
import { bucketDefaultKey } from './bucket-default-key.js';
import { openVerifiedExport, type VerifiedExport } from '../table/verified-export.js';
import type { BackfillSource, ResolvedBackfillOptions } from './backfill-options.js';
import { PreconditionError } from '../precondition-error.js';
import { checkPointInTimeRecovery, checkStream, describeTable } from './preconditions.js';

/** What {@link openExport} needs. */
export interface OpenExportInput {
  readonly options: ResolvedBackfillOptions;
  readonly source: Extract<BackfillSource, { kind: 'export' }>;
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  /** The lake, when it is the bucket (where a started export goes). */
  readonly exportLake: S3LakeStore | undefined;
  readonly signal: AbortSignal;
  readonly onProgress: (text: string) => void;
}

async function started(
  input: OpenExportInput,
  tableArn: string,
  capturedSince: number | undefined,
): Promise<ExportFiles | undefined> {
  const { options, dynamodb } = input;
  const exportAt = await checkPointInTimeRecovery(dynamodb, options.table, input.source.exportAtSeconds);
  checkStream(options.table, capturedSince, toFenceMicros(exportAt * 1e6, options.fenceMarginSeconds));
  const lake = input.exportLake;
  if (lake === undefined) throw new PreconditionError('starting an export needs the lake bucket (--lake s3://…)');
  const destination = `s3://${lake.bucket}/${lake.prefix}${EXPORT_PREFIX}`;
  if (options.dryRun) {
    process.stderr.write(
      `would start an export of ${tableArn} as of ${new Date(exportAt * 1000).toISOString()} to ${destination}\n`,
    );
    return undefined;
  }
  const description = await startExport({
    client: dynamodb,
    tableArn,
    exportTimeSeconds: exportAt,
    bucket: lake.bucket,
    prefix: `${lake.prefix}${EXPORT_PREFIX}`,
    kmsKeyId: await bucketDefaultKey(input.s3, lake.bucket),
    signal: input.signal,
    onPoll: (d) => input.onProgress(`backfill: export ${d.ExportStatus ?? ''} (${d.ExportArn ?? ''})`),
  });
  if (description === undefined) return undefined;
  const manifestKey = description.ExportManifest;
  const bucket = description.S3Bucket ?? lake.bucket;
  if (manifestKey === undefined)
    throw new PreconditionError(`export ${description.ExportArn ?? ''} completed without an ExportManifest key`);
  process.stderr.write(
    `export completed: s3://${bucket}/${posix.dirname(manifestKey)}/ (re-run with --export to backfill it again)\n`,
  );
  return exportFilesAt(`s3://${bucket}/${posix.dirname(manifestKey)}/`, input.s3);
}

/**
 * Opens, checks and verifies the export. Every failure is a {@link PreconditionError}: a manifest off the documented
 * format, an export of another table, a stream younger than the fence, a missing or corrupt data file, counts that
 * do not add up.
 *
 * @param input - Options, clients, the lake bucket, signal, progress.
 * @returns The verified export, or `undefined` for a dry run that would start one or an interrupted wait.
 * @throws {@link PreconditionError} when a check fails.
 */
export async function openExport(input: OpenExportInput): Promise<VerifiedExport | undefined> {
  const { options } = input;
  const facts = await describeTable(input.dynamodb, options.table);
  const capturedSince = options.streamSinceMicros ?? facts.streamCreatedMicros;
  const files =
    input.source.exportLocation === undefined
      ? await started(input, facts.tableArn, capturedSince)
      : exportFilesAt(input.source.exportLocation, input.s3);
  if (files === undefined) return undefined;
  return openVerifiedExport({
    files,
    table: options.table,
    fenceMarginSeconds: options.fenceMarginSeconds,
    checkFence: (fenceMicros) => checkStream(options.table, capturedSince, fenceMicros),
    signal: input.signal,
    onProgress: input.onProgress,
  });
}
