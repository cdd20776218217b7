import type { FirehoseTransformationEvent } from 'aws-lambda';
import type { KinesisRecord } from '../types.js';

/** A Kinesis record on its way through Firehose; `copy` > 0 marks an at-least-once re-delivery. */
export interface InFlightRecord {
  /** The record as read from Kinesis. */
  readonly source: KinesisRecord;
  /** 0 for the first delivery, 1 for a re-delivered copy. */
  readonly copy: number;
}

/** Identity of the delivery stream, written into every event. */
export interface FirehoseIdentity {
  /** `arn:aws:firehose:<region>:<account>:deliverystream/<name>` */
  readonly deliveryStreamArn: string;
  /** `arn:aws:kinesis:<region>:<account>:stream/<name>` */
  readonly sourceKinesisStreamArn: string;
  /** Region of the delivery stream. */
  readonly region: string;
}

/**
 * The `recordId` Firehose gives a record: opaque to the Lambda; here the Kinesis sequence number
 * plus the delivery attempt, so a re-delivered copy gets a new id.
 *
 * @param record - the record in flight
 * @returns its id, unique within the run
 */
export const recordIdOf = (record: InFlightRecord): string =>
  `${record.source.sequenceNumber}${String(record.copy).padStart(6, '0')}`;

/**
 * Build the event Firehose sends the transformation Lambda for a Kinesis-stream source
 * (https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html): epoch-ms timestamps, base64 data,
 * `kinesisRecordMetadata` per record.
 *
 * @param records - the batch released by the processing buffer
 * @param identity - ARNs and region
 * @param invocationId - unique id of this invocation
 * @returns the event
 */
export function buildFirehoseEvent(
  records: readonly InFlightRecord[],
  identity: FirehoseIdentity,
  invocationId: string,
): FirehoseTransformationEvent {
  return {
    invocationId,
    deliveryStreamArn: identity.deliveryStreamArn,
    sourceKinesisStreamArn: identity.sourceKinesisStreamArn,
    region: identity.region,
    records: records.map((record) => ({
      recordId: recordIdOf(record),
      approximateArrivalTimestamp: record.source.approximateArrivalTimestamp,
      data: record.source.data.toString('base64'),
      kinesisRecordMetadata: {
        shardId: record.source.shardId,
        partitionKey: record.source.partitionKey,
        approximateArrivalTimestamp: record.source.approximateArrivalTimestamp,
        sequenceNumber: record.source.sequenceNumber,
        // A number on the wire (captured events), although @types/aws-lambda says string.
        subsequenceNumber: 0 as unknown as string,
      },
    })),
  };
}
