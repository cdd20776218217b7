import type { NumberSetting } from '../types';

/**
 * Amazon Data Firehose: its processor parameter defaults, the retries of the Lambda processor and the API's
 * buffering ranges. The delivery stream's settings (buffering, processor buffer) are rows of the registry.
 */

/** Firehose's own processor parameter defaults. Declaring one of these values causes a perpetual plan diff. */
export const PROCESSOR_DEFAULTS = { BufferSizeInMBs: 1, BufferIntervalInSeconds: 60, NumberOfRetries: 3 } as const;

/**
 * The retries of the transform Lambda's invocations: a construct prop, not a setting (the settings of the delivery
 * stream are in the registry, `SETTINGS`). Firehose's own default, {@link PROCESSOR_DEFAULTS}, is the default.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 * @example
 * ```ts
 * FIREHOSE_DEFAULTS.numberOfRetries; //=> { default: 3, min: 0, max: 300 }
 * ```
 */
export const FIREHOSE_DEFAULTS = {
  numberOfRetries: { default: PROCESSOR_DEFAULTS.NumberOfRetries, min: 0, max: 300 },
} as const satisfies Record<string, NumberSetting>;

/**
 * The S3 destination's buffering hints as the Firehose API takes them from any delivery stream: `IntervalInSeconds`
 * 0–900 (0 is zero buffering) and `SizeInMBs` 1–128. Dynamic partitioning narrows both (`SETTINGS.bufferIntervalSeconds`, `SETTINGS.bufferSizeMiB`).
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
