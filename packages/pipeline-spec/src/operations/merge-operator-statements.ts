/**
 * What `sales-lake merge` needs on the lake bucket, as least-privilege IAM statements scoped to the stack's ARNs.
 */
import {
  CURRENT_STATE_PREFIX,
  CURRENT_TABLE_NAME,
  MERGE_LOG_TABLE_NAME,
  TOMBSTONE_TABLE_NAME,
} from '../current/current-state-tables';
import { DATA_PREFIX } from '../lake/lake-layout';
import type { PolicyStatement } from '../types';
import { checkLake, listUnder, type OperatorResources, under, useKey } from './operator-resources';

/**
 * The Glue ARNs of the current-state tables, from the catalog ARN and the table names of `current-state-tables.ts`:
 * `table/*\/<name>`. The stack passes its database by ARN (a Terraform reference), not by name, so the database
 * segment is a wildcard; Glue authorizes a table action on the catalog, the database and the table together, and the
 * statements grant this stack's database ARN only, so the same-named tables of another database stay refused.
 *
 * @param catalogArn - `arn:<partition>:glue:<region>:<account>:catalog`.
 * @returns The ARNs of `orders_current`, its tombstones and its merge log.
 * @throws Error when `catalogArn` is not a catalog ARN.
 * @see https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
 * @example
 * ```ts
 * currentStateTableArns('arn:aws:glue:eu-west-1:123456789012:catalog')[0];
 * //=> 'arn:aws:glue:eu-west-1:123456789012:table/*\/orders_current'
 * ```
 */
export function currentStateTableArns(catalogArn: string): string[] {
  if (!catalogArn.endsWith(':catalog'))
    throw new Error(`expected a Glue catalog ARN ending in :catalog, received "${catalogArn}"`);
  const prefix = catalogArn.slice(0, -'catalog'.length);
  return [CURRENT_TABLE_NAME, TOMBSTONE_TABLE_NAME, MERGE_LOG_TABLE_NAME].map((name) => `${prefix}table/*/${name}`);
}

/**
 * `sales-lake merge` on the lake bucket: Athena (engine version 3) reads `order_changes` and merges into the Iceberg
 * tables under `current/`, committing each statement through Glue's optimistic locking (`glue:UpdateTable`).
 *
 * @param r - the stack's ARNs
 * @returns the statements
 * @see https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html
 */
export function mergeOperatorStatements(r: OperatorResources): PolicyStatement[] {
  const [catalog, database, changes] = r.glueArns;
  return [
    checkLake(r),
    // The window query, the MERGE, DELETE and INSERT statements; StopQueryExecution lets Ctrl-C cancel one.
    // https://docs.aws.amazon.com/athena/latest/ug/example-policies-workgroup.html
    {
      sid: 'QueryInWorkgroup',
      actions: [
        'athena:GetQueryExecution',
        'athena:GetQueryResults',
        'athena:StartQueryExecution',
        'athena:StopQueryExecution',
      ],
      resources: [r.workgroupArn],
    },
    // The change log: its definition (GetTable needs catalog, database and table), read with the caller's rights.
    // https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
    {
      sid: 'ReadChangeLog',
      actions: ['glue:GetDatabase', 'glue:GetPartitions', 'glue:GetTable'],
      resources: [catalog, database, changes],
    },
    // Athena commits an Iceberg write by swapping the table's metadata location in Glue (optimistic locking).
    // https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg.html ("Table locking support by AWS Glue only")
    {
      sid: 'CommitCurrentTables',
      actions: ['glue:GetTable', 'glue:UpdateTable'],
      resources: [catalog, database, ...currentStateTableArns(catalog)],
    },
    { sid: 'LocateBuckets', actions: ['s3:GetBucketLocation'], resources: [r.lakeBucketArn, r.resultsBucketArn] },
    { sid: 'ReadRows', actions: ['s3:GetObject'], resources: [under(r.lakeBucketArn, DATA_PREFIX)] },
    listUnder('ListRows', r.lakeBucketArn, DATA_PREFIX),
    // Iceberg data, delete and metadata files: written by each commit, read by the next, deleted when a failed commit
    // is cleaned up and by snapshot expiry. Only under current/, which no lifecycle rule expires.
    {
      sid: 'ReadWriteCurrentTables',
      actions: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:PutObject'],
      resources: [under(r.lakeBucketArn, CURRENT_STATE_PREFIX)],
    },
    listUnder('ListCurrentTables', r.lakeBucketArn, CURRENT_STATE_PREFIX),
    {
      sid: 'ReadWriteQueryResults',
      actions: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:ListBucket', 's3:PutObject'],
      resources: [r.resultsBucketArn, `${r.resultsBucketArn}/*`],
    },
    useKey(r),
  ];
}
