import { RECENT_PATH_DEFAULTS } from '../defaults/recent-path-defaults';
import { pipeBatchingWindowSeconds } from '../settings/pipe-settings';
import type { PipelineConfig } from './config';

/** One hop of the path from a DynamoDB write to an Athena result, with its worst-case delay. */
export interface FreshnessHop {
  /** What happens in this hop. */
  readonly hop: string;
  /** Worst-case delay in seconds under the given configuration. */
  readonly seconds: number;
  /** Where the figure comes from. */
  readonly source: string;
}

/** The promise the default configuration must keep: a change is queryable within this many seconds. */
export const FRESHNESS_TARGET_SECONDS = 120;

/** The low-latency path's promise: a change is queryable in `order_changes_recent` and `orders_live` within this many seconds. */
export const RECENT_FRESHNESS_TARGET_SECONDS = 20;

/** The settings the budgets read. The pipe's window is 0 while the low-latency path is on (`pipeBatchingWindowSeconds`). */
export type FreshnessSettings = Pick<
  PipelineConfig,
  'pipeBatchingWindowSeconds' | 'lambdaBufferIntervalSeconds' | 'bufferIntervalSeconds'
> &
  Partial<Pick<PipelineConfig, 'recentPathEnabled'>>;

/** The hops both delivery streams share up to the S3 buffer, then the delivery hop, then the read. */
function hops(windowSeconds: number, processorSeconds: number, delivery: FreshnessHop): readonly FreshnessHop[] {
  return [
    {
      hop: 'DynamoDB Streams record -> Pipe poll',
      seconds: 0.25,
      source:
        'Pipes polls DynamoDB stream shards 4 times per second (EventBridge Pipes user guide, "DynamoDB stream as a source")',
    },
    {
      hop: 'Pipe batching window',
      seconds: windowSeconds,
      source: 'MaximumBatchingWindowInSeconds (PipeSourceDynamoDBStreamParameters)',
    },
    {
      hop: 'Kinesis PutRecords -> Firehose read',
      seconds: 1,
      source:
        'Firehose reads each shard about once per second (Data Firehose developer guide, "Kinesis data stream as a source"); estimate',
    },
    {
      hop: 'Firehose Lambda processing buffer',
      seconds: processorSeconds,
      source: 'Processor BufferIntervalInSeconds (Data Firehose developer guide, "Transform source data")',
    },
    {
      hop: 'Transform Lambda (cold start + batch)',
      seconds: 3,
      source: 'Node.js 24 arm64 cold start plus one batch; estimate, measure with the Duration metric',
    },
    delivery,
    {
      hop: 'S3 PUT -> Athena reads it (projection)',
      seconds: 0,
      source:
        'S3 strong read-after-write consistency; partition projection needs no catalog update (Athena user guide, "Partition projection")',
    },
  ];
}

/**
 * The worst-case delay of each hop, from a write to the table until an Athena query of `order_changes` sees the row.
 *
 * Partition projection makes a new hour's folder queryable as soon as Firehose writes its first
 * object, so neither the crawler nor partition registration is on the path.
 *
 * @param config - the Pipe and Firehose settings
 * @returns the hops in order; their sum is the end-to-end budget
 * @example
 * ```ts
 * freshnessBudget(loadConfig('dev', {})).reduce((sum, hop) => sum + hop.seconds, 0); //=> 99.25
 * ```
 */
export function freshnessBudget(config: FreshnessSettings): readonly FreshnessHop[] {
  return hops(pipeBatchingWindowSeconds({ recentPathEnabled: false, ...config }), config.lambdaBufferIntervalSeconds, {
    hop: 'Dynamic-partitioning buffer (1.5 x interval)',
    seconds: 1.5 * config.bufferIntervalSeconds,
    source:
      'Data Firehose developer guide, "Buffer data for dynamic partitioning": delay may be 1.5 times the buffering hint',
  });
}

/**
 * Total of {@link freshnessBudget}.
 *
 * @param config - the Pipe and Firehose settings
 * @returns seconds from a write to the table until Athena can see it, worst case
 */
export function freshnessBudgetSeconds(config: FreshnessSettings): number {
  return freshnessBudget(config).reduce((sum, hop) => sum + hop.seconds, 0);
}

/**
 * The low-latency path's worst case per hop, from a write to the table until `order_changes_recent` (and so
 * `orders_live`) sees the row. Its settings are fixed by the path, not by the configuration: the pipe's window at 0,
 * the processor at the bottom of its range, zero buffering; so are its figures.
 *
 * @returns the hops in order; their sum is the path's budget, at most {@link RECENT_FRESHNESS_TARGET_SECONDS}
 * @see https://docs.aws.amazon.com/firehose/latest/dev/buffering-hints.html
 * @example
 * ```ts
 * recentFreshnessBudget().reduce((sum, hop) => sum + hop.seconds, 0); //=> 9.25
 * ```
 */
export function recentFreshnessBudget(): readonly FreshnessHop[] {
  return hops(0, RECENT_PATH_DEFAULTS.processorBufferIntervalSeconds, {
    hop: 'Zero buffering to S3',
    seconds: 5,
    source:
      'Data Firehose developer guide, "Buffering hints": with a zero buffering interval Firehose "will not buffer data and will deliver data within a few seconds"; 5 s assumed for "a few", measure with DeliveryToS3.DataFreshness',
  });
}

/**
 * Total of {@link recentFreshnessBudget}.
 *
 * @returns seconds from a write to the table until the low-latency path shows it, worst case
 */
export function recentFreshnessBudgetSeconds(): number {
  return recentFreshnessBudget().reduce((sum, hop) => sum + hop.seconds, 0);
}
