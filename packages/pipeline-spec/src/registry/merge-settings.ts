import { integer } from './setting-kinds';

/** The merge lateness's default: what the pipe's and Firehose's defaults let a change be late (see merge-lateness.ts). */
const LATENESS_HOURS = 7;

/**
 * The current-state table `orders_current` and its scheduled merge, rows of the registry ({@link SETTINGS}).
 *
 * - `mergeIntervalMinutes`: EventBridge Scheduler's `rate()` takes whole minutes (at least 1); more than an hour
 *   would leave the table staler than the change log's own partitions.
 * - `mergeLatenessSeconds`: each incremental merge reads the event-time partitions from (last successful merge −
 *   lateness). Without a variable it is the floor the pipe and the delivery stream imply (`mergeLatenessFloorSeconds`;
 *   a test keeps this default equal to it); at most 7 days, the longest window that stays cheaper than a rebuild.
 * - `mergeStaleAfterIntervals`: the `CurrentStateStale` alarm fires when no merge succeeded for this many intervals.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#rate-based
 * @example
 * ```ts
 * MERGE_SETTINGS.mergeIntervalMinutes.default; //=> 5
 * ```
 */
export const MERGE_SETTINGS = {
  mergeIntervalMinutes: integer({
    variable: 'MERGE_INTERVAL_MINUTES',
    doc: 'How often the scheduled merge brings `orders_current` up to date (EventBridge Scheduler `rate()` takes whole minutes).',
    default: 5,
    min: 1,
    max: 60,
    unit: 'min',
  }),
  mergeLatenessSeconds: integer({
    variable: 'MERGE_LATENESS_SECONDS',
    doc: 'How late a change may reach the lake after its event time and still be merged.',
    default: LATENESS_HOURS * 3600,
    defaultNote: `${LATENESS_HOURS} h; without the variable it follows \`SALES_PIPE_MAX_RECORD_AGE_SECONDS\` and the Firehose buffers`,
    min: 300,
    max: 604800,
    unit: 's',
    note: 'never below the pipe\'s maximum record age plus the freshness budget, rounded up to the hour (the synth refuses less; see "The current-state table")',
  }),
  mergeStaleAfterIntervals: integer({
    variable: 'MERGE_STALE_AFTER_INTERVALS',
    doc: '`CurrentStateStale` fires after this many merge intervals without a successful merge.',
    default: 3,
    min: 2,
    max: 24,
  }),
} as const;
