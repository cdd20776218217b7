import type { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { GlueCatalogTable, type GlueCatalogTableStorageDescriptor } from '@cdktf/provider-aws/lib/glue-catalog-table';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Construct } from 'constructs';
import {
  CHANGE_LINES_TABLE,
  DATA_PREFIX,
  RECONCILE_ROWS_TABLE,
  RECONCILE_RUN_COLUMN,
  RECONCILE_SCRATCH_PREFIX,
  ROW_LINE_COLUMN,
  reconcileRowsLocationTemplate,
} from '@sales/pipeline-spec';

/** Props for {@link ReconcileTables}. */
export interface ReconcileTablesProps {
  /** The stack's Glue database, the one `order_changes` lives in. */
  readonly database: GlueCatalogDatabase;
  /** The lake bucket. */
  readonly bucket: S3Bucket;
}

/**
 * Storage of a table whose rows are whole lines: TEXTFILE read by LazySimpleSerDe into one `string` column.
 *
 * LazySimpleSerDe splits a line into fields at `field.delim`, which defaults to byte 0x01 (Hive
 * `LazySerDeParameters.DefaultSeparators`; Athena's default SerDe for `ROW FORMAT DELIMITED`). A row line is
 * JSON text in UTF-8, and JSON has no raw control character: outside strings only space, tab, CR and LF
 * (RFC 8259 §2), inside strings U+0000–U+001F must be escaped (§7), and every byte of a multi-byte UTF-8
 * sequence is ≥ 0x80. So 0x01 never occurs, and the one column always holds the whole line. Athena picks
 * the GZIP codec from each object's `.gz` extension, so `compressed` only describes the data.
 *
 * @param location - `s3://<bucket>/<prefix>` the table reads
 * @returns the storage descriptor
 * @see https://docs.aws.amazon.com/athena/latest/ug/lazy-simple-serde.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/compression-formats.html
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-7
 */
function rowLineStorage(location: string): GlueCatalogTableStorageDescriptor {
  return {
    location,
    inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
    compressed: true,
    serDeInfo: { serializationLibrary: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe' },
    columns: [{ name: ROW_LINE_COLUMN, type: 'string', comment: 'One row line (JSON text) as the lake stores it' }],
  };
}

/**
 * The two Glue tables `sales-lake reconcile` queries in Athena, next to `order_changes` in the stack's database:
 *
 * - `order_change_lines`: every change row under `sales/`, one line per row. Unpartitioned: Athena reads every
 *   object under an unpartitioned table's location, subfolders included, so no partition has to be known.
 * - `reconcile_rows`: reconcile's scratch rows under `reconcile/<run>/`, partitioned by `run` with the `injected`
 *   projection type: a query names its run (`WHERE run = 'r-…'`), Athena builds that one location from
 *   `storage.location.template`, and no partition is ever registered or listed in Glue.
 *
 * Neither is crawled: the crawler's catalog target names `order_changes` only. The CLI writes and deletes the
 * scratch objects itself; a lifecycle rule on `reconcile/` is the backstop (`lake-lifecycle.ts`).
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/tables-location-format.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-dynamic-id-partitioning.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-setting-up.html
 * @example
 * ```ts
 * new ReconcileTables(stack, 'ReconcileTables', { database: catalog.database, bucket: lake }).changeLines.name;
 * //=> 'order_change_lines'
 * ```
 */
export class ReconcileTables extends Construct {
  /** `order_change_lines`: the lake's change rows as lines. */
  readonly changeLines: GlueCatalogTable;
  /** `reconcile_rows`: reconcile's scratch rows as lines, one projected partition per run. */
  readonly reconcileRows: GlueCatalogTable;

  constructor(scope: Construct, id: string, props: ReconcileTablesProps) {
    super(scope, id);
    const bucketName = props.bucket.bucket;
    this.changeLines = new GlueCatalogTable(this, 'ChangeLines', {
      name: CHANGE_LINES_TABLE,
      databaseName: props.database.name,
      description: 'Every change row of the lake as one JSON line; read by sales-lake reconcile',
      tableType: 'EXTERNAL_TABLE',
      parameters: { EXTERNAL: 'TRUE' },
      storageDescriptor: rowLineStorage(`s3://${bucketName}/${DATA_PREFIX}`),
    });
    this.reconcileRows = new GlueCatalogTable(this, 'ReconcileRows', {
      name: RECONCILE_ROWS_TABLE,
      databaseName: props.database.name,
      description: 'Scratch rows of sales-lake reconcile, one projected partition per run',
      tableType: 'EXTERNAL_TABLE',
      parameters: {
        EXTERNAL: 'TRUE',
        'projection.enabled': 'true',
        [`projection.${RECONCILE_RUN_COLUMN}.type`]: 'injected',
        'storage.location.template': reconcileRowsLocationTemplate(bucketName),
      },
      partitionKeys: [{ name: RECONCILE_RUN_COLUMN, type: 'string', comment: 'Run id; its folder under reconcile/' }],
      storageDescriptor: rowLineStorage(`s3://${bucketName}/${RECONCILE_SCRATCH_PREFIX}`),
    });
  }
}
