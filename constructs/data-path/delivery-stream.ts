import { CloudwatchLogStream } from '@cdktf/provider-aws/lib/cloudwatch-log-stream';
import type { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import type { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Construct } from 'constructs';
import {
  type AwsContext,
  DATA_FILE_EXTENSION,
  deliveryStatements,
  firehoseDataPrefix,
  firehoseErrorPrefix,
  processorParameters,
  resolveSetting,
  SETTINGS,
} from '@sales/pipeline-spec';
import { ServiceRole } from '../security/iam';
import { createLogGroup } from '../observability/log-group';

/** What every delivery stream of the pipeline is wired to: Kinesis in, the transform Lambda, the lake bucket out. */
export interface DeliveryWiring {
  /** `<prefix>-<environment>`: names the role and the log group. */
  readonly baseName: string;
  /** Physical delivery stream name (see `resourceNames`). */
  readonly deliveryStreamName: string;
  /** Account, region and partition tokens. */
  readonly aws: AwsContext;
  /** The stream Firehose reads from. Pass the resource, not its ARN. */
  readonly source: KinesisStream;
  /** The transformation Lambda; it returns the partition keys. */
  readonly transform: LambdaFunction;
  /** The lake bucket. */
  readonly bucket: S3Bucket;
  /** KMS key ARN: the stream's and the bucket's key, and the log group's. */
  readonly kmsKeyArn: string;
  /** Retention of the log group, in days. */
  readonly logRetentionDays: number;
}

/** Props for {@link DeliveryStream}: Kinesis -> transform Lambda -> partitioned, gzipped JSON in S3. */
export interface DeliveryStreamProps extends DeliveryWiring {
  /**
   * How long Firehose buffers a partition before writing an object, in seconds. At least 60: with
   * dynamic partitioning "zero buffering feature is not available", and intervals under 60 s are that
   * feature. Objects can arrive 1.5x this late.
   * @defaultValue - {@link SETTINGS.bufferIntervalSeconds}, with its limits; the stack passes `PipelineConfig.bufferIntervalSeconds`
   * @see https://docs.aws.amazon.com/firehose/latest/dev/buffering.html
   */
  readonly bufferIntervalSeconds?: number;
  /** Object size that triggers a write, in MiB. @defaultValue - {@link SETTINGS.bufferSizeMiB}, with its limits; the stack passes `PipelineConfig.bufferSizeMiB` */
  readonly bufferSizeMiB?: number;
  /** Data per Lambda invocation, in MB. @defaultValue - {@link SETTINGS.lambdaBufferSizeMB}, with its limits; the stack passes `PipelineConfig.lambdaBufferSizeMB` */
  readonly lambdaBufferSizeMB?: number;
  /** Longest wait before invoking the Lambda, in seconds. @defaultValue - {@link SETTINGS.lambdaBufferIntervalSeconds}, with its limits; the stack passes `PipelineConfig.lambdaBufferIntervalSeconds` */
  readonly lambdaBufferIntervalSeconds?: number;
}

/**
 * Firehose from Kinesis to the lake: the transform Lambda converts records and returns partition keys,
 * dynamic partitioning writes Hive-style `sales/year=/month=/day=/hour=/` folders, failures go under
 * `errors/<error type>/`, objects are GZIP with a `.json.gz` extension, errors are logged to CloudWatch.
 */
export class DeliveryStream extends Construct {
  /** The delivery stream. */
  readonly deliveryStream: KinesisFirehoseDeliveryStream;

  constructor(scope: Construct, id: string, props: DeliveryStreamProps) {
    super(scope, id);
    const interval = resolveSetting(
      'bufferIntervalSeconds',
      props.bufferIntervalSeconds,
      SETTINGS.bufferIntervalSeconds,
    );
    const size = resolveSetting('bufferSizeMiB', props.bufferSizeMiB, SETTINGS.bufferSizeMiB);
    const logGroup = createLogGroup(this, 'LogGroup', {
      name: `/${props.baseName}/firehose`,
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    const logStream = new CloudwatchLogStream(this, 'DeliveryLogStream', {
      name: 'DestinationDelivery',
      logGroupName: logGroup.name,
    });
    const role = new ServiceRole(this, 'Role', {
      name: `${props.baseName}-firehose`,
      service: 'firehose.amazonaws.com',
      accountId: props.aws.accountId,
      statements: deliveryStatements({
        streamArn: props.source.arn,
        functionArn: props.transform.arn,
        bucketArn: props.bucket.arn,
        kmsKeyArn: props.kmsKeyArn,
        logGroupArn: logGroup.arn,
        region: props.aws.region,
      }),
    });
    this.deliveryStream = new KinesisFirehoseDeliveryStream(this, 'DeliveryStream', {
      name: props.deliveryStreamName,
      destination: 'extended_s3',
      kinesisSourceConfiguration: { kinesisStreamArn: props.source.arn, roleArn: role.role.arn },
      extendedS3Configuration: {
        roleArn: role.role.arn,
        bucketArn: props.bucket.arn,
        prefix: firehoseDataPrefix(),
        errorOutputPrefix: firehoseErrorPrefix(),
        bufferingInterval: interval,
        bufferingSize: size,
        compressionFormat: 'GZIP',
        fileExtension: DATA_FILE_EXTENSION,
        kmsKeyArn: props.kmsKeyArn,
        dynamicPartitioningConfiguration: { enabled: true },
        processingConfiguration: {
          enabled: true,
          processors: [
            {
              type: 'Lambda',
              parameters: processorParameters({
                lambdaArn: `${props.transform.arn}:$LATEST`,
                bufferSizeMB: props.lambdaBufferSizeMB ?? SETTINGS.lambdaBufferSizeMB.default,
                bufferIntervalSeconds:
                  props.lambdaBufferIntervalSeconds ?? SETTINGS.lambdaBufferIntervalSeconds.default,
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
