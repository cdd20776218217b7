import { defaultMergeLatenessSeconds } from '../defaults/current-state-defaults';
import type { PipelineConfig } from './config';
import { ConfigError } from '../registry/config-error';
import { freshnessBudgetSeconds } from './freshness-budget';

/** The settings that bound how late a change can reach the lake. */
export type LatenessInputs = Pick<
  PipelineConfig,
  'pipeMaximumRecordAgeSeconds' | 'pipeBatchingWindowSeconds' | 'lambdaBufferIntervalSeconds' | 'bufferIntervalSeconds'
>;

/**
 * The smallest merge lateness that misses no change the pipeline still delivers: the pipe delivers a stream record
 * up to its maximum record age after the change, and the delivery path adds at most the freshness budget
 * ({@link freshnessBudgetSeconds}); rounded up to the hour, because the merge reads hour partitions.
 *
 * The whole budget is counted, the pipe's poll and batching window included, although the record age already covers
 * them: at most 300.25 s too many, on the safe side, and no coupling to how the budget names its hops.
 *
 * @param config - the pipe's and the delivery stream's settings
 * @returns seconds, a whole number of hours
 * @see https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeSourceDynamoDBStreamParameters.html
 * @example
 * ```ts
 * mergeLatenessFloorSeconds(loadConfig('dev', {})); //=> 25200 (21600 s record age + 100.25 s budget → 7 h)
 * ```
 */
export function mergeLatenessFloorSeconds(config: LatenessInputs): number {
  return defaultMergeLatenessSeconds(config.pipeMaximumRecordAgeSeconds, Math.ceil(freshnessBudgetSeconds(config)));
}

/**
 * The merge lateness of a configuration: {@link mergeLatenessFloorSeconds} when no variable sets it, else the value
 * set, refused when it is below the floor. Refused, not warned: an incremental merge would silently miss every change
 * the pipe delivers later than the lateness, and `orders_current` would stay wrong until a rebuild. To read less per
 * merge, lower the pipe's maximum record age (`SALES_PIPE_MAX_RECORD_AGE_SECONDS`) instead; the floor follows it.
 *
 * @param settings - the resolved settings, `mergeLatenessSeconds` parsed within its limits when set
 * @param variable - the variable that set it (name and raw text), or `undefined`
 * @returns the lateness in seconds
 * @throws ConfigError when the variable's value is below the floor
 * @example
 * ```ts
 * resolveMergeLateness({ ...DEFAULTS, mergeLatenessSeconds: 3600 }, { name: 'SALES_MERGE_LATENESS_SECONDS', raw: '3600' });
 * // throws ConfigError: SALES_MERGE_LATENESS_SECONDS must be at least 25200 (…), received "3600"
 * ```
 */
export function resolveMergeLateness(
  settings: LatenessInputs & Pick<PipelineConfig, 'mergeLatenessSeconds'>,
  variable: { readonly name: string; readonly raw: string } | undefined,
): number {
  const floor = mergeLatenessFloorSeconds(settings);
  if (variable === undefined) return floor;
  if (settings.mergeLatenessSeconds < floor) {
    throw new ConfigError(
      variable.name,
      variable.raw,
      `at least ${floor} (the pipe's maximum record age, ${settings.pipeMaximumRecordAgeSeconds} s, plus the ` +
        `freshness budget, rounded up to the hour: a later change would miss every merge window; lower ` +
        `SALES_PIPE_MAX_RECORD_AGE_SECONDS to lower it)`,
    );
  }
  return settings.mergeLatenessSeconds;
}
