import { DATA_PREFIX, ERROR_PREFIX, EXPORT_PREFIX, REPLAY_FAILED_PREFIX, REPLAYED_PREFIX } from '../lake/lake-layout';
import { CURRENT_STATE_PREFIX } from '../current/current-state-tables';
import { RECONCILE_SCRATCH_PREFIX } from '../lake/reconcile-tables';
import type { PolicyStatement } from '../types';
import { DRIFT_METRIC } from './drift-metric';
import { mergeOperatorStatements } from './merge-operator-statements';
import { checkLake, listUnder, type OperatorResources, under, useKey } from './operator-resources';
import { workgroupQueryStatement } from '../settings/workgroup-query-statement';

/**
 * What an operator needs for each `sales-lake` command, as least-privilege IAM statements scoped to the
 * stack's ARNs. Pure data: the operator-policies construct turns each list into a managed policy.
 * Each action comes from the page cited next to it. `merge` has a file of its own
 * (`merge-operator-statements.ts`); the parts several commands share are in `operator-resources.ts`.
 */

/** The managed policies, one per `sales-lake` command. */
export const OPERATOR_OPERATIONS = ['backfill', 'reconcile', 'replay', 'merge'] as const;
/** One of {@link OPERATOR_OPERATIONS}. */
export type OperatorOperation = (typeof OPERATOR_OPERATIONS)[number];

/**
 * A parallel, strongly consistent Scan of the table, and DescribeTable for its key schema and stream.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.ParallelScan
 */
const scanTable = (r: OperatorResources): PolicyStatement => ({
  sid: 'ScanTable',
  actions: ['dynamodb:DescribeTable', 'dynamodb:Scan'],
  resources: [r.tableArn],
});

/** Read a finished export's manifest and data files. */
const readExports = (r: OperatorResources): PolicyStatement[] => [
  { sid: 'ReadExports', actions: ['s3:GetObject'], resources: [under(r.lakeBucketArn, EXPORT_PREFIX)] },
  listUnder('ListExports', r.lakeBucketArn, EXPORT_PREFIX),
];

/** Write rows (snapshot, repair or replayed) into the lake's data prefix. */
const writeRows = (r: OperatorResources): PolicyStatement => ({
  sid: 'WriteRows',
  actions: ['s3:PutObject'],
  resources: [under(r.lakeBucketArn, DATA_PREFIX)],
});

/**
 * `sales-lake backfill`: start a point-in-time export into `exports/` and await it, or Scan; then write
 * snapshot rows under `sales/`.
 *
 * @param r - the stack's ARNs
 * @returns the statements
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport_Requesting.html
 */
export function backfillStatements(r: OperatorResources): PolicyStatement[] {
  return [
    checkLake(r),
    // ExportTableToPointInTime on the table; DescribeContinuousBackups checks PITR first (S3DataExport_Requesting).
    {
      sid: 'ExportTable',
      actions: ['dynamodb:DescribeContinuousBackups', 'dynamodb:ExportTableToPointInTime'],
      resources: [r.tableArn],
    },
    // DescribeExport polls the export, whose ARN is <table ARN>/export/<id>.
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html#amazondynamodb-resources-for-iam-policies
    { sid: 'DescribeExports', actions: ['dynamodb:DescribeExport'], resources: [`${r.tableArn}/export/*`] },
    // The export names the lake's default key (S3SseKmsKeyId), read from the bucket's encryption configuration:
    // without it S3 would use aws/s3, which the bucket policy refuses.
    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketEncryption.html
    { sid: 'ReadLakeEncryption', actions: ['s3:GetEncryptionConfiguration'], resources: [r.lakeBucketArn] },
    // DynamoDB writes the export with the caller's permissions: s3:AbortMultipartUpload, s3:PutObject, s3:PutObjectAcl.
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport_Requesting.html
    {
      sid: 'WriteExports',
      actions: ['s3:AbortMultipartUpload', 's3:PutObject', 's3:PutObjectAcl'],
      resources: [under(r.lakeBucketArn, EXPORT_PREFIX)],
    },
    ...readExports(r),
    scanTable(r),
    // The precondition "the stream is older than the snapshot" reads the stream's creation time.
    // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_DescribeStream.html
    { sid: 'DescribeTableStream', actions: ['dynamodb:DescribeStream'], resources: [r.tableStreamArn] },
    writeRows(r),
    useKey(r),
  ];
}

/**
 * `sales-lake reconcile`: read the table (Scan or an export), query the lake in the stack's workgroup,
 * write repair rows with `--repair`, publish {@link DRIFT_METRIC}.
 *
 * @param r - the stack's ARNs
 * @returns the statements
 * @see https://docs.aws.amazon.com/athena/latest/ug/managed-policies.html
 */
export function reconcileStatements(r: OperatorResources): PolicyStatement[] {
  return [
    checkLake(r),
    scanTable(r),
    // The keys stage 2 finds are re-read with a strongly consistent BatchGetItem before they are reported.
    // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
    { sid: 'ReReadDriftedKeys', actions: ['dynamodb:BatchGetItem'], resources: [r.tableArn] },
    ...readExports(r),
    // Queries run in the stack's workgroup only; StopQueryExecution lets Ctrl-C cancel a running query.
    // https://docs.aws.amazon.com/athena/latest/ug/example-policies-workgroup.html
    workgroupQueryStatement('QueryInWorkgroup', r.workgroupArn),
    // Athena reads the table definition with the caller's permissions; GetTable needs catalog, database and table.
    // https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
    {
      sid: 'ReadCatalog',
      actions: ['glue:GetDatabase', 'glue:GetPartitions', 'glue:GetTable'],
      resources: [...r.glueArns],
    },
    // The two line tables (catalog and database are in ReadCatalog). No GetPartitions: order_change_lines has no
    // partitions, and reconcile_rows is projected, so Athena computes its partition and does not call GetPartitions.
    // https://docs.aws.amazon.com/athena/latest/ug/partition-projection.html
    { sid: 'ReadReconcileTables', actions: ['glue:GetTable'], resources: [...r.reconcileTableArns] },
    // --against current: the Iceberg tables orders_current, its tombstones and its merge log, read only (no
    // UpdateTable: reconcile never commits), their data and metadata files under current/ with the caller's rights.
    // https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg.html
    { sid: 'ReadCurrentTables', actions: ['glue:GetTable'], resources: [...r.currentStateTableArns] },
    { sid: 'ReadCurrentFiles', actions: ['s3:GetObject'], resources: [under(r.lakeBucketArn, CURRENT_STATE_PREFIX)] },
    listUnder('ListCurrentFiles', r.lakeBucketArn, CURRENT_STATE_PREFIX),
    // Athena reads the lake and writes results with the caller's permissions.
    // https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html
    { sid: 'LocateBuckets', actions: ['s3:GetBucketLocation'], resources: [r.lakeBucketArn, r.resultsBucketArn] },
    { sid: 'ReadRows', actions: ['s3:GetObject'], resources: [under(r.lakeBucketArn, DATA_PREFIX)] },
    listUnder('ListRows', r.lakeBucketArn, DATA_PREFIX),
    {
      sid: 'ReadWriteQueryResults',
      actions: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:ListBucket', 's3:PutObject'],
      resources: [r.resultsBucketArn, `${r.resultsBucketArn}/*`],
    },
    writeRows(r),
    // The run's scratch rows: the CLI writes them, Athena reads them with the caller's credentials (so GetObject
    // and the listing under reconcile_rows' location), and the CLI deletes them at the end.
    // https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html
    {
      sid: 'ReadWriteScratchRows',
      actions: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
      resources: [under(r.lakeBucketArn, RECONCILE_SCRATCH_PREFIX)],
    },
    listUnder('ListScratchRows', r.lakeBucketArn, RECONCILE_SCRATCH_PREFIX),
    useKey(r),
    // PutMetricData has no resource-level permissions (`*` is the only resource); cloudwatch:namespace scopes it.
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/iam-cw-condition-keys-namespace.html
    {
      sid: 'PublishDriftMetric',
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': DRIFT_METRIC.namespace } },
    },
  ];
}

/**
 * `sales-lake replay`: re-drive Firehose error records into `sales/` and, with `--dlq`, pipe dead-letter
 * batches from the table's stream into the Kinesis stream.
 *
 * @param r - the stack's ARNs
 * @returns the statements
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation-failure-handling.html
 */
export function replayStatements(r: OperatorResources): PolicyStatement[] {
  return [
    checkLake(r),
    // Error records, earlier markers (idempotence) and still-failing records are read under errors/.
    { sid: 'ReadErrorRecords', actions: ['s3:GetObject'], resources: [under(r.lakeBucketArn, ERROR_PREFIX)] },
    listUnder('ListErrorRecords', r.lakeBucketArn, ERROR_PREFIX),
    writeRows(r),
    {
      sid: 'WriteReplayMarkers',
      actions: ['s3:PutObject'],
      resources: [under(r.lakeBucketArn, REPLAYED_PREFIX), under(r.lakeBucketArn, REPLAY_FAILED_PREFIX)],
    },
    // ChangeMessageVisibility (timeout 0) releases, at the end of the run, each message that was not re-driven.
    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-api-permissions-reference.html
    {
      sid: 'DrainDeadLetterQueue',
      actions: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
      resources: [r.deadLetterQueueArn],
    },
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.LowLevel.Walkthrough.html
    {
      sid: 'ReReadTableStream',
      actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
      resources: [r.tableStreamArn],
    },
    // https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html
    { sid: 'PutChangeRecords', actions: ['kinesis:PutRecords'], resources: [r.kinesisStreamArn] },
    useKey(r, ['s3', 'kinesis', 'sqs']),
  ];
}

/**
 * Every operation's statements.
 *
 * @param r - the stack's ARNs
 * @returns statements by operation
 * @example
 * ```ts
 * Object.keys(operatorStatements(resources)); //=> ['backfill', 'reconcile', 'replay', 'merge']
 * ```
 */
export function operatorStatements(r: OperatorResources): Record<OperatorOperation, PolicyStatement[]> {
  return {
    backfill: backfillStatements(r),
    reconcile: reconcileStatements(r),
    replay: replayStatements(r),
    merge: mergeOperatorStatements(r),
  };
}

/**
 * Physical name of an operation's managed policy.
 *
 * @param baseName - `<prefix>-<environment>`
 * @param operation - the command
 * @returns the policy name
 * @example
 * ```ts
 * operatorPolicyName('sales-dev', 'backfill'); //=> 'sales-dev-lake-backfill'
 * ```
 */
export function operatorPolicyName(baseName: string, operation: OperatorOperation): string {
  return `${baseName}-lake-${operation}`;
}
