/**
 * startExport: a point-in-time export of the table to the lake bucket's `exports/` prefix, started idempotently
 * and awaited with progress.
 */
import {
  DescribeExportCommand,
  ExportTableToPointInTimeCommand,
  type DynamoDBClient,
  type ExportDescription,
} from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** Options of {@link startExport}. */
export interface StartExportOptions {
  readonly client: DynamoDBClient;
  readonly tableArn: string;
  /** The point in time, in whole seconds since the epoch. */
  readonly exportTimeSeconds: number;
  readonly bucket: string;
  /** `S3Prefix`, e.g. `exports/`; the export lands in `<prefix>AWSDynamoDB/<ExportId>/`. */
  readonly prefix: string;
  /** `S3SseKmsKeyId`: the bucket's default key. Without it S3 would use the AWS managed key `aws/s3`. */
  readonly kmsKeyId: string;
  /** Stops waiting once aborted (the export itself runs on; a re-run with the same time finds it again). */
  readonly signal: AbortSignal;
  /** Called after each `DescribeExport` poll. @defaultValue - nothing */
  readonly onPoll?: (description: ExportDescription) => void;
  /** Time between polls, in ms. @defaultValue 10000 */
  readonly pollIntervalMs?: number;
}

/** An export that ended in `FAILED`, or a describe without the fields a backfill needs. */
export class ExportFailedError extends Error {
  /** @param message - What happened, with AWS's failure code and message. */
  constructor(message: string) {
    super(message);
    this.name = 'ExportFailedError';
  }
}

/**
 * The `ClientToken` of an export of this table at this time: a re-run within 8 hours gets the same export back
 * instead of starting (and paying for) another one.
 *
 * @param tableArn - The table's ARN.
 * @param exportTimeSeconds - The point in time.
 * @returns 32 hex characters.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExportTableToPointInTime.html (ClientToken)
 */
export function exportClientToken(tableArn: string, exportTimeSeconds: number): string {
  return createHash('sha256').update(`${tableArn}|${exportTimeSeconds}`).digest('hex').slice(0, 32);
}

/**
 * Starts `ExportTableToPointInTime` (`FULL_EXPORT`, `DYNAMODB_JSON`, SSE-KMS with the bucket's default key, named) and polls
 * `DescribeExport` until it is `COMPLETED`.
 *
 * @param options - Table, time, destination, signal, progress.
 * @returns The completed export's description (`S3Bucket`, `S3Prefix`, `ExportArn`, `ItemCount`), or `undefined`
 *   when aborted before it completed.
 * @throws {@link ExportFailedError} when the export fails.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeExport.html
 */
export async function startExport(options: StartExportOptions): Promise<ExportDescription | undefined> {
  const started = await options.client.send(
    new ExportTableToPointInTimeCommand({
      TableArn: options.tableArn,
      ExportTime: new Date(options.exportTimeSeconds * 1000),
      S3Bucket: options.bucket,
      S3Prefix: options.prefix,
      S3SseAlgorithm: 'KMS',
      S3SseKmsKeyId: options.kmsKeyId,
      ExportFormat: 'DYNAMODB_JSON',
      ExportType: 'FULL_EXPORT',
      ClientToken: exportClientToken(options.tableArn, options.exportTimeSeconds),
    }),
  );
  let description = started.ExportDescription;
  const arn = description?.ExportArn;
  if (arn === undefined) throw new ExportFailedError('ExportTableToPointInTime answered without an ExportArn');
  while (description?.ExportStatus === 'IN_PROGRESS' || description === undefined) {
    if (options.signal.aborted) return undefined;
    try {
      await sleep(options.pollIntervalMs ?? 10_000, undefined, { signal: options.signal });
    } catch {
      return undefined;
    }
    description = (await options.client.send(new DescribeExportCommand({ ExportArn: arn }))).ExportDescription;
    if (description !== undefined) options.onPoll?.(description);
  }
  if (description.ExportStatus !== 'COMPLETED') {
    throw new ExportFailedError(
      `export ${arn} ended ${description.ExportStatus ?? 'without a status'}: ${description.FailureCode ?? ''} ${description.FailureMessage ?? ''}`.trim(),
    );
  }
  return description;
}
