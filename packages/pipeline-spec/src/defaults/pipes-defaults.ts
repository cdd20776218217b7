import type { NumberSetting } from '../types';

/**
 * EventBridge Pipes: defaults and limits of the change pipe's DynamoDB stream source.
 *
 * - `batchSize`: records per batch; at most 500, the Kinesis PutRecords limit.
 * - `batchingWindowSeconds`: longest the pipe waits to fill a batch.
 * - `maximumRetryAttempts`: retries of a failed batch before it goes to the dead-letter queue.
 * - `maximumRecordAgeSeconds`: oldest record the pipe still delivers; below the stream's 24 h retention.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeSourceDynamoDBStreamParameters.html
 * @example
 * ```ts
 * PIPES_DEFAULTS.batchSize; //=> { default: 100, min: 1, max: 500 }
 * ```
 */
export const PIPES_DEFAULTS = {
  batchSize: { default: 100, min: 1, max: 500 },
  batchingWindowSeconds: { default: 1, min: 0, max: 300 },
  maximumRetryAttempts: { default: 10, min: 0, max: 10000 },
  maximumRecordAgeSeconds: { default: 21600, min: 60, max: 86399 },
} as const satisfies Record<string, NumberSetting>;

/**
 * How long a dead-lettered pipe batch stays replayable. DynamoDB Streams keep a record 24 hours; a batch the
 * pipe gives up on after `maximumRecordAgeSeconds` must leave `minimumReplayHours` of that retention for
 * `sales-lake replay --dlq` to re-read it from the stream (the synth refuses a larger record age).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-error-troubleshooting.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html
 * @example
 * ```ts
 * (PIPE_RECOVERY.streamRetentionHours - PIPE_RECOVERY.minimumReplayHours) * 3600; //=> 43200, the largest record age allowed
 * ```
 */
export const PIPE_RECOVERY = {
  /** DynamoDB Streams retention, fixed by AWS. */
  streamRetentionHours: 24,
  /** Hours of retention a dead-lettered batch must still have for a replay. */
  minimumReplayHours: 12,
} as const;
