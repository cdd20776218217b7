import type { ChoiceSetting, NumberSetting } from '../types';

/** Kinesis Data Streams capacity modes. */
export const KINESIS_STREAM_MODES = ['ON_DEMAND', 'PROVISIONED'] as const;

/** One of {@link KINESIS_STREAM_MODES}. */
export type KinesisStreamMode = (typeof KINESIS_STREAM_MODES)[number];

/**
 * Kinesis Data Streams: defaults and limits of the change stream. `shardCount` applies only in
 * `PROVISIONED` mode; `retentionHours` runs from 24 hours to 365 days.
 *
 * @see https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 * @example
 * ```ts
 * KINESIS_DEFAULTS.retentionHours; //=> { default: 24, min: 24, max: 8760 }
 * ```
 */
export const KINESIS_DEFAULTS = {
  streamMode: { default: 'ON_DEMAND', choices: KINESIS_STREAM_MODES } satisfies ChoiceSetting<KinesisStreamMode>,
  shardCount: { default: 1, min: 1, max: 4096 } satisfies NumberSetting,
  retentionHours: { default: 24, min: 24, max: 8760 } satisfies NumberSetting,
} as const;
