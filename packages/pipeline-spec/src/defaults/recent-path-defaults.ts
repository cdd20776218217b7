import type { NumberSetting } from '../types';
import { FIREHOSE_DEFAULTS } from './firehose-defaults';

/**
 * The low-latency path: a second delivery stream on the same Kinesis stream that writes the rows within seconds into
 * arrival-time folders under `recent/`, read by the `order_changes_recent` table and the `orders_live` view.
 *
 * - `enabled`: whether the stack builds the path (`SALES_RECENT_PATH`); on in every environment by default (the cost
 *   of the path follows traffic, with no hourly fee: docs/infrastructure.md, "The low-latency path").
 * - `expirationDays`: objects under `recent/` expire at this age; the change log under `sales/` is the record. At
 *   least 1 day (S3's shortest expiration), at most 30: the path is for the last hours, not for history.
 * - `bufferIntervalSeconds`: 0, Firehose's zero buffering ("will not buffer data and will deliver data within a few
 *   seconds"); possible because the path has no dynamic partitioning.
 * - `processorBufferIntervalSeconds`: the Lambda processor's shortest wait, the bottom of its documented 0–900 s range.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/buffering-hints.html
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 * @example
 * ```ts
 * RECENT_PATH_DEFAULTS.expirationDays; //=> { default: 3, min: 1, max: 30 }
 * ```
 */
export const RECENT_PATH_DEFAULTS = {
  enabled: true,
  expirationDays: { default: 3, min: 1, max: 30 } satisfies NumberSetting,
  bufferIntervalSeconds: 0,
  processorBufferIntervalSeconds: FIREHOSE_DEFAULTS.lambdaBufferIntervalSeconds.min,
} as const;
