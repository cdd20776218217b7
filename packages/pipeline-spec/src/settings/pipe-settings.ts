import { ORDER_TABLE_SCHEMA } from '../table/table-schema';
import type { PolicyStatement } from '../types';
import { keyUseStatement } from './key-use-statement';

/**
 * Pure settings of the change pipe: its Kinesis partition key and its role's statements.
 * Importing this file loads neither cdktf nor the provider, so the local pipeline can use it cheaply.
 */

/**
 * The pipe's Kinesis partition key: the order id, so every change of one order lands on one shard, in order.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeTargetKinesisStreamParameters.html
 * @example
 * ```ts
 * PIPE_PARTITION_KEY; //=> '$.dynamodb.Keys.order_id.S'
 * ```
 */
export const PIPE_PARTITION_KEY = `$.dynamodb.Keys.${ORDER_TABLE_SCHEMA.partitionKey.name}.${ORDER_TABLE_SCHEMA.partitionKey.type}`;

/**
 * The pipe's batching window as the stack sets it: 0 while the low-latency path is on (a batch leaves at each poll,
 * so the path's budget carries no window), else `pipeBatchingWindowSeconds`. The window only trades pipe requests
 * (billed per 64 KB chunk) for latency: with 0 the pipe sends up to one request per poll (4 per second per shard)
 * instead of one per second.
 *
 * @param config - the window setting and the path's switch (`PipelineConfig` has both)
 * @returns `MaximumBatchingWindowInSeconds`
 * @see https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeSourceDynamoDBStreamParameters.html
 * @example
 * ```ts
 * pipeBatchingWindowSeconds({ pipeBatchingWindowSeconds: 1, recentPathEnabled: true }); //=> 0
 * pipeBatchingWindowSeconds({ pipeBatchingWindowSeconds: 1, recentPathEnabled: false }); //=> 1
 * ```
 */
export function pipeBatchingWindowSeconds(config: {
  readonly pipeBatchingWindowSeconds: number;
  readonly recentPathEnabled: boolean;
}): number {
  return config.recentPathEnabled ? 0 : config.pipeBatchingWindowSeconds;
}

/** ARNs the pipe's role is scoped to (Terraform tokens). */
export interface PipeResources {
  /** The table's stream, the pipe's source. */
  readonly tableStreamArn: string;
  /** The Kinesis stream, the pipe's target. */
  readonly kinesisStreamArn: string;
  /** The SQS dead-letter queue. */
  readonly deadLetterQueueArn: string;
  /** The pipeline key (table stream, Kinesis stream and queue encryption). */
  readonly kmsKeyArn: string;
  /** The pipe's log group. */
  readonly logGroupArn: string;
  /** The stack's region: the key is used through this region's Kinesis and SQS only. */
  readonly region: string;
}

/**
 * What the pipe's role may do: read the table's stream, write the Kinesis stream, send to the DLQ,
 * use the key through Kinesis (a producer needs `kms:GenerateDataKey`) and SQS (a producer needs
 * `kms:GenerateDataKey` and `kms:Decrypt`) only, and write its own log group. Reading the table's stream needs no
 * key permission: DynamoDB decrypts it under its own grant.
 *
 * @param r - the ARNs (tokens)
 * @returns the statements
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-permissions.html
 * @see https://docs.aws.amazon.com/streams/latest/dev/permissions-user-key-KMS.html
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html
 */
export function pipeStatements(r: PipeResources): PolicyStatement[] {
  return [
    {
      sid: 'ReadTableStream',
      actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
      resources: [r.tableStreamArn],
    },
    // dynamodb:ListStreams supports no resource-level permissions: `*` is the only valid resource.
    { sid: 'ListTableStreams', actions: ['dynamodb:ListStreams'], resources: ['*'] },
    { sid: 'WriteChangeStream', actions: ['kinesis:PutRecord', 'kinesis:PutRecords'], resources: [r.kinesisStreamArn] },
    { sid: 'SendToDeadLetterQueue', actions: ['sqs:SendMessage'], resources: [r.deadLetterQueueArn] },
    keyUseStatement('EncryptChangeRecords', ['kms:GenerateDataKey'], r.kmsKeyArn, r.region, ['kinesis']),
    keyUseStatement('UseKeyForDeadLetters', ['kms:Decrypt', 'kms:GenerateDataKey'], r.kmsKeyArn, r.region, ['sqs']),
    { sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${r.logGroupArn}:*`] },
  ];
}
