/**
 * The low-latency path's buffering: constants, not settings (whether the path is built and when its objects expire
 * are rows of the registry, `SETTINGS.recentPathEnabled` and `SETTINGS.recentExpirationDays`).
 *
 * - `bufferIntervalSeconds`: 0, Firehose's zero buffering ("will not buffer data and will deliver data within a few
 *   seconds"); possible because the path has no dynamic partitioning.
 * - `processorBufferIntervalSeconds`: the Lambda processor's shortest wait, the bottom of its documented 0–900 s range
 *   (`SETTINGS.lambdaBufferIntervalSeconds.min`; a test keeps the two equal).
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/buffering-hints.html
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 * @example
 * ```ts
 * RECENT_PATH_DEFAULTS.bufferIntervalSeconds; //=> 0
 * ```
 */
export const RECENT_PATH_DEFAULTS = {
  bufferIntervalSeconds: 0,
  processorBufferIntervalSeconds: 0,
} as const;
