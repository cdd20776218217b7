/**
 * The calls each service documents making with the roles of `orders_current`'s merge: Step Functions running the
 * statements in Athena (and Athena reading and committing the tables with the role's rights), EventBridge Scheduler
 * starting the merge, Glue's table optimizers maintaining the tables. Rows of `DATA_PATH_ROLES`.
 */
import {
  ATHENA_MERGE_DIALECT,
  CURRENT_TABLE_NAME,
  MERGE_LOG_TABLE_NAME,
  MERGE_SUCCESS_METRIC,
  mergeStatements,
  TABLE_NAME,
  TABLE_OPTIMIZER_LOG_GROUPS,
  TOMBSTONE_TABLE_NAME,
} from '@sales/pipeline-spec';
import type { DataPathRole } from './data-path-calls';
import { request, type IamRequest } from './iam-request';
import { athenaQueryRequests, athenaResultReads, readObject, s3KeyUse, writeObject } from './service-requests';
import type { StackFacts } from './stack-facts';

const CURRENT_STATE_TABLES = [CURRENT_TABLE_NAME, TOMBSTONE_TABLE_NAME, MERGE_LOG_TABLE_NAME];
const arnOf = (f: StackFacts, service: string, resource: string) =>
  `arn:${f.account.partition}:${service}:${f.account.region}:${f.account.accountId}:${resource}`;
const stateMachineArn = (f: StackFacts) => arnOf(f, 'states', 'stateMachine:sales-dev-current-state-merge');
const workgroup = (f: StackFacts) => Object.keys(f.workgroups)[0]!;

/**
 * The tables a windowed merge's statements read, found in its SQL rendered with qualified names, each as a query
 * `athenaQueryRequests` can read (the statements' own `"alias"."column"` pairs would look like tables to it).
 */
function tableReads(f: StackFacts): string[] {
  const q = (table: string) => `"${f.glueDatabase}"."${table}"`;
  const tables = {
    dialect: ATHENA_MERGE_DIALECT,
    changes: q(TABLE_NAME),
    current: q(CURRENT_TABLE_NAME),
    tombstones: q(TOMBSTONE_TABLE_NAME),
    mergeLog: q(MERGE_LOG_TABLE_NAME),
  };
  const window = { year: '2026', month: '12', day: '06', hour: '08' };
  const run = { mode: 'incremental', runId: 'r-1', readUntil: '2026-12-06T15:04:05.123Z', window } as const;
  const sql = mergeStatements(tables, run)
    .map((statement) => statement.sql)
    .join('\n');
  const named = sql.match(new RegExp(`"${f.glueDatabase}"\\."[a-z0-9_]+"`, 'g')) ?? [];
  return [...new Set(named)].map((table) => `SELECT * FROM ${table}`);
}

/** Athena committing to an Iceberg table with the caller's rights: the catalog swap, new data, delete and metadata files, a failed commit's clean-up. */
function icebergCommit(f: StackFacts, table: string, cause: string): IamRequest[] {
  const by = `${cause} → Athena commits ${table}`;
  const prefix = `current/${table}/`;
  const glue = (resource: string) => arnOf(f, 'glue', resource);
  return [
    ...[glue('catalog'), glue(`database/${f.glueDatabase}`), glue(`table/${f.glueDatabase}/${table}`)].map((arn) =>
      request('glue:UpdateTable', arn, by),
    ),
    ...writeObject(f, f.lakeBucket, `${prefix}data/00000-0-a1b2.parquet`, by),
    ...writeObject(f, f.lakeBucket, `${prefix}metadata/00001-c3d4.metadata.json`, by),
    ...readObject(f, f.lakeBucket, `${prefix}metadata/snap-1-1-e5f6.avro`, by),
    request('s3:DeleteObject', `arn:aws:s3:::${f.lakeBucket}/${prefix}data/00000-0-a1b2.parquet`, by),
    request('s3:AbortMultipartUpload', `arn:aws:s3:::${f.lakeBucket}/${prefix}data/00000-0-a1b2.parquet`, by),
  ];
}

/** The three roles of the current-state merge. */
export const CURRENT_STATE_ROLES: readonly DataPathRole[] = [
  {
    role: 'sales-dev-current-state-merge',
    cite:
      'https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html (StartQueryExecution .sync: start, get, stop; ' +
      'GetQueryResults); https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html and ' +
      'https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg.html (Athena reads, writes and commits with the ' +
      "caller's rights); https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html (log delivery); aws-sdk " +
      'integrations sfn:listExecutions and cloudwatch:putMetricData',
    requests: (f) => {
      const cause = 'Step Functions merge';
      const wg = f.workgroups[workgroup(f)]!.arn;
      return [
        ...[
          'athena:StartQueryExecution',
          'athena:GetQueryExecution',
          'athena:StopQueryExecution',
          'athena:GetQueryResults',
        ].map((action) => request(action, wg, cause)),
        ...tableReads(f).flatMap((sql) => athenaQueryRequests(f, workgroup(f), sql, cause)),
        ...CURRENT_STATE_TABLES.flatMap((table) => icebergCommit(f, table, cause)),
        ...athenaResultReads(f, workgroup(f), cause),
        request('states:ListExecutions', stateMachineArn(f), 'Sfn.ListExecutions (one merge at a time)'),
        request('cloudwatch:PutMetricData', '*', 'CloudWatch.PutMetricData', {
          'cloudwatch:namespace': MERGE_SUCCESS_METRIC.namespace,
        }),
        ...[
          'logs:CreateLogDelivery',
          'logs:GetLogDelivery',
          'logs:UpdateLogDelivery',
          'logs:DeleteLogDelivery',
          'logs:ListLogDeliveries',
          'logs:PutResourcePolicy',
          'logs:DescribeResourcePolicies',
          'logs:DescribeLogGroups',
        ].map((action) => request(action, '*', 'Step Functions logging')),
      ];
    },
  },
  {
    role: 'sales-dev-current-state-merge-schedule',
    cite:
      'https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role (states:StartExecution ' +
      'for a Step Functions target) and https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html ' +
      '(sqs:SendMessage with the execution role; an SSE-KMS queue needs the key)',
    requests: (f) => [
      request('states:StartExecution', stateMachineArn(f), 'Scheduler target'),
      request('sqs:SendMessage', arnOf(f, 'sqs', 'sales-dev-current-state-merge-dlq'), 'Scheduler dead-letter queue'),
      ...(['kms:GenerateDataKey', 'kms:Decrypt'] as const).map((action) =>
        request(action, f.kmsKeyArn, 'Scheduler dead-letter queue (SSE-KMS)', {
          'kms:ViaService': `sqs.${f.account.region}.amazonaws.com`,
        }),
      ),
    ],
  },
  {
    role: 'sales-dev-table-optimizer',
    cite:
      'https://docs.aws.amazon.com/glue/latest/dg/optimization-prerequisites.html (glue:GetTable and UpdateTable on the table; ' +
      's3 Get, Put, Delete on its location and ListBucket; logs in the three iceberg optimizer groups; the key for SSE-KMS data)',
    requests: (f) => {
      const glue = (resource: string) => arnOf(f, 'glue', resource);
      const cause = 'Glue table optimizer';
      return [
        ...CURRENT_STATE_TABLES.flatMap((table) => {
          const prefix = `current/${table}/`;
          const object = `arn:aws:s3:::${f.lakeBucket}/${prefix}data/00000-0-a1b2.parquet`;
          return [
            ...[glue('catalog'), glue(`database/${f.glueDatabase}`), glue(`table/${f.glueDatabase}/${table}`)].flatMap(
              (arn) => [request('glue:GetTable', arn, cause), request('glue:UpdateTable', arn, cause)],
            ),
            request('s3:ListBucket', `arn:aws:s3:::${f.lakeBucket}`, cause, { 's3:prefix': prefix }),
            ...readObject(f, f.lakeBucket, `${prefix}data/00000-0-a1b2.parquet`, cause),
            ...writeObject(f, f.lakeBucket, `${prefix}data/00001-0-c3d4.parquet`, cause),
            request('s3:DeleteObject', object, cause),
          ];
        }),
        s3KeyUse(f, 'kms:Decrypt', f.lakeBucket, cause),
        ...TABLE_OPTIMIZER_LOG_GROUPS.flatMap((group) => {
          const logGroup = arnOf(f, 'logs', `log-group:${group}`);
          return [
            request('logs:CreateLogGroup', logGroup, cause),
            request('logs:CreateLogStream', `${logGroup}:log-stream:run-1`, cause),
            request('logs:PutLogEvents', `${logGroup}:log-stream:run-1`, cause),
          ];
        }),
      ];
    },
  },
];

/** Requests the merge and optimizer roles must not be granted: writing or deleting change rows, another prefix. */
export const currentStateOutsideLake = (f: StackFacts): [string, IamRequest][] => [
  [
    'sales-dev-current-state-merge',
    request('s3:PutObject', `arn:aws:s3:::${f.lakeBucket}/sales/x.gz`, 'negative control'),
  ],
  [
    'sales-dev-current-state-merge',
    request('s3:DeleteObject', `arn:aws:s3:::${f.lakeBucket}/sales/x.gz`, 'negative control'),
  ],
  [
    'sales-dev-current-state-merge',
    request('glue:UpdateTable', arnOf(f, 'glue', `table/${f.glueDatabase}/${TABLE_NAME}`), 'negative control'),
  ],
  [
    'sales-dev-table-optimizer',
    request('s3:DeleteObject', `arn:aws:s3:::${f.lakeBucket}/sales/x.gz`, 'negative control'),
  ],
  [
    'sales-dev-current-state-merge-schedule',
    request('states:StartExecution', arnOf(f, 'states', 'stateMachine:other'), 'negative control'),
  ],
];
