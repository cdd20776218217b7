/**
 * readStreamBatch: re-reads a failed batch's records from the DynamoDB stream, while the stream still holds them.
 */
import {
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ResourceNotFoundException,
  TrimmedDataAccessException,
  type DynamoDBStreamsClient,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { StreamBatchInfo } from './dead-letter-message.js';
import { compareSequenceNumbers } from './sequence-number.js';

/** DynamoDB Streams keeps records for 24 hours. */
export const STREAM_RETENTION_MS = 24 * 60 * 60 * 1000;

/** GetRecords returns at most 1,000 records per call. */
const GET_RECORDS_LIMIT = 1000;

/** Consecutive empty GetRecords answers after which the batch's end is taken as not coming. */
const MAX_EMPTY_READS = 5;

/** What reading a batch back gives. */
export type StreamBatch =
  /** Every record of the batch, in stream order. */
  | { readonly kind: 'records'; readonly records: readonly StreamRecord[] }
  /** The stream no longer holds the batch: the fallback is a reconcile with repair. */
  | { readonly kind: 'trimmed'; readonly reason: string }
  /** The stream answered, but not with the batch the message describes: the message is kept. */
  | { readonly kind: 'incomplete'; readonly reason: string };

/**
 * Reads the batch from `startSequenceNumber` (GetShardIterator `AT_SEQUENCE_NUMBER`) with GetRecords until a
 * record is past `endSequenceNumber`, comparing sequence numbers as integers. A batch whose first record is older
 * than the stream's 24-hour retention, or a `TrimmedDataAccessException`, `ExpiredIteratorException` or
 * `ResourceNotFoundException` (stream or shard gone), counts as trimmed. A batch that reads back with a record
 * count other than `batchSize` is incomplete.
 *
 * @param client - The DynamoDB Streams client, in the stream's region.
 * @param info - The batch.
 * @param nowMs - The current time, epoch ms (injected, for tests).
 * @returns The records, or why not.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html
 * @example
 * ```ts
 * const batch = await readStreamBatch(new DynamoDBStreamsClient({ region: 'eu-west-1' }), info, Date.now());
 * if (batch.kind === 'records') console.log(batch.records.length); //=> 100
 * ```
 */
export async function readStreamBatch(
  client: DynamoDBStreamsClient,
  info: StreamBatchInfo,
  nowMs: number,
): Promise<StreamBatch> {
  const ageMs = nowMs - Date.parse(info.approximateArrivalOfFirstRecord);
  if (ageMs >= STREAM_RETENTION_MS) {
    return {
      kind: 'trimmed',
      reason: `its first record arrived ${Math.floor(ageMs / 3_600_000)} h ago, beyond the stream's 24 h retention`,
    };
  }
  try {
    return await readRange(client, info);
  } catch (error) {
    if (
      error instanceof TrimmedDataAccessException ||
      error instanceof ExpiredIteratorException ||
      error instanceof ResourceNotFoundException
    ) {
      return { kind: 'trimmed', reason: `the stream answered ${error.name}: ${error.message}` };
    }
    throw error;
  }
}

async function readRange(client: DynamoDBStreamsClient, info: StreamBatchInfo): Promise<StreamBatch> {
  const { ShardIterator } = await client.send(
    new GetShardIteratorCommand({
      StreamArn: info.streamArn,
      ShardId: info.shardId,
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: info.startSequenceNumber,
    }),
  );
  const records: StreamRecord[] = [];
  let iterator = ShardIterator;
  let emptyReads = 0;
  while (iterator !== undefined && emptyReads < MAX_EMPTY_READS) {
    const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: GET_RECORDS_LIMIT }));
    const pageRecords = page.Records ?? [];
    emptyReads = pageRecords.length === 0 ? emptyReads + 1 : 0;
    for (const record of pageRecords) {
      const sequence = record.dynamodb?.SequenceNumber ?? '0';
      if (compareSequenceNumbers(sequence, info.endSequenceNumber) > 0) return checked(records, info);
      if (compareSequenceNumbers(sequence, info.startSequenceNumber) >= 0) records.push(record);
    }
    if (
      records.length > 0 &&
      compareSequenceNumbers(records.at(-1)?.dynamodb?.SequenceNumber ?? '0', info.endSequenceNumber) === 0
    )
      return checked(records, info);
    iterator = page.NextShardIterator;
  }
  return {
    kind: 'incomplete',
    reason: `the shard ended before sequence number ${info.endSequenceNumber} (read ${records.length} of ${info.batchSize} records)`,
  };
}

/** The records, if they are as many as the batch had. */
function checked(records: StreamRecord[], info: StreamBatchInfo): StreamBatch {
  if (records.length !== info.batchSize) {
    return {
      kind: 'incomplete',
      reason: `read ${records.length} records between the batch's sequence numbers, the message says ${info.batchSize}`,
    };
  }
  return { kind: 'records', records };
}
