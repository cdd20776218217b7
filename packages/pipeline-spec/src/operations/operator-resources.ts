/**
 * The stack's ARNs and names the operator policies are scoped to, and the statement parts several commands share.
 */
import { DATA_PREFIX, ERROR_PREFIX } from '../lake/lake-layout';
import { type KeyCallingService, keyUseStatement } from '../settings/key-use-statement';
import type { PolicyStatement } from '../types';

/** ARNs (Terraform tokens) and names the operator policies are scoped to. */
export interface OperatorResources {
  /** The orders table. */
  readonly tableArn: string;
  /** The table's stream. */
  readonly tableStreamArn: string;
  /** The lake bucket. */
  readonly lakeBucketArn: string;
  /** The Athena results bucket. */
  readonly resultsBucketArn: string;
  /** The pipeline key (table, stream, queue and buckets). */
  readonly kmsKeyArn: string;
  /** The Kinesis stream the pipe writes to. */
  readonly kinesisStreamArn: string;
  /** The pipe's SQS dead-letter queue. */
  readonly deadLetterQueueArn: string;
  /** The Athena workgroup. */
  readonly workgroupArn: string;
  /** Glue Data Catalog, database and table ARNs, in that order (GetTable needs all three). */
  readonly glueArns: readonly [catalog: string, database: string, table: string];
  /** ARNs of the two line tables reconcile queries in Athena (`order_change_lines`, `reconcile_rows`). */
  readonly reconcileTableArns: readonly [changeLines: string, reconcileRows: string];
  /** ARNs of the current-state Iceberg tables (`orders_current`, its tombstones, its merge log). */
  readonly currentStateTableArns: readonly [current: string, tombstones: string, mergeLog: string];
  /** The stack's region: the key is used through this region's services only. */
  readonly region: string;
}

/** `arn:...:bucket/<prefix>*`: every object under one lake prefix. */
export const under = (bucketArn: string, prefix: string) => `${bucketArn}/${prefix}*`;

/**
 * `s3:ListBucket` limited to one prefix with the `s3:prefix` condition key.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html
 */
export function listUnder(sid: string, bucketArn: string, prefix: string): PolicyStatement {
  return {
    sid,
    actions: ['s3:ListBucket'],
    resources: [bucketArn],
    conditions: { StringLike: { 's3:prefix': [prefix, `${prefix}*`] } },
  };
}

/**
 * The lake check each command makes before it reads or writes (`checkPipelineLake` in `@sales/lake-ops`):
 * `ListObjectsV2` under the lake's `sales/`, then `errors/`. Exact prefixes (`StringEquals`), so the check lists
 * nothing deeper than the other statements allow.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html
 */
export function checkLake(r: OperatorResources): PolicyStatement {
  return {
    sid: 'CheckLake',
    actions: ['s3:ListBucket'],
    resources: [r.lakeBucketArn],
    conditions: { StringEquals: { 's3:prefix': [DATA_PREFIX, ERROR_PREFIX] } },
  };
}

/**
 * SSE-KMS: writing an object under the bucket's default key needs `kms:GenerateDataKey`, reading it
 * `kms:Decrypt`, through S3; replay also writes the SSE-KMS Kinesis stream and reads the SSE-KMS queue. Only through
 * the services the command uses (`kms:ViaService`). DynamoDB reads (Scan, BatchGetItem, the stream) need no key
 * permission: DynamoDB decrypts under its own grant.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#require-sse-kms
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
export const useKey = (r: OperatorResources, services: readonly KeyCallingService[] = ['s3']): PolicyStatement =>
  keyUseStatement('UsePipelineKey', ['kms:Decrypt', 'kms:GenerateDataKey'], r.kmsKeyArn, r.region, services);
