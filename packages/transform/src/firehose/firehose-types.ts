/**
 * Firehose data-transformation types, declared here so the package has no dependency on
 * `@types/aws-lambda`; they are structurally compatible with its `FirehoseTransformation*`
 * types, and tolerate what real events carry (`subsequenceNumber` is a number on the wire). Optional
 * members also accept `undefined`, so a consumer compiling with `exactOptionalPropertyTypes` can pass the
 * `aws-lambda` event types straight in.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 */

/** One record of a Firehose transformation event. */
export interface FirehoseTransformationEventRecord {
  /** Opaque id; echoed back byte for byte. */
  readonly recordId: string;
  /** Arrival time in Firehose (or Kinesis), epoch ms. */
  readonly approximateArrivalTimestamp?: number | undefined;
  /** The record, base64-encoded. */
  readonly data: string;
  /** Present when the source is a Kinesis data stream. */
  readonly kinesisRecordMetadata?:
    | {
        readonly shardId?: string | undefined;
        readonly partitionKey?: string | undefined;
        readonly approximateArrivalTimestamp?: number | string | undefined;
        readonly sequenceNumber?: string | undefined;
        readonly subsequenceNumber?: number | string | undefined;
      }
    | undefined;
}

/** The event Firehose sends to the transformation Lambda. */
export interface FirehoseTransformationEvent {
  /** Id of this invocation; the handler logs it with the batch summary. */
  readonly invocationId?: string | undefined;
  /** ARN of the Firehose stream that invoked the function. */
  readonly deliveryStreamArn?: string | undefined;
  /** ARN of the source Kinesis data stream, when the Firehose stream reads from one. */
  readonly sourceKinesisStreamArn?: string | undefined;
  /** AWS Region of the Firehose stream, e.g. `eu-west-1`. */
  readonly region?: string | undefined;
  /** The records to transform; each must be answered, by `recordId`. */
  readonly records: readonly FirehoseTransformationEventRecord[];
}

/** Per-record outcome: `Ok` and `Dropped` count as success, `ProcessingFailed` goes to the error prefix. */
export type FirehoseRecordTransformationStatus = 'Ok' | 'Dropped' | 'ProcessingFailed';

/** One record of the Lambda's response. */
export interface FirehoseTransformationResultRecord {
  /** The input record's id. */
  recordId: string;
  /** The outcome. */
  result: FirehoseRecordTransformationStatus;
  /** Base64 output (`Ok`), or the original data (`ProcessingFailed`). */
  data: string;
  /** Dynamic-partitioning keys, on `Ok` records. */
  metadata?: { partitionKeys: { [key: string]: string } };
}

/** The Lambda's response: exactly one record per input `recordId`, in input order. */
export interface FirehoseTransformationResult {
  /** One outcome per input record, with the same `recordId`s in the same order. */
  records: FirehoseTransformationResultRecord[];
}
