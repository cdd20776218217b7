/**
 * transformErrorRecord: one failed record through the current transform, the deployed handler's code path.
 */
import { transformFirehoseEvent } from '@sales/transform';
import { type ErrorRecord, PARTITION_KEYS, type PartitionKey } from '@sales/pipeline-spec';

/** What the current transform makes of one failed record. */
export type ReplayOutcome =
  | { readonly result: 'Ok'; readonly line: Buffer; readonly partition: Readonly<Record<PartitionKey, string>> }
  | { readonly result: 'Dropped' }
  | { readonly result: 'ProcessingFailed'; readonly reason: string; readonly detail: string };

/**
 * Runs one error record's `rawData` through {@link transformFirehoseEvent} in a Firehose-shaped event of one
 * record (its arrival time as `approximateArrivalTimestamp`, as Firehose sent it), so replay and the Lambda
 * cannot disagree. One record per event gives each failure its own reason from the batch summary.
 *
 * @param record - The error record.
 * @param recordId - The record's id in the event (any non-empty string; it is only echoed).
 * @returns The row line and its partition, `Dropped`, or why it still fails.
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 * @example
 * ```ts
 * transformErrorRecord({ rawData: 'bm90IGpzb24=' }, '1'); //=> { result: 'ProcessingFailed', reason: 'not-json', detail: '...' }
 * ```
 */
export function transformErrorRecord(record: ErrorRecord, recordId: string): ReplayOutcome {
  const { result, summary } = transformFirehoseEvent({
    invocationId: `replay-${recordId}`,
    records: [
      record.arrivalTimestamp === undefined
        ? { recordId, data: record.rawData }
        : { recordId, data: record.rawData, approximateArrivalTimestamp: record.arrivalTimestamp },
    ],
  });
  const [answer] = result.records;
  if (answer?.result === 'Ok') {
    const keys = answer.metadata?.partitionKeys ?? {};
    const partition = Object.fromEntries(PARTITION_KEYS.map((key) => [key, keys[key] ?? ''])) as Record<
      PartitionKey,
      string
    >;
    const missing = PARTITION_KEYS.filter((key) => partition[key] === '');
    if (missing.length > 0)
      return {
        result: 'ProcessingFailed',
        reason: 'missing-partition-keys',
        detail: `the transform returned no ${missing.join(', ')}`,
      };
    return { result: 'Ok', line: Buffer.from(answer.data ?? '', 'base64'), partition };
  }
  if (answer?.result === 'Dropped') return { result: 'Dropped' };
  const failure = summary.firstFailures[0];
  return {
    result: 'ProcessingFailed',
    reason: failure?.reason ?? 'unknown',
    detail: failure?.detail ?? 'the transform answered ProcessingFailed',
  };
}
