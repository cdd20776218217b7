/**
 * errorOutputTypeOf: which `!{firehose:error-output-type}` folder an object under `errors/` is in, and whether replay
 * can replay it.
 */
import {
  ERROR_PREFIX,
  PARTITIONING_FAILED_PREFIX,
  PROCESSING_FAILED_PREFIX,
  REPLAY_FAILED_PREFIX,
  REPLAYED_PREFIX,
} from '@sales/pipeline-spec';

/**
 * The error output types this delivery stream can write (a Lambda processor, dynamic partitioning with
 * `partitionKeyFromLambda`, an S3 destination, no format conversion), and replay replays both:
 *
 * - `processing-failed`: the transform could not be invoked, threw, or answered `ProcessingFailed`. `rawData` is
 *   the record as Firehose read it from Kinesis; replay runs it through the current transform.
 * - `partitioning-failed`: dynamic partitioning could not evaluate the `Prefix` with the partition keys of a
 *   record (or the stream had more active partitions than its quota). `rawData` is the record Firehose failed to
 *   route: replay accepts the transform's output row (its partition comes from `cdc_event_time`, as the
 *   transform computes it) or the original record (run through the transform).
 *
 * Not written by this stream: `format-conversion-failed` (no record format conversion), and the
 * OpenSearch, Splunk and HTTP endpoint types (other destinations). A failed S3 delivery is retried, not written
 * under `errors/`; what never arrives is found by reconcile (`missing_in_lake`) and mended by `--repair`.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation-failure-handling.html
 * @see https://docs.aws.amazon.com/firehose/latest/dev/dynamic-partitioning-error-handling.html
 * @see https://docs.aws.amazon.com/firehose/latest/dev/retry.html
 */
export const REPLAYABLE_ERROR_OUTPUT_TYPES = ['processing-failed', 'partitioning-failed'] as const;

/** One of {@link REPLAYABLE_ERROR_OUTPUT_TYPES}. */
export type ReplayableErrorOutputType = (typeof REPLAYABLE_ERROR_OUTPUT_TYPES)[number];

/** Where an object under `errors/` belongs. */
export type ErrorObjectKind =
  | { readonly kind: 'error-records'; readonly type: ReplayableErrorOutputType; readonly prefix: string }
  | { readonly kind: 'replay-output' }
  | { readonly kind: 'not-replayable'; readonly type: string };

const PREFIXES: Readonly<Record<ReplayableErrorOutputType, string>> = {
  'processing-failed': PROCESSING_FAILED_PREFIX,
  'partitioning-failed': PARTITIONING_FAILED_PREFIX,
};

/**
 * Classifies an object under `errors/`: error records replay reads, replay's own markers and still-failing lists,
 * or an error output type this stream is not expected to write (reported, never silently skipped).
 *
 * @param key - An object key under `errors/`.
 * @returns The kind, with the error output type.
 * @example
 * ```ts
 * errorOutputTypeOf('errors/partitioning-failed/year=2025/month=01/day=15/x.gz');
 * //=> { kind: 'error-records', type: 'partitioning-failed', prefix: 'errors/partitioning-failed/' }
 * errorOutputTypeOf('errors/replayed/year=2025/month=01/day=15/x.json'); //=> { kind: 'replay-output' }
 * errorOutputTypeOf('errors/format-conversion-failed/x.gz'); //=> { kind: 'not-replayable', type: 'format-conversion-failed' }
 * ```
 */
export function errorOutputTypeOf(key: string): ErrorObjectKind {
  if (key.startsWith(REPLAYED_PREFIX) || key.startsWith(REPLAY_FAILED_PREFIX)) return { kind: 'replay-output' };
  for (const type of REPLAYABLE_ERROR_OUTPUT_TYPES) {
    if (key.startsWith(PREFIXES[type])) return { kind: 'error-records', type, prefix: PREFIXES[type] };
  }
  const rest = key.startsWith(ERROR_PREFIX) ? key.slice(ERROR_PREFIX.length) : key;
  return { kind: 'not-replayable', type: rest.split('/')[0] ?? rest };
}
