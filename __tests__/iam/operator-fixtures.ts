/**
 * Documented response shapes the recorded `sales-lake` runs are answered with: a DynamoDB export in its S3 layout,
 * a Firehose error object, pipe dead-letter messages and their stream records, and Athena answers per query kind.
 * Field shapes follow the API references cited on each; the repository's own fixtures are reused where they fit.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

const LAKE_OPS_EVENTS = join(__dirname, '..', '..', 'packages', 'lake-ops', 'tests', 'events');
const TRANSFORM_EVENTS = join(__dirname, '..', '..', 'packages', 'transform', 'tests', 'events');

/** A fixture of `packages/lake-ops/tests/events/<path>`. */
export const lakeOpsEvent = <T>(path: string): T => JSON.parse(readFileSync(join(LAKE_OPS_EVENTS, path), 'utf8')) as T;

/** The four stream records of the repository's sales fixture, as the pipe writes them. */
export const PIPE_RECORDS = JSON.parse(
  readFileSync(join(TRANSFORM_EVENTS, 'pipe-stream-records-decoded.json'), 'utf8'),
) as Array<Record<string, any>>;

/** A GetObject `Body`: a stream with the SDK's `transformToByteArray`. */
export function objectBody(bytes: Buffer): Readable & { transformToByteArray(): Promise<Uint8Array> } {
  return Object.assign(Readable.from([bytes]), { transformToByteArray: async () => new Uint8Array(bytes) });
}

/** The id of the export the scenarios start or read. */
export const EXPORT_ID = '01767225600000-a1b2c3d4';

/**
 * A full export of one item, as DynamoDB writes it under `<prefix>AWSDynamoDB/<id>/`: `manifest-summary.json`,
 * `manifest-files.json` and one gzipped `data/*.json.gz`, by key.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html
 */
export function exportObjects(bucket: string, tableArn: string, exportTime: Date): Map<string, Buffer> {
  const folder = `exports/AWSDynamoDB/${EXPORT_ID}/`;
  const data = gzipSync(`${JSON.stringify({ Item: { order_id: { S: 'o-000001' }, status: { S: 'PLACED' } } })}\n`);
  const dataKey = `${folder}data/aaaa7ome3s7a5gqn2mu3ogtq.json.gz`;
  const md5 = createHash('md5').update(data);
  const files = JSON.stringify({
    itemCount: 1,
    md5Checksum: md5.copy().digest('base64'),
    etag: `${md5.digest('hex')}-1`,
    dataFileS3Key: dataKey,
  });
  const summary = {
    version: '2020-06-30',
    exportArn: `${tableArn}/export/${EXPORT_ID}`,
    startTime: exportTime.toISOString(),
    endTime: exportTime.toISOString(),
    tableArn,
    tableId: '12345a12-abcd-123a-ab12-1234abc12345',
    exportTime: exportTime.toISOString(),
    s3Bucket: bucket,
    s3Prefix: 'exports/',
    s3SseAlgorithm: 'KMS',
    manifestFilesS3Key: `${folder}manifest-files.json`,
    billedSizeBytes: 0,
    itemCount: 1,
    outputFormat: 'DYNAMODB_JSON',
  };
  return new Map([
    [`${folder}manifest-summary.json`, Buffer.from(JSON.stringify(summary))],
    [`${folder}manifest-files.json`, Buffer.from(`${files}\n`)],
    [dataKey, data],
  ]);
}

/**
 * A Firehose error object under `errors/processing-failed/`: one record the current transform accepts, one it
 * still refuses (not JSON), so replay writes rows, a replay-failed object and a marker.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation-failure-handling.html
 */
export function errorObject(lambdaArn: string): { key: string; body: Buffer } {
  const arrival = (PIPE_RECORDS[0]!.dynamodb.ApproximateCreationDateTime as number) * 1000;
  const line = (rawData: string) =>
    JSON.stringify({
      attemptsMade: 1,
      arrivalTimestamp: arrival,
      errorCode: 'Lambda.ProcessingFailedStatus',
      errorMessage: 'ProcessingFailed status set for record',
      attemptEndingTimestamp: arrival + 60_000,
      rawData,
      lambdaArn: `${lambdaArn}:$LATEST`,
    });
  const lines = [
    Buffer.from(JSON.stringify(PIPE_RECORDS[0])).toString('base64'),
    Buffer.from('not json').toString('base64'),
  ];
  return {
    key: 'errors/processing-failed/year=2025/month=01/day=15/sales-dev-lake-1-2025-01-15-10-30-11-a0000000-0000-4000-8000-000000000001.gz',
    body: gzipSync(`${lines.map(line).join('\n')}\n`),
  };
}

/** The stream record of sequence number `sequence`, as GetRecords returns it through the SDK. */
export function streamRecord(sequence: string, arrival: Date) {
  return {
    eventID: `e-${sequence}`,
    eventName: 'INSERT' as const,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: {
      ApproximateCreationDateTime: arrival,
      Keys: { order_id: { S: 'o-000001' } },
      NewImage: { order_id: { S: 'o-000001' }, status: { S: 'PLACED' } },
      SequenceNumber: sequence,
      SizeBytes: 64,
      StreamViewType: 'NEW_AND_OLD_IMAGES' as const,
    },
  };
}

/**
 * A pipe dead-letter message for a one-record batch of `streamArn`, the repository's fixture with its batch moved.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-error-troubleshooting.html
 */
export function deadLetterMessage(id: string, streamArn: string, sequence: string, arrival: Date) {
  const fixture = lakeOpsEvent<{ Body: string }>('pipes/dead-letter-message-dynamodb-stream.json');
  const body = JSON.parse(fixture.Body) as { DDBStreamBatchInfo: Record<string, unknown> };
  body.DDBStreamBatchInfo = {
    ...body.DDBStreamBatchInfo,
    startSequenceNumber: sequence,
    endSequenceNumber: sequence,
    approximateArrivalOfFirstRecord: arrival.toISOString(),
    approximateArrivalOfLastRecord: arrival.toISOString(),
    batchSize: 1,
    streamArn,
  };
  return { ...fixture, MessageId: id, ReceiptHandle: `receipt-${id}`, Body: JSON.stringify(body) };
}

/** A GetQueryResults page: the header row, then the rows. @see https://docs.aws.amazon.com/athena/latest/APIReference/API_GetQueryResults.html */
export function queryResults(columns: readonly string[], rows: readonly (readonly string[])[]) {
  const row = (values: readonly string[]) => ({ Data: values.map((value) => ({ VarCharValue: value })) });
  return {
    UpdateCount: 0,
    ResultSet: {
      Rows: [row(columns), ...rows.map(row)],
      ResultSetMetadata: { ColumnInfo: columns.map((Name) => ({ Name, Label: Name, Type: 'varchar' })) },
    },
  };
}

/**
 * What Athena answers reconcile's and merge's queries with, by the columns each asks for: the merge log's window, the
 * column names, a bucket that differs, and one key the lake has and the table does not (so the re-check and
 * `--repair` run too).
 */
export function athenaAnswer(sql: string) {
  // The merge log's window (mergeWindowQuery): a merge succeeded before, so the run reads a window.
  if (sql.includes('"window_start"'))
    return queryResults(['year', 'month', 'day', 'hour'], [['2026', '12', '06', '08']]);
  if (/\bAS name\b|DISTINCT name/.test(sql)) return queryResults(['name'], [['order_id'], ['status']]);
  if (sql.includes('AS checksum'))
    return queryResults(['side', 'bucket', 'keys', 'checksum'], [['lake', '7', '1', '42']]);
  return queryResults(['order_id', 'kind', 'columns'], [['o-999999', 'extra_in_lake', '']]);
}
