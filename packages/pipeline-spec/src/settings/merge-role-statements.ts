import { CURRENT_STATE_PREFIX } from '../current/current-state-tables';
import { DATA_PREFIX } from '../lake/lake-layout';
import type { AwsContext, PolicyStatement } from '../types';
import { keyUseStatement } from './key-use-statement';
import { MERGE_SUCCESS_METRIC, mergeStateMachineArn } from './merge-schedule-settings';
import { workgroupQueryStatement } from './workgroup-query-statement';

/**
 * The statements of the scheduled merge's two roles: the state machine's, which runs the statements in Athena, and
 * the schedule's, which starts it.
 */

/** ARNs (Terraform tokens) the state machine's role is scoped to. */
export interface MergeResources {
  /** Account, region and partition. */
  readonly aws: AwsContext;
  /** `<prefix>-<environment>`: names the state machine. */
  readonly baseName: string;
  /** The lake bucket. */
  readonly lakeBucketArn: string;
  /** The Athena results bucket. */
  readonly resultsBucketArn: string;
  /** The pipeline key (lake, results and queue encryption). */
  readonly kmsKeyArn: string;
  /** The Athena workgroup the statements run in. */
  readonly workgroupArn: string;
  /** The Glue Data Catalog and database ARNs. */
  readonly catalogArns: readonly [catalog: string, database: string];
  /** The change log table, read only. */
  readonly changesTableArn: string;
  /** The three current-state tables, read and committed to. */
  readonly currentStateTableArns: readonly string[];
}

/** What the schedule's role is scoped to (tokens). */
export interface MergeScheduleResources {
  /** Account, region and partition. */
  readonly aws: AwsContext;
  /** `<prefix>-<environment>`: names the state machine. */
  readonly baseName: string;
  /** The pipeline key the queue is encrypted with. */
  readonly kmsKeyArn: string;
  /** The schedule's dead-letter queue. */
  readonly deadLetterQueueArn: string;
}

/**
 * What the state machine's role may do. Athena runs every statement with the caller's rights, so besides starting,
 * watching and stopping queries in the workgroup (the `.sync` integration polls `GetQueryExecution` and stops the
 * query when the task is stopped), the role reads the catalog, commits to the three Iceberg tables (`UpdateTable`
 * swaps the metadata location), reads the change rows under `sales/`, reads and writes the tables' files under
 * `current/` (`DeleteObject`: an Iceberg writer removes the files of a commit that failed), writes the results, and
 * uses the key through S3. Plus: list its own running executions (one merge at a time), publish
 * {@link MERGE_SUCCESS_METRIC}, and the CloudWatch Logs delivery actions Step Functions needs to log (no resource-level
 * permission: `*`).
 *
 * @param r - the resources (tokens)
 * @returns the statements
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
 */
export function mergeStateMachineStatements(r: MergeResources): PolicyStatement[] {
  const lake = r.lakeBucketArn;
  return [
    workgroupQueryStatement('RunStatementsInWorkgroup', r.workgroupArn),
    {
      sid: 'ReadCatalog',
      actions: ['glue:GetDatabase', 'glue:GetTable'],
      resources: [...r.catalogArns, r.changesTableArn, ...r.currentStateTableArns],
    },
    {
      sid: 'CommitCurrentState',
      actions: ['glue:UpdateTable'],
      resources: [...r.catalogArns, ...r.currentStateTableArns],
    },
    { sid: 'LocateBuckets', actions: ['s3:GetBucketLocation'], resources: [lake, r.resultsBucketArn] },
    {
      sid: 'ListLake',
      actions: ['s3:ListBucket'],
      resources: [lake],
      conditions: {
        StringLike: { 's3:prefix': [DATA_PREFIX, `${DATA_PREFIX}*`, CURRENT_STATE_PREFIX, `${CURRENT_STATE_PREFIX}*`] },
      },
    },
    { sid: 'ReadChangeRows', actions: ['s3:GetObject'], resources: [`${lake}/${DATA_PREFIX}*`] },
    {
      sid: 'ReadWriteCurrentState',
      actions: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:PutObject'],
      resources: [`${lake}/${CURRENT_STATE_PREFIX}*`],
    },
    {
      sid: 'ReadWriteQueryResults',
      actions: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:ListBucket', 's3:PutObject'],
      resources: [r.resultsBucketArn, `${r.resultsBucketArn}/*`],
    },
    keyUseStatement('UsePipelineKey', ['kms:Decrypt', 'kms:GenerateDataKey'], r.kmsKeyArn, r.aws.region, ['s3']),
    {
      sid: 'ListOwnExecutions',
      actions: ['states:ListExecutions'],
      resources: [mergeStateMachineArn(r.aws, r.baseName)],
    },
    // PutMetricData has no resource-level permission; cloudwatch:namespace scopes it.
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/iam-cw-condition-keys-namespace.html
    {
      sid: 'PublishMergeMetric',
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': MERGE_SUCCESS_METRIC.namespace } },
    },
    {
      sid: 'DeliverExecutionLogs',
      actions: [
        'logs:CreateLogDelivery',
        'logs:DeleteLogDelivery',
        'logs:DescribeLogGroups',
        'logs:DescribeResourcePolicies',
        'logs:GetLogDelivery',
        'logs:ListLogDeliveries',
        'logs:PutResourcePolicy',
        'logs:UpdateLogDelivery',
      ],
      resources: ['*'],
    },
  ];
}

/**
 * What the schedule's role may do: start this state machine, and send a start it gave up on to its dead-letter queue
 * (EventBridge Scheduler delivers to the queue with the schedule's role), through the key the queue is encrypted with.
 *
 * @param r - the resources (tokens)
 * @returns the statements
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
 */
export function mergeScheduleStatements(r: MergeScheduleResources): PolicyStatement[] {
  return [
    { sid: 'StartMerge', actions: ['states:StartExecution'], resources: [mergeStateMachineArn(r.aws, r.baseName)] },
    { sid: 'SendToDeadLetterQueue', actions: ['sqs:SendMessage'], resources: [r.deadLetterQueueArn] },
    keyUseStatement('UseKeyForDeadLetters', ['kms:Decrypt', 'kms:GenerateDataKey'], r.kmsKeyArn, r.aws.region, ['sqs']),
  ];
}
