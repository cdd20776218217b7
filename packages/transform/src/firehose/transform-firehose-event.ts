import { MAX_FAILURE_EXAMPLES, type BatchSummary, type FailureExample } from './batch-summary.js';
import { InvalidFirehoseEventError } from './errors.js';
import type {
  FirehoseTransformationEvent,
  FirehoseTransformationResult,
  FirehoseTransformationResultRecord,
} from './firehose-types.js';
import { describeValue, fail, type FailureReason, type Parsed } from '../shared/parsed.js';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  failedRecordBytes,
  okRecordBytes,
  RESPONSE_WRAPPER_BYTES,
} from './response-size.js';
import { transformRecord, type TransformedRecord } from './transform-record.js';
import type { RowSchema } from '../schema/row-schema.js';

/** What {@link transformFirehoseEvent} returns. */
export interface TransformOutput {
  /** The Lambda response for Firehose. */
  readonly result: FirehoseTransformationResult;
  /** One structured summary of the batch, for logging. */
  readonly summary: BatchSummary;
}

/** Options for {@link transformFirehoseEvent}. */
export interface TransformOptions {
  /**
   * Ceiling for the serialized response, in bytes. If the `Ok` answers would exceed it (only
   * batches of unusually small records expand that much), records whose row is larger than
   * their original data are answered `ProcessingFailed` (`response-too-large`) with the
   * original data instead, from the end of the batch, until the response fits.
   * @defaultValue 6000000 (Lambda's synchronous response limit is 6 MB)
   */
  readonly maxResponseBytes?: number;
  /**
   * The declared table schema rows must conform to, from {@link createRowSchema}: a value a
   * declared column cannot take exactly is `null` there and kept in `cdc_rejected`; undeclared
   * columns are strings. The summary counts rejected values.
   * @defaultValue - natural JSON rows, as in 0.1 (no `cdc_rejected` column)
   */
  readonly schema?: RowSchema;
}

/** Characters JSON.stringify escapes; Firehose record ids (digits) never contain them. */
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

interface InputRecord {
  readonly recordId: string;
  /** Length of the record id written as JSON (with quotes and escapes). */
  readonly idJsonLength: number;
  readonly data: unknown;
  readonly echo: string;
  readonly arrivalMs: number | undefined;
}

function readRecords(event: unknown): InputRecord[] {
  if (typeof event !== 'object' || event === null) {
    throw new InvalidFirehoseEventError(
      `event must be a Firehose transformation event object, received ${describeValue(event)}`,
    );
  }
  const records: unknown = (event as { records?: unknown }).records;
  if (!Array.isArray(records))
    throw new InvalidFirehoseEventError(`event.records must be an array, received ${describeValue(records)}`);
  return records.map((record: unknown, index) => {
    const { recordId, data, approximateArrivalTimestamp } = (
      typeof record === 'object' && record !== null ? record : {}
    ) as Record<string, unknown>;
    if (typeof recordId !== 'string' || recordId === '') {
      throw new InvalidFirehoseEventError(
        `records[${index}].recordId must be a non-empty string, received ${describeValue(recordId)}; without it the record cannot be answered`,
      );
    }
    const arrivalMs = typeof approximateArrivalTimestamp === 'number' ? approximateArrivalTimestamp : undefined;
    return {
      recordId,
      idJsonLength: NEEDS_ESCAPE.test(recordId) ? JSON.stringify(recordId).length : recordId.length + 2,
      data,
      echo: typeof data === 'string' ? data : '',
      arrivalMs,
    };
  });
}

/**
 * Transform a Firehose event of DynamoDB change records into the Lambda response: for every
 * input record, in order, exactly one output with the same `recordId`; `Ok` with the row as a
 * base64 JSON line and `metadata.partitionKeys` `{ year, month, day, hour }` (UTC of the event
 * time), or `ProcessingFailed` with the original `data` (Firehose writes it to the error prefix,
 * so nothing is lost). Pure and synchronous: no I/O, no clock, no randomness.
 *
 * @param event - the Firehose transformation event
 * @param options - see {@link TransformOptions}
 * @returns the response and a summary of the batch
 * @throws InvalidFirehoseEventError only when the event has no `records` array or a record
 *   has no `recordId` (there is nothing to answer); all other bad input is per-record
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation-status-model.html
 * @example
 * ```ts
 * const { result, summary } = transformFirehoseEvent(event);
 * console.log(summary.ok, summary.processingFailed); //=> 4 0
 * ```
 */
export function transformFirehoseEvent(
  event: FirehoseTransformationEvent,
  options: TransformOptions = {},
): TransformOutput {
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const inputs = readRecords(event);
  const schema = options.schema;
  const outcomes: Parsed<TransformedRecord>[] = inputs.map((input) =>
    transformRecord(input.data, input.arrivalMs, schema),
  );
  fitResponse(inputs, outcomes, maxResponseBytes);
  const output: FirehoseTransformationResultRecord[] = [];
  const failuresByReason: Partial<Record<FailureReason, number>> = {};
  const firstFailures: FailureExample[] = [];
  let ok = 0;
  let rejectedValues = 0;
  let rowsWithRejectedValues = 0;
  let inputDataBytes = 0;
  let outputDataBytes = 0;
  inputs.forEach(({ recordId, echo }, index) => {
    const outcome = outcomes[index] as Parsed<TransformedRecord>;
    inputDataBytes += echo.length;
    if (outcome.ok) {
      ok++;
      outputDataBytes += outcome.value.data.length;
      if (outcome.value.rejectedValues > 0) {
        rejectedValues += outcome.value.rejectedValues;
        rowsWithRejectedValues++;
      }
      output.push({
        recordId,
        result: 'Ok',
        data: outcome.value.data,
        metadata: { partitionKeys: outcome.value.partitionKeys },
      });
      return;
    }
    outputDataBytes += echo.length;
    output.push({ recordId, result: 'ProcessingFailed', data: echo });
    failuresByReason[outcome.reason] = (failuresByReason[outcome.reason] ?? 0) + 1;
    if (firstFailures.length < MAX_FAILURE_EXAMPLES)
      firstFailures.push({ recordId, reason: outcome.reason, detail: outcome.detail.slice(0, 300) });
  });
  const processingFailed = inputs.length - ok;
  const summary: BatchSummary = {
    level: processingFailed > 0 ? 'WARN' : 'INFO',
    message: 'transformed Firehose batch',
    invocationId: typeof event.invocationId === 'string' ? event.invocationId : null,
    records: inputs.length,
    ok,
    processingFailed,
    inputDataBytes,
    outputDataBytes,
    rejectedValues,
    rowsWithRejectedValues,
    failuresByReason,
    firstFailures,
  };
  return { result: { records: output }, summary };
}

/**
 * Keep the serialized response within `maxResponseBytes`: while it is too large, answer the last
 * remaining record whose row is larger than its original data `ProcessingFailed` instead.
 */
function fitResponse(
  inputs: readonly InputRecord[],
  outcomes: Parsed<TransformedRecord>[],
  maxResponseBytes: number,
): void {
  const size = (index: number): number => {
    const input = inputs[index] as InputRecord;
    const outcome = outcomes[index] as Parsed<TransformedRecord>;
    return outcome.ok
      ? okRecordBytes(input.idJsonLength, outcome.value.data)
      : failedRecordBytes(input.idJsonLength, input.echo);
  };
  let bytes = RESPONSE_WRAPPER_BYTES + Math.max(0, inputs.length - 1);
  for (let i = 0; i < inputs.length; i++) bytes += size(i);
  for (let i = inputs.length - 1; i >= 0 && bytes > maxResponseBytes; i--) {
    const input = inputs[i] as InputRecord;
    const before = size(i);
    if (!(outcomes[i] as Parsed<TransformedRecord>).ok || failedRecordBytes(input.idJsonLength, input.echo) >= before)
      continue;
    outcomes[i] = fail(
      'response-too-large',
      `answering this record Ok would make the response larger than ${maxResponseBytes} bytes; lower the Lambda processing buffer size`,
    );
    bytes += size(i) - before;
  }
}
