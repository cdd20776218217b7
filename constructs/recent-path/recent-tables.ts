import type { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import {
  ATHENA_MERGE_DIALECT,
  CURRENT_TABLE_NAME,
  LIVE_VIEW_COLUMNS,
  LIVE_VIEW_NAME,
  liveViewSql,
  MERGE_LOG_TABLE_NAME,
  ORDER_CHANGE_COLUMNS,
  PRESTO_VIEW_EXPANDED_TEXT,
  PRESTO_VIEW_PARAMETERS,
  prestoViewOriginalText,
  RECENT_PARTITION_COLUMNS,
  RECENT_PREFIX,
  RECENT_TABLE_NAME,
  recentTableParameters,
  TOMBSTONE_TABLE_NAME,
} from '@sales/pipeline-spec';

/** Props for {@link RecentTables}. */
export interface RecentTablesProps {
  /** The Glue database of `order_changes` and `orders_current`. */
  readonly database: GlueCatalogDatabase;
  /** Its name as a literal (`glueDatabaseName`): the view's encoded definition names it. */
  readonly databaseName: string;
  /** The lake bucket. */
  readonly bucket: S3Bucket;
  /** `recentExpirationDays`: the first hour partition projection lists. */
  readonly expirationDays: number;
  /** The merge's lateness, in seconds: how far before the last merge the view reads `recent/`. */
  readonly latenessSeconds: number;
  /** The current-state tables the view reads, created before it. */
  readonly currentStateTables: readonly ITerraformDependable[];
}

/** Athena reads a view's relations in the view's own schema: names stay unqualified. */
const quoted = (name: string): string => `"${name}"`;

/**
 * The Glue side of the low-latency path: the `order_changes_recent` table over `recent/` (the declared row columns,
 * JSON + GZIP, `dt` by partition projection) and the `orders_live` view, declared as Athena stores a view
 * (`VIRTUAL_VIEW` with the Presto view encoding), so `terraform apply` creates it and a plan shows no change until its
 * SQL does. The view reads `orders_current`, its tombstones and its merge log, which the current-state tables declare.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/views.html
 */
export class RecentTables extends Construct {
  /** `order_changes_recent`. */
  readonly table: GlueCatalogTable;
  /** `orders_live`. */
  readonly liveView: GlueCatalogTable;

  constructor(scope: Construct, id: string, props: RecentTablesProps) {
    super(scope, id);
    this.table = new GlueCatalogTable(this, 'Table', {
      name: RECENT_TABLE_NAME,
      databaseName: props.database.name,
      description: 'One row per change of an order, seconds after it, for the last few days, by arrival hour',
      tableType: 'EXTERNAL_TABLE',
      parameters: recentTableParameters(props.bucket.bucket, props.expirationDays),
      partitionKeys: RECENT_PARTITION_COLUMNS.map((column) => ({ ...column })),
      storageDescriptor: {
        location: `s3://${props.bucket.bucket}/${RECENT_PREFIX}`,
        inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
        outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
        compressed: true,
        serDeInfo: { serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' },
        columns: ORDER_CHANGE_COLUMNS.map((column) => ({ ...column })),
      },
    });
    const sql = liveViewSql(
      ATHENA_MERGE_DIALECT,
      {
        recent: quoted(RECENT_TABLE_NAME),
        current: quoted(CURRENT_TABLE_NAME),
        tombstones: quoted(TOMBSTONE_TABLE_NAME),
        mergeLog: quoted(MERGE_LOG_TABLE_NAME),
      },
      props.latenessSeconds,
    );
    this.liveView = new GlueCatalogTable(this, 'LiveView', {
      name: LIVE_VIEW_NAME,
      databaseName: props.database.name,
      description: 'The current state of every order, seconds fresh: orders_current with the recent changes over it',
      tableType: 'VIRTUAL_VIEW',
      parameters: { ...PRESTO_VIEW_PARAMETERS },
      viewOriginalText: prestoViewOriginalText({ sql, database: props.databaseName, columns: LIVE_VIEW_COLUMNS }),
      viewExpandedText: PRESTO_VIEW_EXPANDED_TEXT,
      storageDescriptor: { columns: LIVE_VIEW_COLUMNS.map((column) => ({ ...column })) },
      dependsOn: [this.table, ...props.currentStateTables],
    });
  }
}
