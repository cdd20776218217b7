/**
 * What `sales-lake merge` needs on the lake bucket, as least-privilege IAM statements scoped to the stack's ARNs.
 */
import { CURRENT_STATE_PREFIX } from '../current/current-state-tables';
import { DATA_PREFIX } from '../lake/lake-layout';
import type { PolicyStatement } from '../types';
import { checkLake, listUnder, type OperatorResources, under, useKey } from './operator-resources';
import { workgroupQueryStatement } from '../settings/workgroup-query-statement';

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
    workgroupQueryStatement('QueryInWorkgroup', r.workgroupArn),
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
      resources: [catalog, database, ...r.currentStateTableArns],
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
