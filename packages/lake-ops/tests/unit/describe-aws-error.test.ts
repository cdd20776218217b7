/**
 * describeAwsError: each documented AWS error shape, built with the SDK's own exception classes, is told in the
 * terms of the command line that ran.
 */
import { AthenaServiceException, InvalidRequestException } from '@aws-sdk/client-athena';
import {
  ConditionalCheckFailedException,
  DynamoDBServiceException,
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { ResourceNotFoundException as StreamNotFound } from '@aws-sdk/client-dynamodb-streams';
import { ResourceNotFoundException as KinesisStreamNotFound } from '@aws-sdk/client-kinesis';
import { AccessDenied, NoSuchBucket, NoSuchKey, S3ServiceException } from '@aws-sdk/client-s3';
import { QueueDoesNotExist, SQSServiceException } from '@aws-sdk/client-sqs';
import { UsageError } from '@sales/command-line';
import { AthenaQueryError } from '../../src/athena/athena-query-error.js';
import type { AwsErrorContext } from '../../src/aws-errors/aws-error-context.js';
import { describeAwsError } from '../../src/aws-errors/describe-aws-error.js';

const $metadata = { httpStatusCode: 400 };
/** An error code the client has no class for, as the SDK deserializes it: the service's base exception, renamed. */
const unmodelled = <T extends new (options: never) => Error>(Base: T, name: string, message: string): Error =>
  new Base({ name, $fault: 'client', $metadata, message } as never);

const LOCAL: AwsErrorContext = {
  command: 'reconcile',
  table: 'orders',
  endpoint: 'http://127.0.0.1:4567',
  lake: '/tmp/lake',
};
const AWS: AwsErrorContext = {
  command: 'reconcile',
  table: 'sales-dev-orders',
  region: 'eu-west-1',
  lake: 's3://sales-dev-lake/',
  workgroup: 'sales-dev',
  database: 'sales_dev',
};
const EXPORT: AwsErrorContext = {
  ...AWS,
  command: 'backfill',
  export: 's3://sales-dev-exports/exports/01700000000000-abc/',
};
const REPLAY: AwsErrorContext = {
  command: 'replay',
  dlq: 'https://sqs.eu-west-1.amazonaws.com/123456789012/sales-dev-pipe-dlq',
  stream: 'sales-dev-changes',
};
const DENIED_SCAN =
  'User: arn:aws:sts::123456789012:assumed-role/ops/me is not authorized to perform: dynamodb:Scan on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/sales-dev-orders because no identity-based policy allows the dynamodb:Scan action';

test.each<[string, Error, AwsErrorContext, string]>([
  [
    'DynamoDB ResourceNotFoundException at --endpoint',
    new ResourceNotFoundException({ message: 'Requested resource not found', $metadata }),
    LOCAL,
    'table "orders" not found at http://127.0.0.1:4567; check --table (the stack output table_name)',
  ],
  [
    'DynamoDB ResourceNotFoundException at the regional endpoint',
    new ResourceNotFoundException({
      message: 'Requested resource not found: Table: sales-dev-orders not found',
      $metadata,
    }),
    AWS,
    'table "sales-dev-orders" not found at the regional endpoint of eu-west-1; check --table (the stack output table_name)',
  ],
  [
    'DynamoDB AccessDeniedException naming the action and resource',
    unmodelled(DynamoDBServiceException, 'AccessDeniedException', DENIED_SCAN),
    AWS,
    'not authorized to perform dynamodb:Scan on arn:aws:dynamodb:eu-west-1:123456789012:table/sales-dev-orders; the managed policy sales-dev-lake-reconcile (terraform output reconcile_policy_arn) grants what sales-lake reconcile needs; attach it to the role you run as',
  ],
  [
    'S3 AccessDenied without an action',
    new AccessDenied({ message: 'Access Denied', $metadata }),
    { ...AWS, command: 'replay', table: undefined },
    'S3 denied access while reading or writing --lake "s3://sales-dev-lake/" (AccessDenied: Access Denied); the managed policy <prefix>-<env>-lake-replay (terraform output replay_policy_arn) grants what sales-lake replay needs; attach it to the role you run as',
  ],
  [
    'Athena AccessDeniedException without a resource',
    unmodelled(
      AthenaServiceException,
      'AccessDeniedException',
      'You are not authorized to perform: athena:StartQueryExecution on the resource. After your AWS administrator or you have updated your permissions, please try again.',
    ),
    AWS,
    'not authorized to perform athena:StartQueryExecution on the resource, while querying the lake in --workgroup "sales-dev"; the managed policy sales-dev-lake-reconcile (terraform output reconcile_policy_arn) grants what sales-lake reconcile needs; attach it to the role you run as',
  ],
  [
    'DynamoDB UnrecognizedClientException',
    unmodelled(
      DynamoDBServiceException,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    ),
    AWS,
    'DynamoDB refused the credentials while reading table "sales-dev-orders" at the regional endpoint of eu-west-1 (UnrecognizedClientException: The security token included in the request is invalid.); sign in again or check AWS_PROFILE; the managed policy sales-dev-lake-reconcile (terraform output reconcile_policy_arn) grants what sales-lake reconcile needs',
  ],
  [
    'S3 ExpiredToken',
    unmodelled(S3ServiceException, 'ExpiredToken', 'The provided token has expired.'),
    { ...AWS, command: 'backfill' },
    'S3 refused the credentials while reading or writing --lake "s3://sales-dev-lake/" (ExpiredToken: The provided token has expired.); sign in again or check AWS_PROFILE; the managed policy sales-dev-lake-backfill (terraform output backfill_policy_arn) grants what sales-lake backfill needs',
  ],
  [
    'S3 NoSuchBucket of the lake, after the lake check',
    Object.assign(new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata }), {
      BucketName: 'sales-dev-lake',
    }),
    EXPORT,
    '--lake "s3://sales-dev-lake/": no such bucket; give the stack\'s lake bucket (terraform output lake_bucket)',
  ],
  [
    'S3 NoSuchBucket of --export',
    Object.assign(new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata }), {
      BucketName: 'sales-dev-exports',
    }),
    EXPORT,
    '--export "s3://sales-dev-exports/exports/01700000000000-abc/": no such bucket; give the location of a finished export',
  ],
  [
    'S3 NoSuchKey in an export folder',
    new NoSuchKey({ message: 'The specified key does not exist.', $metadata }),
    EXPORT,
    '--export "s3://sales-dev-exports/exports/01700000000000-abc/": a file the export\'s manifest lists is missing (NoSuchKey: The specified key does not exist.); give a finished, complete export',
  ],
  [
    'SQS QueueDoesNotExist',
    new QueueDoesNotExist({ message: 'The specified queue does not exist.', $metadata }),
    REPLAY,
    '--dlq "https://sqs.eu-west-1.amazonaws.com/123456789012/sales-dev-pipe-dlq": no such queue, or no access to it (SQS answers both alike); give the pipe\'s dead-letter queue URL; the managed policy <prefix>-<env>-lake-replay (terraform output replay_policy_arn) grants what sales-lake replay needs',
  ],
  [
    'SQS AWS.SimpleQueueService.NonExistentQueue (the query-protocol code)',
    unmodelled(SQSServiceException, 'AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.'),
    REPLAY,
    '--dlq "https://sqs.eu-west-1.amazonaws.com/123456789012/sales-dev-pipe-dlq": no such queue, or no access to it (SQS answers both alike); give the pipe\'s dead-letter queue URL; the managed policy <prefix>-<env>-lake-replay (terraform output replay_policy_arn) grants what sales-lake replay needs',
  ],
  [
    'Kinesis ResourceNotFoundException',
    new KinesisStreamNotFound({
      message: 'Stream sales-dev-changes under account 123456789012 not found.',
      $metadata,
    }),
    REPLAY,
    '--stream "sales-dev-changes" not found (ResourceNotFoundException: Stream sales-dev-changes under account 123456789012 not found.); give the stack output stream_arn',
  ],
  [
    'DynamoDB Streams ResourceNotFoundException',
    new StreamNotFound({
      message: 'Requested resource not found: Stream: arn:aws:dynamodb:eu-west-1:1:table/t/stream/x not found',
      $metadata,
    }),
    REPLAY,
    'the table\'s stream named by a dead-letter message of --dlq "https://sqs.eu-west-1.amazonaws.com/123456789012/sales-dev-pipe-dlq" no longer exists (ResourceNotFoundException: Requested resource not found: Stream: arn:aws:dynamodb:eu-west-1:1:table/t/stream/x not found); its batches cannot be re-driven: repair the lake with sales-lake reconcile',
  ],
  [
    'Athena InvalidRequestException naming the workgroup',
    new InvalidRequestException({ message: 'WorkGroup sales-dve is not found.', $metadata }),
    { ...AWS, workgroup: 'sales-dve' },
    '--workgroup "sales-dve" not found in eu-west-1 (InvalidRequestException: WorkGroup sales-dve is not found.); give the stack output athena_workgroup',
  ],
  [
    'Athena query FAILED with SCHEMA_NOT_FOUND',
    new AthenaQueryError('1a2b', 'FAILED', "SCHEMA_NOT_FOUND: line 1:15: Schema 'sales_dve' does not exist"),
    { ...AWS, database: 'sales_dve' },
    `--database "sales_dve" not found in the Glue Data Catalog (AthenaQueryError: Athena query 1a2b FAILED: SCHEMA_NOT_FOUND: line 1:15: Schema 'sales_dve' does not exist); give the stack output glue_database`,
  ],
  [
    'Glue EntityNotFoundException through Athena',
    unmodelled(AthenaServiceException, 'EntityNotFoundException', 'Database sales_dve not found.'),
    { ...AWS, database: 'sales_dve' },
    '--database "sales_dve" not found in the Glue Data Catalog (EntityNotFoundException: Database sales_dve not found.); give the stack output glue_database',
  ],
  [
    'DynamoDB ProvisionedThroughputExceededException',
    new ProvisionedThroughputExceededException({ message: 'Throughput exceeds the current capacity', $metadata }),
    { ...AWS, command: 'backfill' },
    'DynamoDB throttled the run while reading table "sales-dev-orders" at the regional endpoint of eu-west-1 (ProvisionedThroughputExceededException), beyond the SDK\'s retries; re-run the same sales-lake backfill: it is idempotent, so it continues without duplicating anything',
  ],
  [
    'S3 SlowDown',
    unmodelled(S3ServiceException, 'SlowDown', 'Please reduce your request rate.'),
    { ...REPLAY, lake: 's3://sales-dev-lake/' },
    'S3 throttled the run while reading or writing --lake "s3://sales-dev-lake/" (SlowDown), beyond the SDK\'s retries; re-run the same sales-lake replay: it is idempotent, so it continues without duplicating anything',
  ],
  [
    "the HTTP handler's TimeoutError",
    Object.assign(new Error('the request socket timed out after 60000 ms of inactivity'), { name: 'TimeoutError' }),
    LOCAL,
    "timed out while waiting for http://127.0.0.1:4567 (TimeoutError: the request socket timed out after 60000 ms of inactivity), beyond the SDK's retries; re-run the same sales-lake reconcile: it is idempotent, so it continues without duplicating anything",
  ],
  [
    'an AWS error wrapped as the cause of another',
    new Error('reading page 3 failed', {
      cause: new ResourceNotFoundException({ message: 'Requested resource not found', $metadata }),
    }),
    LOCAL,
    'table "orders" not found at http://127.0.0.1:4567; check --table (the stack output table_name)',
  ],
])('%s', (_case, error, context, line) => {
  expect(describeAwsError(error, context)).toBe(line);
});

test.each<[string, unknown]>([
  ['a plain Error', new Error('boom')],
  ['a usage error', new UsageError('--table is required')],
  [
    'an AWS error it has no words for',
    new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata }),
  ],
  [
    'Athena InvalidRequestException about the SQL',
    new InvalidRequestException({ message: "line 1:8: mismatched input 'FORM'", $metadata }),
  ],
  ['a thrown string', 'boom'],
])('leaves %s to runMain (undefined)', (_case, error) => {
  expect(describeAwsError(error, LOCAL)).toBeUndefined();
});

test('the region falls back to words when the SDK resolved none', () => {
  const error = new ResourceNotFoundException({ message: 'Requested resource not found', $metadata });

  expect(describeAwsError(error, { command: 'reconcile', table: 'orders' })).toBe(
    'table "orders" not found at the regional endpoint of the configured region; check --table (the stack output table_name)',
  );
});
