import {
  ORDER_TABLE_SCHEMA,
  PIPE_PARTITION_KEY,
  pipeBatchingWindowSeconds,
  type PipelineConfig,
  PROCESSOR_DEFAULTS,
  DATA_FILE_EXTENSION,
  DATA_PREFIX,
  firehoseDataPrefix,
  firehoseErrorPrefix,
  TABLE_NAME,
  resourceNames,
} from '@sales/pipeline-spec';
import type { PipeBatching } from '../pipes/change-pipe.js';
import type { FirehoseSettings } from '../firehose/firehose-emulator.js';

/** Account id in the ARNs of the emulated resources (no AWS account is involved). */
export const LOCAL_ACCOUNT_ID = '000000000000';
/** Shards an on-demand stream starts with (4 MB/s of write capacity); the emulation never reshards. */
export const ON_DEMAND_INITIAL_SHARDS = 4;
const MIB = 1024 * 1024;

/** Everything the emulated hops need, derived from the infrastructure's configuration. */
export interface LocalPipelineSettings {
  /** Region in every ARN and record. */
  readonly region: string;
  /** The orders table. */
  readonly tableName: string;
  /** Key attribute names, from the shared table schema. */
  readonly keyNames: readonly string[];
  /** The table's stream ARN, in every stream record. */
  readonly streamArn: string;
  /** Pipe target parameter: JSON path of the Kinesis partition key. */
  readonly partitionKeyPath: string;
  /** Pipe source batching. */
  readonly pipeBatching: PipeBatching;
  /** The pipe's `MaximumRecordAgeInSeconds`, in ms: how late a retried record may still arrive. */
  readonly pipeMaximumRecordAgeMs: number;
  /** Kinesis shards: 4 on demand (a new stream's capacity), else the provisioned count. */
  readonly shardCount: number;
  /** Delivery stream settings. */
  readonly firehose: FirehoseSettings;
  /** Glue/Athena table name, the DuckDB view's name. */
  readonly catalogTableName: string;
  /** Prefix the crawler reads. */
  readonly dataPrefix: string;
}

/**
 * Map the stack's configuration onto the local pipeline: the same names, prefixes, buffering
 * hints, partition-key path and shard count the deployed pipeline uses.
 *
 * @param config - from `loadConfig(environment, process.env)`
 * @param streamLabel - the stream ARN's label (its creation time in AWS)
 * @param tableName - the table to use. @defaultValue - `<prefix>-<environment>-orders`
 * @returns the settings
 * @example
 * ```ts
 * toLocalSettings(loadConfig('dev', {}), '2025-01-15T10:00:00.000').firehose.processingBuffer;
 * //=> { sizeBytes: 3145728, intervalMs: 5000 }
 * ```
 */
export function toLocalSettings(
  config: PipelineConfig,
  streamLabel: string,
  tableName?: string,
): LocalPipelineSettings {
  const names = resourceNames(config);
  const { region } = config;
  tableName ??= names.tableName;
  const { deliveryStreamName } = names;
  const arn = (service: string, resource: string) => `arn:aws:${service}:${region}:${LOCAL_ACCOUNT_ID}:${resource}`;
  return {
    region,
    tableName,
    keyNames: [ORDER_TABLE_SCHEMA.partitionKey.name],
    streamArn: arn('dynamodb', `table/${tableName}/stream/${streamLabel}`),
    partitionKeyPath: PIPE_PARTITION_KEY,
    pipeBatching: { batchSize: config.pipeBatchSize, windowMs: pipeBatchingWindowSeconds(config) * 1000 },
    pipeMaximumRecordAgeMs: config.pipeMaximumRecordAgeSeconds * 1000,
    shardCount: config.kinesisStreamMode === 'ON_DEMAND' ? ON_DEMAND_INITIAL_SHARDS : config.kinesisShardCount,
    firehose: {
      deliveryStreamName,
      deliveryStreamArn: arn('firehose', `deliverystream/${deliveryStreamName}`),
      sourceKinesisStreamArn: arn('kinesis', `stream/${names.streamName}`),
      region,
      lambdaArn: `${arn('lambda', `function:${names.functionName}`)}:$LATEST`,
      processingBuffer: {
        sizeBytes: config.lambdaBufferSizeMB * MIB,
        intervalMs: config.lambdaBufferIntervalSeconds * 1000,
      },
      s3Buffer: { sizeBytes: config.bufferSizeMiB * MIB, intervalMs: config.bufferIntervalSeconds * 1000 },
      numberOfRetries: PROCESSOR_DEFAULTS.NumberOfRetries,
      dataPrefix: firehoseDataPrefix(),
      errorPrefix: firehoseErrorPrefix(),
      fileExtension: DATA_FILE_EXTENSION,
    },
    catalogTableName: TABLE_NAME,
    dataPrefix: DATA_PREFIX,
  };
}
