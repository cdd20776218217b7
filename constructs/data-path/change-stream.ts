import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { Construct } from 'constructs';
import { type KinesisStreamMode, resolveSetting, SETTINGS } from '@sales/pipeline-spec';

/** Props for {@link ChangeStream}. */
export interface ChangeStreamProps {
  /** Physical stream name. */
  readonly streamName: string;
  /** KMS key ARN for server-side encryption. */
  readonly kmsKeyArn: string;
  /**
   * Capacity mode.
   * @defaultValue - {@link SETTINGS.kinesisStreamMode}; the stack passes `PipelineConfig.kinesisStreamMode`
   */
  readonly streamMode?: KinesisStreamMode;
  /**
   * Shards with `PROVISIONED` capacity.
   * @defaultValue - {@link SETTINGS.kinesisShardCount}, with its limits; the stack passes `PipelineConfig.kinesisShardCount`
   */
  readonly shardCount?: number;
  /**
   * Retention in hours.
   * @defaultValue - {@link SETTINGS.kinesisRetentionHours}, with its limits; the stack passes `PipelineConfig.kinesisRetentionHours`
   * @see https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html
   */
  readonly retentionHours?: number;
}

/** The Kinesis data stream between the pipe and Firehose, KMS-encrypted, on demand by default. */
export class ChangeStream extends Construct {
  /** The stream. */
  readonly stream: KinesisStream;

  constructor(scope: Construct, id: string, props: ChangeStreamProps) {
    super(scope, id);
    const streamMode = props.streamMode ?? SETTINGS.kinesisStreamMode.default;
    const shardCount = props.shardCount ?? SETTINGS.kinesisShardCount.default;
    const retentionHours = resolveSetting('retentionHours', props.retentionHours, SETTINGS.kinesisRetentionHours);
    if (streamMode === 'PROVISIONED' && (!Number.isInteger(shardCount) || shardCount < 1)) {
      throw new Error(`shardCount must be a whole number of at least 1, received ${shardCount}`);
    }
    this.stream = new KinesisStream(this, 'Stream', {
      name: props.streamName,
      ...(streamMode === 'PROVISIONED' ? { shardCount } : {}),
      retentionPeriod: retentionHours,
      streamModeDetails: { streamMode },
      encryptionType: 'KMS',
      kmsKeyId: props.kmsKeyArn,
    });
  }
}
