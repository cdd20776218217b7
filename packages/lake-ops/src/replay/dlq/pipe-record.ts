/**
 * toPipeRecord: a record as GetRecords returns it (through the SDK) to the JSON the pipe writes to Kinesis.
 */
import type { AttributeValue, _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { PIPE_PARTITION_KEY } from '@sales/pipeline-spec';

/** An attribute value in DynamoDB's wire JSON: `B` and `BS` as base64, `N` as a string. */
type WireAttributeValue = Record<string, unknown>;

/** One attribute value from the SDK's types back to wire JSON (the SDK decodes `B` to bytes). */
function toWire(value: AttributeValue): WireAttributeValue {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((bytes) => Buffer.from(bytes).toString('base64')) };
  if (value.M !== undefined) return { M: toWireMap(value.M) };
  if (value.L !== undefined) return { L: value.L.map(toWire) };
  if (value.$unknown !== undefined) return { [value.$unknown[0]]: value.$unknown[1] };
  return { ...value } as WireAttributeValue;
}

function toWireMap(map: Record<string, AttributeValue> | undefined): Record<string, WireAttributeValue> | undefined {
  if (map === undefined) return undefined;
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, toWire(value)]));
}

/**
 * The stream record as the pipe delivers it (the Lambda/Pipes event shape, without an input transformer):
 * `ApproximateCreationDateTime` in epoch seconds, binary values in base64, `userIdentity` with lower-case
 * `type`/`principalId`, and `eventSourceARN` (which GetRecords does not return) set to the stream's ARN. The keys
 * come in the order the pipe writes them.
 *
 * @param record - A record from GetRecords.
 * @param streamArn - The DynamoDB stream's ARN.
 * @returns The JSON object the pipe puts into the Kinesis record's data.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-dynamodb.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html
 * @example
 * ```ts
 * toPipeRecord({ eventID: 'e1', eventName: 'INSERT', dynamodb: { ApproximateCreationDateTime: new Date(1736937011000), ... } }, arn);
 * //=> { eventID: 'e1', eventName: 'INSERT', dynamodb: { ApproximateCreationDateTime: 1736937011, ... }, eventSourceARN: arn }
 * ```
 */
export function toPipeRecord(record: StreamRecord, streamArn: string): Record<string, unknown> {
  const ddb = record.dynamodb ?? {};
  const created = ddb.ApproximateCreationDateTime;
  const dynamodb = {
    ApproximateCreationDateTime: created === undefined ? undefined : Math.floor(created.getTime() / 1000),
    Keys: toWireMap(ddb.Keys),
    NewImage: toWireMap(ddb.NewImage),
    OldImage: toWireMap(ddb.OldImage),
    SequenceNumber: ddb.SequenceNumber,
    SizeBytes: ddb.SizeBytes,
    StreamViewType: ddb.StreamViewType,
  };
  const identity = record.userIdentity;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    dynamodb,
    eventSourceARN: streamArn,
    userIdentity: identity === undefined ? undefined : { type: identity.Type, principalId: identity.PrincipalId },
  };
}

/**
 * The Kinesis partition key the pipe gives a record: its target parameter is a JSON path (`$.a.b.c`) into the
 * record, {@link PIPE_PARTITION_KEY} (the order id).
 *
 * @param pipeRecord - The record as {@link toPipeRecord} returns it.
 * @param path - The pipe's partition key path. @defaultValue PIPE_PARTITION_KEY
 * @returns The key.
 * @throws Error when the path does not lead to a non-empty string.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-target.html
 * @example
 * ```ts
 * pipePartitionKey({ dynamodb: { Keys: { order_id: { S: 'ord-1' } } } }); //=> 'ord-1'
 * ```
 */
export function pipePartitionKey(pipeRecord: Record<string, unknown>, path: string = PIPE_PARTITION_KEY): string {
  if (!path.startsWith('$.'))
    throw new Error(`the pipe's partition key must be a JSON path starting "$.", received "${path}"`);
  let value: unknown = pipeRecord;
  for (const step of path.slice(2).split('.'))
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[step] : undefined;
  if (typeof value !== 'string' || value === '')
    throw new Error(`the record has no string at ${path}, so it has no partition key`);
  return value;
}
