/**
 * parseErrorRecord: one line of a Firehose `processing-failed` object to a typed record, or why not.
 */

/**
 * One record Firehose could not process, as it writes it under the error prefix. Only `rawData` is needed to
 * replay; the rest is kept for the operator. Counts and timestamps are numbers in captured objects and strings
 * in the documentation's template, so both are accepted.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation-failure-handling.html
 */
export interface ErrorRecord {
  /** Invocation attempts Firehose made. */
  readonly attemptsMade?: number | undefined;
  /** When the record reached Firehose, epoch ms; the transform's fallback event time, as in the Lambda. */
  readonly arrivalTimestamp?: number | undefined;
  /** e.g. `Lambda.ProcessingFailedStatus` or `Lambda.FunctionError`. */
  readonly errorCode?: string | undefined;
  /** Firehose's message for the failure. */
  readonly errorMessage?: string | undefined;
  /** When Firehose stopped trying, epoch ms. */
  readonly attemptEndingTimestamp?: number | undefined;
  /** The original record's data, base64: what the transform received. */
  readonly rawData: string;
  /** The transform function that failed. */
  readonly lambdaArn?: string | undefined;
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
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation-failure-handling.html
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
