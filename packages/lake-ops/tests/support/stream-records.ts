/**
 * The repository's Pipe-delivered stream records, and the same records as GetRecords returns them through the
 * SDK (dates as `Date`, binary as bytes, `userIdentity` capitalised, no `eventSourceARN`), for the mocks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { _Record as StreamRecord, AttributeValue, StreamViewType } from '@aws-sdk/client-dynamodb-streams';
import type { Message } from '@aws-sdk/client-sqs';

/** A record as the pipe wrote it into Kinesis (the repository's decoded fixture). */
export type PipeRecordJson = Record<string, unknown> & { dynamodb: Record<string, unknown> };

/** The four records of the sales fixture, as the pipe delivers them. */
export const PIPE_RECORDS = JSON.parse(
  readFileSync(
    join(__dirname, '..', '..', '..', 'transform', 'tests', 'events', 'pipe-stream-records-decoded.json'),
    'utf8',
  ),
) as PipeRecordJson[];

/** The dead-letter message for a batch of those four records. */
export const DEAD_LETTER_MESSAGE = JSON.parse(
  readFileSync(join(__dirname, '..', 'events', 'pipes', 'dead-letter-message-dynamodb-stream.json'), 'utf8'),
) as Message;

function toSdkValue(value: Record<string, unknown>): AttributeValue {
  if (typeof value.B === 'string') return { B: new Uint8Array(Buffer.from(value.B, 'base64')) };
  if (Array.isArray(value.BS))
    return { BS: (value.BS as string[]).map((item) => new Uint8Array(Buffer.from(item, 'base64'))) };
  if (value.M !== undefined) return { M: toSdkMap(value.M as Record<string, Record<string, unknown>>)! };
  if (Array.isArray(value.L)) return { L: (value.L as Record<string, unknown>[]).map(toSdkValue) };
  return value as unknown as AttributeValue;
}

function toSdkMap(
  map: Record<string, Record<string, unknown>> | undefined,
): Record<string, AttributeValue> | undefined {
  return map === undefined
    ? undefined
    : Object.fromEntries(Object.entries(map).map(([name, value]) => [name, toSdkValue(value)]));
}

/**
 * A Pipe-delivered record as the SDK's GetRecords output holds it.
 *
 * @param record - The record as the pipe wrote it.
 * @returns The SDK record.
 */
export function toSdkRecord(record: PipeRecordJson): StreamRecord {
  const ddb = record.dynamodb;
  const identity = record.userIdentity as { type: string; principalId: string } | undefined;
  return {
    eventID: record.eventID as string,
    eventName: record.eventName as StreamRecord['eventName'],
    eventVersion: record.eventVersion as string,
    eventSource: record.eventSource as string,
    awsRegion: record.awsRegion as string,
    dynamodb: {
      ApproximateCreationDateTime: new Date((ddb.ApproximateCreationDateTime as number) * 1000),
      Keys: toSdkMap(ddb.Keys as Record<string, Record<string, unknown>>),
      NewImage: toSdkMap(ddb.NewImage as Record<string, Record<string, unknown>> | undefined),
      OldImage: toSdkMap(ddb.OldImage as Record<string, Record<string, unknown>> | undefined),
      SequenceNumber: ddb.SequenceNumber as string,
      SizeBytes: ddb.SizeBytes as number,
      StreamViewType: ddb.StreamViewType as StreamViewType,
    },
    ...(identity === undefined ? {} : { userIdentity: { Type: identity.type, PrincipalId: identity.principalId } }),
  };
}
