/**
 * Firehose's error-record format, written once: one JSON line per record Firehose could not deliver, in the objects
 * it writes under the error prefix (`errors/processing-failed/`, `errors/partitioning-failed/`). The local pipeline
 * writes it ({@link formatErrorRecord}) and `sales-lake replay` reads it ({@link parseErrorRecord}).
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation-failure-handling.html
 * @see https://docs.aws.amazon.com/firehose/latest/dev/dynamic-partitioning-error-handling.html
 */

/**
 * One error record as Firehose writes it. Field order and value types follow an object captured from S3 (numbers
 * for counts and timestamps); the Lambda ARN key is spelled `lambdaArn` as in the documentation.
 */
export interface FirehoseErrorRecord {
  /** Invocation requests attempted for the record. */
  readonly attemptsMade: number;
  /** When Firehose received the record, epoch ms; the transform's fallback event time, as in the Lambda. */
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

/**
 * An error record as read back: `rawData`, the one field replay needs, and the others when the line has them (counts
 * and timestamps are numbers in captured objects and strings in the documentation's template; both are read).
 */
export type ErrorRecord = Pick<FirehoseErrorRecord, 'rawData'> & {
  readonly [K in Exclude<keyof FirehoseErrorRecord, 'rawData'>]?: FirehoseErrorRecord[K] | undefined;
};

/** Error code and message Firehose writes for a record the Lambda answered with `ProcessingFailed`. */
export const PROCESSING_FAILED_STATUS = {
  errorCode: 'Lambda.ProcessingFailedStatus',
  errorMessage: 'ProcessingFailed status set for record',
} as const;

/**
 * Serialises an error record as one newline-terminated JSON line, in the documented key order.
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
export function formatErrorRecord(record: FirehoseErrorRecord): string {
  const { attemptsMade, arrivalTimestamp, errorCode, errorMessage, attemptEndingTimestamp, rawData, lambdaArn } =
    record;
  return `${JSON.stringify({ attemptsMade, arrivalTimestamp, errorCode, errorMessage, attemptEndingTimestamp, rawData, lambdaArn })}\n`;
}

/** A line that is not an error record: why, for the operator. */
export interface MalformedErrorRecord {
  readonly ok: false;
  /** Always `malformed-error-record`: the line cannot be replayed at all. */
  readonly reason: 'malformed-error-record';
  /** What is wrong with the line. */
  readonly detail: string;
}

/** What {@link parseErrorRecord} returns. */
export type ParsedErrorRecord = { readonly ok: true; readonly value: ErrorRecord } | MalformedErrorRecord;

const malformed = (detail: string): MalformedErrorRecord => ({ ok: false, reason: 'malformed-error-record', detail });

/** A number, or a string of digits (the documented template quotes every value). */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

const toText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Parses one line of an error object. A line that is not a JSON object with a string `rawData` is malformed:
 * it cannot be replayed and is reported, never dropped.
 *
 * @param line - One line, without its newline.
 * @returns The record, or why the line is not one.
 * @example
 * ```ts
 * parseErrorRecord('{"attemptsMade":1,"arrivalTimestamp":1736936000000,"rawData":"eyJ9"}');
 * //=> { ok: true, value: { attemptsMade: 1, arrivalTimestamp: 1736936000000, rawData: 'eyJ9', ... } }
 * parseErrorRecord('oops'); //=> { ok: false, reason: 'malformed-error-record', detail: 'the line is not JSON: ...' }
 * ```
 */
export function parseErrorRecord(line: string): ParsedErrorRecord {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return malformed(`the line is not JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return malformed('the line is not a JSON object');
  const fields = json as Record<string, unknown>;
  if (typeof fields.rawData !== 'string')
    return malformed('the line has no string "rawData", so there is nothing to replay');
  return {
    ok: true,
    value: {
      attemptsMade: toNumber(fields.attemptsMade),
      arrivalTimestamp: toNumber(fields.arrivalTimestamp),
      errorCode: toText(fields.errorCode),
      errorMessage: toText(fields.errorMessage),
      attemptEndingTimestamp: toNumber(fields.attemptEndingTimestamp),
      rawData: fields.rawData,
      lambdaArn: toText(fields.lambdaArn),
    },
  };
}
