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

/**
 * The worst-case delay of each hop, from a write to the table until an Athena query sees the row.
 *
 * Partition projection makes a new hour's folder queryable as soon as Firehose writes its first
 * object, so neither the crawler nor partition registration is on the path.
 *
 * @param config - the Pipe and Firehose settings
 * @returns the hops in order; their sum is the end-to-end budget
 * @example
 * ```ts
 * freshnessBudget(loadConfig('dev', {})).reduce((sum, hop) => sum + hop.seconds, 0); //=> 100.25
 * ```
 */
export function freshnessBudget(
  config: Pick<PipelineConfig, 'pipeBatchingWindowSeconds' | 'lambdaBufferIntervalSeconds' | 'bufferIntervalSeconds'>,
): readonly FreshnessHop[] {
  return [
    {
      hop: 'DynamoDB Streams record -> Pipe poll',
      seconds: 0.25,
      source:
        'Pipes polls DynamoDB stream shards 4 times per second (EventBridge Pipes user guide, "DynamoDB stream as a source")',
    },
    {
      hop: 'Pipe batching window',
      seconds: config.pipeBatchingWindowSeconds,
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
      seconds: config.lambdaBufferIntervalSeconds,
      source: 'Processor BufferIntervalInSeconds (Data Firehose developer guide, "Transform source data")',
    },
    {
      hop: 'Transform Lambda (cold start + batch)',
      seconds: 3,
      source: 'Node.js 24 arm64 cold start plus one batch; estimate, measure with the Duration metric',
    },
    {
      hop: 'Dynamic-partitioning buffer (1.5 x interval)',
      seconds: 1.5 * config.bufferIntervalSeconds,
      source:
        'Data Firehose developer guide, "Buffer data for dynamic partitioning": delay may be 1.5 times the buffering hint',
    },
    {
      hop: 'S3 PUT -> Athena reads it (projection)',
      seconds: 0,
      source:
        'S3 strong read-after-write consistency; partition projection needs no catalog update (Athena user guide, "Partition projection")',
    },
  ];
}

/**
 * Total of {@link freshnessBudget}.
 *
 * @param config - the Pipe and Firehose settings
 * @returns seconds from a write to the table until Athena can see it, worst case
 */
export function freshnessBudgetSeconds(config: Parameters<typeof freshnessBudget>[0]): number {
  return freshnessBudget(config).reduce((sum, hop) => sum + hop.seconds, 0);
}
