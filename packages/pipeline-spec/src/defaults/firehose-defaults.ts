import type { NumberSetting } from '../types';

/**
 * Amazon Data Firehose: the delivery stream's buffering and its Lambda processor, with the limits
 * Firehose documents. Read by `loadConfig`, the `DeliveryStream` construct, `processorParameters`
 * and the docs test.
 */

/** Firehose's own processor parameter defaults. Declaring one of these values causes a perpetual plan diff. */
export const PROCESSOR_DEFAULTS = { BufferSizeInMBs: 1, BufferIntervalInSeconds: 60, NumberOfRetries: 3 } as const;

/**
 * Defaults and limits of the delivery stream.
 *
 * - `bufferIntervalSeconds`: how long Firehose buffers a partition before writing an object. Minimum 60:
 *   "Zero buffering feature is not available for dynamic partitioning", and intervals below 60 s are the
 *   zero-buffering feature. Objects can arrive 1.5x this late.
 * - `bufferSizeMiB`: object size that triggers a write. Minimum 64 with dynamic partitioning.
 * - `lambdaBufferSizeMB`: data per Lambda invocation; at most 3 MB in, so the response stays under 6 MB.
 * - `lambdaBufferIntervalSeconds`: longest wait before invoking the Lambda.
 * - `numberOfRetries`: retries of a failed invocation (Firehose's default, {@link PROCESSOR_DEFAULTS}).
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/buffering.html
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 * @example
 * ```ts
 * FIREHOSE_DEFAULTS.bufferIntervalSeconds; //=> { default: 60, min: 60, max: 900 }
 * ```
 */
export const FIREHOSE_DEFAULTS = {
  bufferIntervalSeconds: { default: 60, min: 60, max: 900 },
  bufferSizeMiB: { default: 64, min: 64, max: 128 },
  lambdaBufferSizeMB: { default: 3, min: 0.2, max: 3 },
  lambdaBufferIntervalSeconds: { default: 5, min: 0, max: 900 },
  numberOfRetries: { default: PROCESSOR_DEFAULTS.NumberOfRetries, min: 0, max: 300 },
} as const satisfies Record<string, NumberSetting>;

/**
 * The S3 destination's buffering hints as the Firehose API takes them from any delivery stream: `IntervalInSeconds`
 * 0–900 (0 is zero buffering) and `SizeInMBs` 1–128. Dynamic partitioning narrows both ({@link FIREHOSE_DEFAULTS}).
 *
 * @see https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html
 * @example
 * ```ts
 * FIREHOSE_BUFFERING_LIMITS.intervalSeconds; //=> { min: 0, max: 900 }
 * ```
 */
export const FIREHOSE_BUFFERING_LIMITS = {
  intervalSeconds: { min: 0, max: 900 },
  sizeMiB: { min: 1, max: 128 },
} as const;
