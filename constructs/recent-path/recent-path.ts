import type { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import type { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { DeliveryWiring } from '../data-path/delivery-stream';
import { RecentDeliveryStream } from './recent-delivery-stream';
import { RecentTables } from './recent-tables';

/** Props for {@link RecentPath}: its delivery stream's wiring, and what its tables read. */
export interface RecentPathProps extends DeliveryWiring {
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
    this.deliveryStream = new RecentDeliveryStream(this, 'Delivery', props).deliveryStream;
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
