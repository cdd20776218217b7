import type { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import type { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { PipesPipe } from '@cdktf/provider-aws/lib/pipes-pipe';
import type { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { type AwsContext, PIPE_PARTITION_KEY, pipeStatements, resolveSetting, SETTINGS } from '@sales/pipeline-spec';
import { ServiceRole } from '../security/iam';
import { createLogGroup } from '../observability/log-group';
import { tlsOnlyQueue } from '../security/tls-only-queue';

/** Props for {@link ChangePipe}. */
export interface ChangePipeProps {
  /** `<prefix>-<environment>`: names the pipe, queue, role and log group. */
  readonly baseName: string;
  /** Account, region and partition tokens. */
  readonly aws: AwsContext;
  /** The table whose stream is the source. Pass the resource, not its ARN. */
  readonly table: DynamodbTable;
  /** The Kinesis stream the pipe writes to. */
  readonly target: KinesisStream;
  /** KMS key ARN: encrypts the dead-letter queue and the log group; the target stream uses it too. */
  readonly kmsKeyArn: string;
  /** Retention of the pipe's log group, in days. */
  readonly logRetentionDays: number;
  /** Records per batch (at most the Kinesis `PutRecords` limit). @defaultValue - {@link SETTINGS.pipeBatchSize}, with its limits; the stack passes `PipelineConfig.pipeBatchSize` */
  readonly batchSize?: number;
  /** Longest wait to fill a batch, in seconds. @defaultValue - {@link SETTINGS.pipeBatchingWindowSeconds}, with its limits; the stack passes `PipelineConfig.pipeBatchingWindowSeconds` */
  readonly batchingWindowSeconds?: number;
  /** Retries before a batch goes to the dead-letter queue. @defaultValue - {@link SETTINGS.pipeMaximumRetryAttempts}, with its limits; the stack passes `PipelineConfig.pipeMaximumRetryAttempts` */
  readonly maximumRetryAttempts?: number;
  /** Oldest record still delivered, in seconds; below the stream's 24 h retention. @defaultValue - {@link SETTINGS.pipeMaximumRecordAgeSeconds}, with its limits; the stack passes `PipelineConfig.pipeMaximumRecordAgeSeconds` */
  readonly maximumRecordAgeSeconds?: number;
  /** Resources the pipe must wait for, e.g. the delivery stream, which reads the stream from LATEST. @defaultValue - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * EventBridge Pipe from the table's stream to Kinesis: starts at TRIM_HORIZON, bounded retries and record
 * age, AUTOMATIC_BISECT on failure, an encrypted SQS dead-letter queue, ERROR-level logs.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-dynamodb.html
 */
export class ChangePipe extends Construct {
  /** The pipe. */
  readonly pipe: PipesPipe;
  /** Batches that failed every retry land here. */
  readonly deadLetterQueue: SqsQueue;

  constructor(scope: Construct, id: string, props: ChangePipeProps) {
    super(scope, id);
    const batchSize = resolveSetting('batchSize', props.batchSize, SETTINGS.pipeBatchSize);
    const batchingWindow = resolveSetting(
      'batchingWindowSeconds',
      props.batchingWindowSeconds,
      SETTINGS.pipeBatchingWindowSeconds,
    );
    const retries = resolveSetting(
      'maximumRetryAttempts',
      props.maximumRetryAttempts,
      SETTINGS.pipeMaximumRetryAttempts,
    );
    const recordAge = resolveSetting(
      'maximumRecordAgeSeconds',
      props.maximumRecordAgeSeconds,
      SETTINGS.pipeMaximumRecordAgeSeconds,
    );

    this.deadLetterQueue = tlsOnlyQueue(this, 'DeadLetterQueue', {
      name: `${props.baseName}-pipe-dlq`,
      kmsMasterKeyId: props.kmsKeyArn,
      messageRetentionSeconds: 1209600,
    }).queue;
    const logGroup = createLogGroup(this, 'LogGroup', {
      name: `/${props.baseName}/pipe`,
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    const role = new ServiceRole(this, 'Role', {
      name: `${props.baseName}-pipe`,
      service: 'pipes.amazonaws.com',
      accountId: props.aws.accountId,
      statements: pipeStatements({
        tableStreamArn: props.table.streamArn,
        kinesisStreamArn: props.target.arn,
        deadLetterQueueArn: this.deadLetterQueue.arn,
        kmsKeyArn: props.kmsKeyArn,
        logGroupArn: logGroup.arn,
        region: props.aws.region,
      }),
    });
    this.pipe = new PipesPipe(this, 'Pipe', {
      name: `${props.baseName}-changes`,
      description: 'DynamoDB order changes to Kinesis, keyed by order id',
      roleArn: role.role.arn,
      source: props.table.streamArn,
      target: props.target.arn,
      sourceParameters: {
        dynamodbStreamParameters: {
          startingPosition: 'TRIM_HORIZON',
          batchSize,
          maximumBatchingWindowInSeconds: batchingWindow,
          maximumRetryAttempts: retries,
          maximumRecordAgeInSeconds: recordAge,
          onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
          deadLetterConfig: { arn: this.deadLetterQueue.arn },
        },
      },
      targetParameters: { kinesisStreamParameters: { partitionKey: PIPE_PARTITION_KEY } },
      logConfiguration: { level: 'ERROR', cloudwatchLogsLogDestination: { logGroupArn: logGroup.arn } },
      dependsOn: [role.policy, ...(props.dependsOn ?? [])],
    });
  }
}
