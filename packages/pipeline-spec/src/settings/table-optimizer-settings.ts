import { CURRENT_STATE_PREFIX } from '../current/current-state-tables';
import type { AwsContext, PolicyStatement } from '../types';
import { keyUseStatement } from './key-use-statement';

/**
 * Pure settings of the Glue table optimizers that maintain the current-state Iceberg tables: which optimizers, how long
 * they keep snapshots and unreferenced files, where Glue logs them, and their role's statements.
 */

/** The optimizer types `aws_glue_catalog_table_optimizer` takes (provider 5.65 and later). */
export const TABLE_OPTIMIZER_TYPES = ['compaction', 'retention', 'orphan_file_deletion'] as const;
/** One of {@link TABLE_OPTIMIZER_TYPES}. */
export type TableOptimizerType = (typeof TABLE_OPTIMIZER_TYPES)[number];

/**
 * How the optimizers keep the tables.
 *
 * - `snapshotRetentionPeriodInDays`: 1, not Glue's 5. A merge every 5 minutes commits about 4 snapshots (tombstones
 *   twice, the table, the merge log), some 1,150 a day; every commit rewrites a metadata file listing all live
 *   snapshots, and every query reads it. No part of the pipeline reads an older snapshot: a repair rebuilds from the
 *   change log. Glue keeps at least one snapshot (its default), so the table is never emptied.
 * - `orphanFileRetentionPeriodInDays`: 3 (Glue's default, written out because it must stay above the longest commit
 *   delay): a merge statement's new files are unreferenced until it commits, at most Athena's DML timeout later
 *   (30 minutes unless raised), so only files older than days are ever judged orphans.
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/table-optimizers.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/service-limits.html
 */
export const TABLE_OPTIMIZER_SETTINGS = {
  snapshotRetentionPeriodInDays: 1,
  orphanFileRetentionPeriodInDays: 3,
} as const;

/**
 * The log groups Glue's optimizers write to. Glue creates them, account-wide, without retention or a customer key: one
 * group serves every table of the account and region, so a stack does not own them (a second stack in the account
 * would collide). docs/infrastructure.md says how to give them a retention once per account.
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/optimization-prerequisites.html
 */
export const TABLE_OPTIMIZER_LOG_GROUPS = [
  '/aws-glue/iceberg-compaction/logs',
  '/aws-glue/iceberg-retention/logs',
  '/aws-glue/iceberg-orphan-file-deletion/logs',
] as const;

/**
 * The optimizers' role name.
 *
 * @param baseName - `<prefix>-<environment>`
 * @returns the name
 * @example
 * ```ts
 * tableOptimizerRoleName('sales-dev'); //=> 'sales-dev-table-optimizer'
 * ```
 */
export function tableOptimizerRoleName(baseName: string): string {
  return `${baseName}-table-optimizer`;
}

/** What the optimizers' role is scoped to (tokens). */
export interface TableOptimizerResources {
  /** Account, region and partition. */
  readonly aws: AwsContext;
  /** The lake bucket. */
  readonly lakeBucketArn: string;
  /** The pipeline key the lake's objects are encrypted with. */
  readonly kmsKeyArn: string;
  /** The Glue Data Catalog and database ARNs. */
  readonly catalogArns: readonly [catalog: string, database: string];
  /** The tables the optimizers maintain. */
  readonly tableArns: readonly string[];
}

/**
 * What the optimizers' role may do, per Glue's table optimization prerequisites: read and update the tables in the
 * catalog, read, write and delete their files under `current/`, list the lake bucket (at its root: like the crawler,
 * Glue documents no prefix for the listing), use the key through S3 for the SSE-KMS objects, and write its logs.
 *
 * @param r - the resources (tokens)
 * @returns the statements
 * @see https://docs.aws.amazon.com/glue/latest/dg/optimization-prerequisites.html
 */
export function tableOptimizerStatements(r: TableOptimizerResources): PolicyStatement[] {
  const logGroup = (name: string) => `arn:${r.aws.partition}:logs:${r.aws.region}:${r.aws.accountId}:log-group:${name}`;
  return [
    {
      sid: 'UpdateTables',
      actions: ['glue:GetTable', 'glue:UpdateTable'],
      resources: [...r.catalogArns, ...r.tableArns],
    },
    {
      sid: 'ReadWriteTableFiles',
      actions: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
      resources: [`${r.lakeBucketArn}/${CURRENT_STATE_PREFIX}*`],
    },
    { sid: 'ListLake', actions: ['s3:ListBucket'], resources: [r.lakeBucketArn] },
    keyUseStatement('UsePipelineKey', ['kms:Decrypt', 'kms:GenerateDataKey'], r.kmsKeyArn, r.aws.region, ['s3']),
    {
      sid: 'WriteOptimizerLogs',
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: TABLE_OPTIMIZER_LOG_GROUPS.flatMap((name) => [logGroup(name), `${logGroup(name)}:*`]),
    },
  ];
}
