import type { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import type { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import type { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import type { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { AwsContext } from '@sales/pipeline-spec';
import { RecentDeliveryStream } from './recent-delivery-stream';
import { RecentTables } from './recent-tables';

/** Props for {@link RecentPath}. */
export interface RecentPathProps {
  /** `<prefix>-<environment>`. */
  readonly baseName: string;
  /** The delivery stream's physical name. */
  readonly deliveryStreamName: string;
  /** Account, region and partition tokens. */
  readonly aws: AwsContext;
  /** The change stream. */
  readonly source: KinesisStream;
  /** The transform Lambda. */
  readonly transform: LambdaFunction;
  /** The lake bucket. */
  readonly bucket: S3Bucket;
  /** The pipeline key. */
  readonly kmsKeyArn: string;
  /** Log retention, in days. */
  readonly logRetentionDays: number;
  /** Data per Lambda invocation, in MB, as the main path's. */
  readonly lambdaBufferSizeMB: number;
  /** The Glue database of `order_changes`. */
  readonly database: GlueCatalogDatabase;
  /** Its name as a literal (`glueDatabaseName`), for the view's encoded definition. */
  readonly databaseName: string;
  /** `recentExpirationDays`. */
  readonly expirationDays: number;
  /** The merge's lateness, in seconds (`mergeLatenessSeconds`). */
  readonly latenessSeconds: number;
  /** `orders_current`, its tombstones and merge log: the view reads them, so Terraform creates it after them. */
  readonly currentStateTables: readonly ITerraformDependable[];
}

/**
 * The low-latency path, composed: its delivery stream ({@link RecentDeliveryStream}) and its Glue table and view
 * ({@link RecentTables}). The stack adds the rest where it belongs: the `recent/` lifecycle rule, the pipe's
 * batching window, the freshness alarm and the dashboard widget.
 */
export class RecentPath extends Construct {
  /** The delivery stream into `recent/`. */
  readonly deliveryStream: KinesisFirehoseDeliveryStream;
  /** `order_changes_recent` and `orders_live`. */
  readonly tables: RecentTables;

  constructor(scope: Construct, id: string, props: RecentPathProps) {
    super(scope, id);
    this.deliveryStream = new RecentDeliveryStream(this, 'Delivery', {
      baseName: props.baseName,
      deliveryStreamName: props.deliveryStreamName,
      aws: props.aws,
      source: props.source,
      transform: props.transform,
      bucket: props.bucket,
      kmsKeyArn: props.kmsKeyArn,
      logRetentionDays: props.logRetentionDays,
      lambdaBufferSizeMB: props.lambdaBufferSizeMB,
    }).deliveryStream;
    this.tables = new RecentTables(this, 'Tables', {
      database: props.database,
      databaseName: props.databaseName,
      bucket: props.bucket,
      expirationDays: props.expirationDays,
      latenessSeconds: props.latenessSeconds,
      currentStateTables: props.currentStateTables,
    });
  }
}
