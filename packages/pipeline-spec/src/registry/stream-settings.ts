import { KINESIS_STREAM_MODES } from '../defaults/kinesis-defaults';
import { PIPE_RECOVERY } from '../defaults/pipes-defaults';
import { choice, integer } from './setting-kinds';

/** The largest record age that leaves a dead-lettered batch its replay hours on the stream. */
const REPLAYABLE_RECORD_AGE_SECONDS = (PIPE_RECOVERY.streamRetentionHours - PIPE_RECOVERY.minimumReplayHours) * 3600;

/**
 * The change stream (Kinesis Data Streams) and the pipe that feeds it (EventBridge Pipes, DynamoDB stream source),
 * rows of the registry ({@link SETTINGS}). The pipe's batch is at most 500 records, the Kinesis `PutRecords` limit;
 * its maximum record age stays below the DynamoDB stream's 24 h retention.
 *
 * @see https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeSourceDynamoDBStreamParameters.html
 * @example
 * ```ts
 * STREAM_SETTINGS.pipeBatchSize.max; //=> 500
 * ```
 */
export const STREAM_SETTINGS = {
  kinesisStreamMode: choice({
    variable: 'KINESIS_MODE',
    doc: 'Kinesis capacity mode.',
    default: 'ON_DEMAND',
    choices: KINESIS_STREAM_MODES,
  }),
  kinesisShardCount: integer({
    variable: 'KINESIS_SHARDS',
    doc: 'Shards of a `PROVISIONED` stream.',
    default: 1,
    min: 1,
    max: 4096,
    note: 'provisioned only',
  }),
  kinesisRetentionHours: integer({
    variable: 'KINESIS_RETENTION_HOURS',
    doc: 'Kinesis retention.',
    default: 24,
    min: 24,
    max: 8760,
    unit: 'h',
  }),
  pipeBatchSize: integer({
    variable: 'PIPE_BATCH_SIZE',
    doc: 'Records per pipe batch.',
    default: 100,
    min: 1,
    max: 500,
  }),
  pipeBatchingWindowSeconds: integer({
    variable: 'PIPE_BATCHING_WINDOW_SECONDS',
    doc: 'Longest the pipe waits to fill a batch.',
    default: 1,
    min: 0,
    max: 300,
    unit: 's',
    note: 'ignored (the window is 0) while `SALES_RECENT_PATH` is on',
  }),
  pipeMaximumRetryAttempts: integer({
    variable: 'PIPE_MAX_RETRIES',
    doc: 'Retries of a failed pipe batch before it goes to the dead-letter queue.',
    default: 10,
    min: 0,
    max: 10000,
  }),
  pipeMaximumRecordAgeSeconds: integer({
    variable: 'PIPE_MAX_RECORD_AGE_SECONDS',
    doc: 'Oldest record the pipe still delivers.',
    default: 21600,
    min: 60,
    max: 86399,
    unit: 's',
    note: `the synth refuses more than ${REPLAYABLE_RECORD_AGE_SECONDS} (${PIPE_RECOVERY.minimumReplayHours} h left to replay the DLQ)`,
  }),
} as const;
