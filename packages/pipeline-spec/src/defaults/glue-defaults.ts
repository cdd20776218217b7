import type { NumberSetting } from '../types';

/**
 * AWS Glue: the crawler's schedule (Glue cron, UTC; queries never wait for it) and the first year
 * partition projection enumerates (up to the current year).
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/monitor-data-warehouse-schedule.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html
 * @example
 * ```ts
 * GLUE_DEFAULTS.crawlerSchedule; //=> 'cron(0 3 * * ? *)' (daily, 03:00 UTC)
 * ```
 */
export const GLUE_DEFAULTS = {
  crawlerSchedule: 'cron(0 3 * * ? *)',
  projectionStartYear: { default: 2025, min: 2000, max: 2100 } satisfies NumberSetting,
} as const;
