import { createHash } from 'node:crypto';
import type { DynamoDBRecord } from 'aws-lambda';
import { sameItem } from './attribute-equality.js';
import { itemSize } from './item-size.js';
import { toWireImage } from './wire-image.js';
import type { AttributeMap } from '../types.js';

/** Where and when a change happened: everything a stream record carries besides the images. */
export interface ChangeContext {
  /** Stream ARN, `arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>`. */
  readonly streamArn: string;
  /** AWS region written into `awsRegion`. */
  readonly region: string;
  /** Names of the table's key attributes (hash key, then range key if any). */
  readonly keyNames: readonly string[];
  /** The record's sequence number: 21+ digits, higher than every earlier record of the item. */
  readonly sequenceNumber: string;
  /** When the write completed, epoch milliseconds. */
  readonly eventTimeMs: number;
}

/** The stream's view type: the pipeline's table keeps both images. */
export const STREAM_VIEW_TYPE = 'NEW_AND_OLD_IMAGES';

/**
 * Classify a write by the item's actual state before and after it, as DynamoDB Streams does.
 *
 * @param before - the item before the write, or `undefined` when it did not exist
 * @param after - the item after the write, or `undefined` when it no longer exists
 * @returns `INSERT`, `MODIFY` or `REMOVE`; `undefined` when the write changed nothing (a failed
 *   condition, a delete of a missing item, a put of identical data), which emits no record
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html
 */
export function classifyChange(
  before: AttributeMap | undefined,
  after: AttributeMap | undefined,
): DynamoDBRecord['eventName'] {
  if (before === undefined) return after === undefined ? undefined : 'INSERT';
  if (after === undefined) return 'REMOVE';
  return sameItem(before, after) ? undefined : 'MODIFY';
}

/**
 * Build the stream record for one write, in the shape EventBridge Pipes delivers to Kinesis
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-dynamodb.html): 32-hex `eventID`,
 * `eventVersion` "1.1", epoch-second `ApproximateCreationDateTime`, both images under `NEW_AND_OLD_IMAGES`
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html).
 *
 * @param before - the item's state read just before the write
 * @param after - the item's state read just after the write
 * @param context - ARN, region, key names, sequence number and write time
 * @returns the record, or `undefined` when the write changed nothing
 * @example
 * ```ts
 * buildStreamRecord(undefined, { order_id: { S: 'ord-1' } }, context)?.eventName; //=> 'INSERT'
 * ```
 */
export function buildStreamRecord(
  before: AttributeMap | undefined,
  after: AttributeMap | undefined,
  context: ChangeContext,
): DynamoDBRecord | undefined {
  const eventName = classifyChange(before, after);
  if (eventName === undefined) return undefined;
  const source = (after ?? before)!;
  const keys: AttributeMap = Object.fromEntries(context.keyNames.map((name) => [name, source[name]!]));
  return {
    eventID: createHash('md5').update(`${context.streamArn}/${context.sequenceNumber}`).digest('hex'),
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: context.region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(context.eventTimeMs / 1000),
      Keys: toWireImage(keys),
      ...(after === undefined ? {} : { NewImage: toWireImage(after) }),
      ...(before === undefined ? {} : { OldImage: toWireImage(before) }),
      SequenceNumber: context.sequenceNumber,
      SizeBytes: itemSize(keys) + itemSize(before) + itemSize(after),
      StreamViewType: STREAM_VIEW_TYPE,
    },
    eventSourceARN: context.streamArn,
  };
}
