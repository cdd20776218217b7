import { CloudwatchLogStream } from '@cdktf/provider-aws/lib/cloudwatch-log-stream';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { Construct } from 'constructs';
import {
  DATA_FILE_EXTENSION,
  deliveryStatements,
  firehoseRecentErrorPrefix,
  firehoseRecentPrefix,
  processorParameters,
  RECENT_ERROR_PREFIX,
  RECENT_PATH_DEFAULTS,
  RECENT_PREFIX,
  SETTINGS,
} from '@sales/pipeline-spec';
import type { DeliveryWiring } from '../data-path/delivery-stream';
import { ServiceRole } from '../security/iam';
import { createLogGroup } from '../observability/log-group';

/** Props for {@link RecentDeliveryStream}: the same wiring as the main path's (the Kinesis read budget allows two). */
export interface RecentDeliveryStreamProps extends DeliveryWiring {
  /** Data per Lambda invocation, in MB. @defaultValue - {@link SETTINGS.lambdaBufferSizeMB}, with its limits; the stack passes `PipelineConfig.lambdaBufferSizeMB` */
  readonly lambdaBufferSizeMB?: number;
  /**
   * Longest wait before invoking the Lambda, in seconds; limits: {@link SETTINGS.lambdaBufferIntervalSeconds}.
   * @defaultValue - the shortest, `RECENT_PATH_DEFAULTS.processorBufferIntervalSeconds`
   * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
   */
  readonly lambdaBufferIntervalSeconds?: number;
}

/**
 * The low-latency path's delivery stream: Kinesis -> the transform Lambda -> GZIP JSON under
 * `recent/dt=<arrival hour>/`, with zero buffering (`BufferingHints.IntervalInSeconds` 0: "Firehose will not buffer
 * data and will deliver data within a few seconds"), which dynamic partitioning does not allow, so it has none.
 * Failures go under `recent-errors/<error type>/`. Its own role may write only those two prefixes; its own log group
 * takes its delivery errors.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/buffering-hints.html
 */
export class RecentDeliveryStream extends Construct {
  /** The delivery stream. */
  readonly deliveryStream: KinesisFirehoseDeliveryStream;

  constructor(scope: Construct, id: string, props: RecentDeliveryStreamProps) {
    super(scope, id);
    const logGroup = createLogGroup(this, 'LogGroup', {
      name: `/${props.baseName}/firehose-recent`,
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    const logStream = new CloudwatchLogStream(this, 'DeliveryLogStream', {
      name: 'DestinationDelivery',
      logGroupName: logGroup.name,
    });
    const role = new ServiceRole(this, 'Role', {
      name: `${props.baseName}-firehose-recent`,
      service: 'firehose.amazonaws.com',
      accountId: props.aws.accountId,
      statements: deliveryStatements({
        streamArn: props.source.arn,
        functionArn: props.transform.arn,
        bucketArn: props.bucket.arn,
        kmsKeyArn: props.kmsKeyArn,
        logGroupArn: logGroup.arn,
        region: props.aws.region,
        writePrefixes: [RECENT_PREFIX, RECENT_ERROR_PREFIX],
      }),
    });
    this.deliveryStream = new KinesisFirehoseDeliveryStream(this, 'DeliveryStream', {
      name: props.deliveryStreamName,
      destination: 'extended_s3',
      kinesisSourceConfiguration: { kinesisStreamArn: props.source.arn, roleArn: role.role.arn },
      extendedS3Configuration: {
        roleArn: role.role.arn,
        bucketArn: props.bucket.arn,
        prefix: firehoseRecentPrefix(),
        errorOutputPrefix: firehoseRecentErrorPrefix(),
        // The size hint stays at the provider's default (5 MiB): with a zero interval it never holds data back.
        bufferingInterval: RECENT_PATH_DEFAULTS.bufferIntervalSeconds,
        compressionFormat: 'GZIP',
        fileExtension: DATA_FILE_EXTENSION,
        kmsKeyArn: props.kmsKeyArn,
        processingConfiguration: {
          enabled: true,
          processors: [
            {
              type: 'Lambda',
              parameters: processorParameters({
                lambdaArn: `${props.transform.arn}:$LATEST`,
                bufferSizeMB: props.lambdaBufferSizeMB ?? SETTINGS.lambdaBufferSizeMB.default,
                bufferIntervalSeconds:
                  props.lambdaBufferIntervalSeconds ?? RECENT_PATH_DEFAULTS.processorBufferIntervalSeconds,
              }),
            },
          ],
        },
        cloudwatchLoggingOptions: { enabled: true, logGroupName: logGroup.name, logStreamName: logStream.name },
      },
      dependsOn: [role.policy],
    });
  }
}
