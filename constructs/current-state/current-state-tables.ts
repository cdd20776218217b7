import type { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import {
  CURRENT_COLUMNS,
  CURRENT_TABLE_NAME,
  currentStateLocation,
  type GlueColumn,
  MERGE_LOG_COLUMNS,
  MERGE_LOG_TABLE_NAME,
  TOMBSTONE_COLUMNS,
  TOMBSTONE_TABLE_NAME,
} from '@sales/pipeline-spec';
import { Construct } from 'constructs';

/** Props for {@link CurrentStateTables}. */
export interface CurrentStateTablesProps {
  /** The Glue database the tables join (the change log's). */
  readonly database: GlueCatalogDatabase;
  /** The lake bucket: each table lives in its own folder under `current/`. */
  readonly bucket: S3Bucket;
}

/** The three tables, by name, with their declared columns and descriptions. */
const TABLES: readonly [id: string, name: string, columns: readonly GlueColumn[], description: string][] = [
  ['Current', CURRENT_TABLE_NAME, CURRENT_COLUMNS, 'One row per live order, kept by the scheduled merge'],
  ['Tombstones', TOMBSTONE_TABLE_NAME, TOMBSTONE_COLUMNS, 'One row per removed order, kept for the lateness window'],
  ['MergeLog', MERGE_LOG_TABLE_NAME, MERGE_LOG_COLUMNS, 'One row per successful merge of orders_current'],
];

/**
 * The current-state tables as Glue Iceberg v2 tables (`open_table_format_input`: Glue writes the first metadata file
 * from the declared columns, money stays `decimal`), each in its own folder under `current/` of the lake: outside
 * `sales/` (never crawled) and outside every lifecycle expiry (Iceberg expires its own files).
 *
 * Terraform creates them and then leaves their schema and parameters alone (`ignore_changes`): after the create,
 * Iceberg's metadata file owns the schema, every Athena commit rewrites `metadata_location` and the columns' Iceberg
 * parameters, and an `UpdateTable` from Terraform would not change the Iceberg schema anyway (provider issue
 * hashicorp/terraform-provider-aws#36641). A new column reaches `orders_current` with Athena's `ALTER TABLE … ADD
 * COLUMNS`, then a rebuild.
 *
 * @see https://docs.aws.amazon.com/glue/latest/webapi/API_IcebergInput.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg.html
 */
export class CurrentStateTables extends Construct {
  /** `orders_current`. */
  readonly current: GlueCatalogTable;
  /** `orders_current_tombstones`. */
  readonly tombstones: GlueCatalogTable;
  /** `orders_current_merges`. */
  readonly mergeLog: GlueCatalogTable;

  constructor(scope: Construct, id: string, props: CurrentStateTablesProps) {
    super(scope, id);
    const [current, tombstones, mergeLog] = TABLES.map(
      ([tableId, name, columns, description]) =>
        new GlueCatalogTable(this, tableId, {
          name,
          databaseName: props.database.name,
          description,
          tableType: 'EXTERNAL_TABLE',
          openTableFormatInput: { icebergInput: { metadataOperation: 'CREATE', version: '2' } },
          storageDescriptor: {
            location: `s3://${props.bucket.bucket}/${currentStateLocation(name)}`,
            columns: columns.map((column) => ({ ...column })),
          },
          lifecycle: { ignoreChanges: ['parameters', 'storage_descriptor'] },
        }),
    ) as [GlueCatalogTable, GlueCatalogTable, GlueCatalogTable];
    this.current = current;
    this.tombstones = tombstones;
    this.mergeLog = mergeLog;
  }

  /** The three tables, `orders_current` first. */
  get all(): readonly GlueCatalogTable[] {
    return [this.current, this.tombstones, this.mergeLog];
  }
}
