import { MAX_FAILURE_EXAMPLES, type BatchSummary, type FailureExample } from './batch-summary.js';
import { InvalidFirehoseEventError } from './errors.js';
import type { FirehoseTransformationEvent, FirehoseTransformationResult, FirehoseTransformationResultRecord } from './firehose-types.js';
import { describeValue, type FailureReason } from './parsed.js';
import { transformRecord } from './transform-record.js';

/** What {@link transformFirehoseEvent} returns. */
export interface TransformOutput {
  /** The Lambda response for Firehose. */
  readonly result: FirehoseTransformationResult;
  /** One structured summary of the batch, for logging. */
  readonly summary: BatchSummary;
}

function recordIdOf(record: unknown, index: number): string {
  const id = typeof record === 'object' && record !== null ? (record as { recordId?: unknown }).recordId : undefined;
  if (typeof id !== 'string' || id === '') {
    throw new InvalidFirehoseEventError(`records[${index}].recordId must be a non-empty string, received ${describeValue(id)}; without it the record cannot be answered`);
  }
  return id;
}

/**
 * Transform a Firehose event of DynamoDB change records into the Lambda response: for every
 * input record, in order, exactly one output with the same `recordId`; `Ok` with the row as a
 * base64 JSON line and `metadata.partitionKeys` `{ year, month, day, hour }` (UTC of the event
 * time), or `ProcessingFailed` with the original `data` (Firehose writes it to the error prefix,
 * so nothing is lost). Pure and synchronous: no I/O, no clock, no randomness.
 *
 * @param event - the Firehose transformation event
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
export function transformFirehoseEvent(event: FirehoseTransformationEvent): TransformOutput {
  const records: unknown = (event as { records?: unknown } | null | undefined)?.records;
  if (!Array.isArray(records)) {
    throw new InvalidFirehoseEventError(`event.records must be an array, received ${describeValue(records)}`);
  }
  const output: FirehoseTransformationResultRecord[] = [];
  const failuresByReason: Partial<Record<FailureReason, number>> = {};
  const firstFailures: FailureExample[] = [];
  let ok = 0;
  let inputDataBytes = 0;
  let outputDataBytes = 0;
  records.forEach((record: unknown, index) => {
    const recordId = recordIdOf(record, index);
    const { data, approximateArrivalTimestamp } = record as { data?: unknown; approximateArrivalTimestamp?: unknown };
    if (typeof data === 'string') inputDataBytes += data.length;
    const fallback = typeof approximateArrivalTimestamp === 'number' ? approximateArrivalTimestamp : undefined;
    const transformed = transformRecord(data, fallback);
    if (transformed.ok) {
      ok++;
      outputDataBytes += transformed.value.data.length;
      output.push({ recordId, result: 'Ok', data: transformed.value.data, metadata: { partitionKeys: transformed.value.partitionKeys } });
      return;
    }
    const original = typeof data === 'string' ? data : '';
    outputDataBytes += original.length;
    output.push({ recordId, result: 'ProcessingFailed', data: original });
    failuresByReason[transformed.reason] = (failuresByReason[transformed.reason] ?? 0) + 1;
    if (firstFailures.length < MAX_FAILURE_EXAMPLES) {
      firstFailures.push({ recordId, reason: transformed.reason, detail: transformed.detail.slice(0, 300) });
    }
  });
  const processingFailed = records.length - ok;
  const summary: BatchSummary = {
    level: processingFailed > 0 ? 'WARN' : 'INFO',
    message: 'transformed Firehose batch',
    invocationId: typeof event.invocationId === 'string' ? event.invocationId : null,
    records: records.length,
    ok,
    processingFailed,
    inputDataBytes,
    outputDataBytes,
    failuresByReason,
    firstFailures,
  };
  return { result: { records: output }, summary };
}
