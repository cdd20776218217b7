/**
 * One line of a `processing-failed` object: Firehose's error-record format for records the
 * transform Lambda could not process
 * (https://docs.aws.amazon.com/firehose/latest/dev/data-transformation-failure-handling.html).
 *
 * Field order and value types follow an object captured from S3 (numbers for counts and
 * timestamps); the Lambda ARN key is spelled `lambdaArn` as in the documentation.
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation-failure-handling.html
 */
export interface ProcessingFailedRecord {
  /** Invocation requests attempted for the record. */
  readonly attemptsMade: number;
  /** When Firehose received the record, epoch ms. */
  readonly arrivalTimestamp: number;
  /** e.g. `Lambda.ProcessingFailedStatus`, or `Lambda.FunctionError` after the invocation kept failing. */
  readonly errorCode: string;
  /** Human-readable cause. */
  readonly errorMessage: string;
  /** When Firehose stopped attempting invocations, epoch ms. */
  readonly attemptEndingTimestamp: number;
  /** The record's original data, base64: what went into the Lambda, for replay. */
  readonly rawData: string;
  /** The transform function's ARN. */
  readonly lambdaArn: string;
}

/** Error code and message Firehose writes for a record the Lambda answered with `ProcessingFailed`. */
export const PROCESSING_FAILED_STATUS = {
  errorCode: 'Lambda.ProcessingFailedStatus',
  errorMessage: 'ProcessingFailed status set for record',
} as const;

/**
 * Serialise an error record as one newline-terminated JSON line.
 *
 * @param record - the error record
 * @returns `JSON.stringify(record) + "\n"` with the documented key order
 * @example
 * ```ts
 * formatErrorRecord({ attemptsMade: 1, arrivalTimestamp: 1, ...PROCESSING_FAILED_STATUS,
 *   attemptEndingTimestamp: 2, rawData: 'eA==', lambdaArn: 'arn:aws:lambda:...' });
 * //=> '{"attemptsMade":1,"arrivalTimestamp":1,"errorCode":"Lambda.ProcessingFailedStatus",...}\n'
 * ```
 */
export function formatErrorRecord(record: ProcessingFailedRecord): string {
  const { attemptsMade, arrivalTimestamp, errorCode, errorMessage, attemptEndingTimestamp, rawData, lambdaArn } =
    record;
  return `${JSON.stringify({ attemptsMade, arrivalTimestamp, errorCode, errorMessage, attemptEndingTimestamp, rawData, lambdaArn })}\n`;
}
