import type { AthenaWorkgroup } from '@cdktf/provider-aws/lib/athena-workgroup';
import type { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import type { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { type AwsContext, CURRENT_TABLE_NAME, MERGE_LOG_TABLE_NAME, TOMBSTONE_TABLE_NAME } from '@sales/pipeline-spec';
import { Construct } from 'constructs';
import { CurrentStateTables } from './current-state-tables';
import { MergeSchedule } from './merge-schedule';
import { MergeStateMachine } from './merge-state-machine';
import { TableMaintenance } from './table-maintenance';

/** Props for {@link CurrentState}. */
export interface CurrentStateProps {
  /** `<prefix>-<environment>`: names every resource. */
  readonly baseName: string;
  /** Account, region and partition. */
  readonly aws: AwsContext;
  /** The stack's key. */
  readonly kmsKeyArn: string;
  /** Retention of the merge's log group, in days. */
  readonly logRetentionDays: number;
  /** The lake bucket: the tables live under its `current/`. */
  readonly lake: S3Bucket;
  /** The Athena results bucket. */
  readonly results: S3Bucket;
  /** The Glue database of the change log. */
  readonly database: GlueCatalogDatabase;
  /** The change log table, `order_changes`. */
  readonly changes: GlueCatalogTable;
  /** The workgroup the merge runs in. */
  readonly workgroup: AthenaWorkgroup;
  /** Minutes between merges (`PipelineConfig.mergeIntervalMinutes`). */
  readonly mergeIntervalMinutes: number;
  /** How far back each window reaches, in seconds (`PipelineConfig.mergeLatenessSeconds`). */
  readonly mergeLatenessSeconds: number;
}

/**
 * `orders_current`, kept exact from the change log: the three Iceberg tables, the merge state machine, the schedule
 * that starts it, and the Glue optimizers that maintain the tables. Wires its parts only.
 */
export class CurrentState extends Construct {
  /** The Iceberg tables. */
  readonly tables: CurrentStateTables;
  /** The merge. */
  readonly merge: MergeStateMachine;
  /** Its schedule. */
  readonly schedule: MergeSchedule;
  /** The tables' optimizers. */
  readonly maintenance: TableMaintenance;

  constructor(scope: Construct, id: string, props: CurrentStateProps) {
    super(scope, id);
    const { aws } = props;
    const glue = (resource: string) => `arn:${aws.partition}:glue:${aws.region}:${aws.accountId}:${resource}`;
    this.tables = new CurrentStateTables(this, 'Tables', { database: props.database, bucket: props.lake });
    this.merge = new MergeStateMachine(this, 'Merge', {
      baseName: props.baseName,
      aws,
      kmsKeyArn: props.kmsKeyArn,
      logRetentionDays: props.logRetentionDays,
      workgroupName: props.workgroup.name,
      databaseName: props.database.name,
      latenessSeconds: props.mergeLatenessSeconds,
      resources: {
        lakeBucketArn: props.lake.arn,
        resultsBucketArn: props.results.arn,
        workgroupArn: props.workgroup.arn,
        catalogArns: [glue('catalog'), props.database.arn],
        changesTableArn: props.changes.arn,
        currentStateTableArns: this.tables.all.map((table) => table.arn),
      },
    });
    this.schedule = new MergeSchedule(this, 'Schedule', {
      baseName: props.baseName,
      aws,
      kmsKeyArn: props.kmsKeyArn,
      stateMachine: this.merge.stateMachine,
      intervalMinutes: props.mergeIntervalMinutes,
    });
    this.maintenance = new TableMaintenance(this, 'Maintenance', {
      baseName: props.baseName,
      aws,
      kmsKeyArn: props.kmsKeyArn,
      lakeBucketArn: props.lake.arn,
      database: props.database,
      tables: [
        { id: 'Current', table: this.tables.current, name: CURRENT_TABLE_NAME },
        { id: 'Tombstones', table: this.tables.tombstones, name: TOMBSTONE_TABLE_NAME },
        { id: 'MergeLog', table: this.tables.mergeLog, name: MERGE_LOG_TABLE_NAME },
      ],
    });
  }
}
