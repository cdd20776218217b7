import type { BlockKind, RiskEffect } from './types';

/**
 * One entry of the table of changes that hurt this pipeline.
 *
 * A rule matches a changed block of its `kind` and `type` when a changed attribute path, with list
 * indices dropped, equals `path` or lies below it; with `path: null` it matches the block's removal.
 */
export interface ConsequenceRule {
  /** @defaultValue 'resource' */
  readonly kind?: BlockKind;
  /** Resource type, e.g. `aws_dynamodb_table`; for `terraform` blocks the setting, e.g. `backend`. */
  readonly type: string;
  /** Attribute path without list indices, e.g. `extended_s3_configuration.dynamic_partitioning_configuration`; `null` = removal. */
  readonly path: string | null;
  readonly effect: RiskEffect;
  /** One line on what happens to the pipeline, written for the reviewer. */
  readonly consequence: string;
}

const TABLE_LOST = 'the table is replaced: every order item is deleted, and its new stream ARN orphans the pipe';
const STREAM_ARN =
  'new stream ARN: the pipe is replaced and starts at its starting position; changes in between are lost';
const FIREHOSE_REPLACED =
  'delivery stream replaced: the new one starts reading Kinesis at LATEST, records in between never reach the lake';
const PIPE_REPLACED =
  'pipe replaced: it re-reads the table stream from its starting position; changes in between are lost or replayed';
const LAKE_MOVED =
  'lake bucket replaced: existing objects stay in the old bucket (or block the destroy), Glue and Athena see an empty lake';
const KINESIS_LOST =
  'Kinesis stream replaced: unread records are lost, and the pipe and the delivery stream must follow the new ARN';
const CATALOG_MOVED =
  'catalog table replaced: queries on order_changes fail while it is recreated, and columns the crawler added are lost until it runs again';

/**
 * The changes that replace a resource or lose data in this pipeline (DynamoDB -> Pipe -> Kinesis ->
 * Firehose -> S3 -> Glue -> Athena), with the consequence the reviewer needs to know.
 *
 * Attribute paths are those of `cdk.tf.json` (Terraform argument names). Changes not listed here,
 * such as a Lambda's `source_code_hash` after a code change, are ordinary in-place updates.
 *
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs
 */
export const CONSEQUENCE_RULES: readonly ConsequenceRule[] = [
  { type: 'aws_dynamodb_table', path: 'name', effect: 'data-loss', consequence: TABLE_LOST },
  { type: 'aws_dynamodb_table', path: 'hash_key', effect: 'data-loss', consequence: TABLE_LOST },
  { type: 'aws_dynamodb_table', path: 'range_key', effect: 'data-loss', consequence: TABLE_LOST },
  { type: 'aws_dynamodb_table', path: 'local_secondary_index', effect: 'data-loss', consequence: TABLE_LOST },
  {
    type: 'aws_dynamodb_table',
    path: 'attribute',
    effect: 'replace',
    consequence: 'key attribute definitions changed: a changed key type replaces the table and deletes every item',
  },
  { type: 'aws_dynamodb_table', path: 'stream_enabled', effect: 'data-loss', consequence: STREAM_ARN },
  { type: 'aws_dynamodb_table', path: 'stream_view_type', effect: 'data-loss', consequence: STREAM_ARN },
  {
    type: 'aws_dynamodb_table',
    path: null,
    effect: 'data-loss',
    consequence: 'table destroyed: every order item is deleted and the pipe loses its source',
  },
  { type: 'aws_pipes_pipe', path: 'name', effect: 'replace', consequence: PIPE_REPLACED },
  { type: 'aws_pipes_pipe', path: 'source', effect: 'replace', consequence: PIPE_REPLACED },
  {
    type: 'aws_pipes_pipe',
    path: 'source_parameters.dynamodb_stream_parameters.starting_position',
    effect: 'replace',
    consequence: PIPE_REPLACED,
  },
  { type: 'aws_kinesis_stream', path: 'name', effect: 'data-loss', consequence: KINESIS_LOST },
  {
    type: 'aws_kinesis_stream',
    path: null,
    effect: 'data-loss',
    consequence: 'Kinesis stream destroyed: unread records are lost and changes stop flowing to the lake',
  },
  { type: 'aws_kinesis_firehose_delivery_stream', path: 'name', effect: 'replace', consequence: FIREHOSE_REPLACED },
  {
    type: 'aws_kinesis_firehose_delivery_stream',
    path: 'destination',
    effect: 'replace',
    consequence: FIREHOSE_REPLACED,
  },
  {
    type: 'aws_kinesis_firehose_delivery_stream',
    path: 'kinesis_source_configuration',
    effect: 'replace',
    consequence: FIREHOSE_REPLACED,
  },
  {
    type: 'aws_kinesis_firehose_delivery_stream',
    path: 'extended_s3_configuration.dynamic_partitioning_configuration',
    effect: 'replace',
    consequence: `dynamic partitioning is only settable at creation: ${FIREHOSE_REPLACED}`,
  },
  {
    type: 'aws_kinesis_firehose_delivery_stream',
    path: null,
    effect: 'data-loss',
    consequence: 'delivery stream destroyed: records stop reaching the lake',
  },
  { type: 'aws_s3_bucket', path: 'bucket', effect: 'data-loss', consequence: LAKE_MOVED },
  { type: 'aws_s3_bucket', path: 'bucket_prefix', effect: 'data-loss', consequence: LAKE_MOVED },
  {
    type: 'aws_s3_bucket',
    path: null,
    effect: 'data-loss',
    consequence:
      'bucket destroyed: the lake (or the access logs) it holds is deleted with force_destroy, or the destroy fails',
  },
  { type: 'aws_glue_catalog_table', path: 'name', effect: 'replace', consequence: CATALOG_MOVED },
  { type: 'aws_glue_catalog_table', path: 'database_name', effect: 'replace', consequence: CATALOG_MOVED },
  {
    type: 'aws_glue_catalog_database',
    path: 'name',
    effect: 'replace',
    consequence:
      'catalog database replaced: its tables are dropped and recreated, and queries on order_changes fail meanwhile',
  },
  {
    type: 'aws_kms_key',
    path: 'customer_master_key_spec',
    effect: 'data-loss',
    consequence: 'key replaced: the old key is scheduled for deletion, and data encrypted with it becomes unreadable',
  },
  {
    type: 'aws_kms_key',
    path: 'key_usage',
    effect: 'data-loss',
    consequence: 'key replaced: the old key is scheduled for deletion, and data encrypted with it becomes unreadable',
  },
  {
    type: 'aws_kms_key',
    path: null,
    effect: 'data-loss',
    consequence:
      'key scheduled for deletion: after the waiting period every object, record and item encrypted with it is unreadable',
  },
  {
    kind: 'terraform',
    type: 'backend',
    path: '',
    effect: 'replace',
    consequence:
      'state location changed: run terraform init -migrate-state first, or the next apply recreates every resource',
  },
];
