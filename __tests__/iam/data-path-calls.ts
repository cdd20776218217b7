/**
 * The calls each AWS service documents making with the data-path role it is given, as IAM requests against the
 * resolved stack: the EventBridge Pipe, Data Firehose, the transform Lambda and the Glue crawler. One row per role,
 * citing the service's page that lists them.
 */
import { CURRENT_STATE_ROLES } from './current-state-calls';
import { request, type IamRequest } from './iam-request';
import { readObject, writeObject } from './service-requests';
import type { StackFacts } from './stack-facts';

/** One role and what its service does with it. */
export interface DataPathRole {
  /** The role's name in the dev stack. */
  readonly role: string;
  /** The service's page listing the permissions it uses. */
  readonly cite: string;
  readonly requests: (f: StackFacts) => IamRequest[];
}

const logStream = (f: StackFacts, group: string, stream: string) => `${f.logGroups[group]}:log-stream:${stream}`;
const writeLogs = (
  f: StackFacts,
  group: string,
  cause: string,
  actions = ['logs:CreateLogStream', 'logs:PutLogEvents'],
) => actions.map((action) => request(action, logStream(f, group, '2026/01/01/stream-1'), cause));

/**
 * The data-path roles of the dev stack: the pipe, Firehose, the low-latency path's own delivery stream, the transform,
 * the crawler, and the current-state merge's three.
 */
export const DATA_PATH_ROLES: readonly DataPathRole[] = [
  {
    role: 'sales-dev-pipe',
    cite:
      'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-permissions.html (DynamoDB source: DescribeStream, ' +
      'GetRecords, GetShardIterator, ListStreams; DLQ: sqs:SendMessage; target: kinesis:PutRecord(s)); ' +
      'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-logs.html; SSE-KMS Kinesis producer and SQS producer keys',
    requests: (f) => [
      ...['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'].map((a) =>
        request(a, f.tableStreamArn, 'Pipes source'),
      ),
      request('dynamodb:ListStreams', '*', 'Pipes source'),
      request('kinesis:PutRecord', f.kinesisStreamArn, 'Pipes target'),
      request('kinesis:PutRecords', f.kinesisStreamArn, 'Pipes target'),
      request('kms:GenerateDataKey', f.kmsKeyArn, 'Pipes target (SSE-KMS stream)', {
        'kms:ViaService': `kinesis.${f.account.region}.amazonaws.com`,
      }),
      request(
        'sqs:SendMessage',
        `arn:aws:sqs:${f.account.region}:${f.account.accountId}:${f.deadLetterQueueUrl.split('/').at(-1)}`,
        'Pipes DLQ',
      ),
      ...(['kms:GenerateDataKey', 'kms:Decrypt'] as const).map((a) =>
        request(a, f.kmsKeyArn, 'Pipes DLQ (SSE-KMS queue)', {
          'kms:ViaService': `sqs.${f.account.region}.amazonaws.com`,
        }),
      ),
      ...writeLogs(f, '/sales-dev/pipe', 'Pipes log destination'),
    ],
  },
  {
    role: 'sales-dev-firehose',
    cite:
      'https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html (Kinesis source: DescribeStream, GetShardIterator, ' +
      'GetRecords, ListShards, kms:Decrypt; Lambda: InvokeFunction, GetFunctionConfiguration; S3: AbortMultipartUpload, ' +
      'GetBucketLocation, GetObject, ListBucket, ListBucketMultipartUploads, PutObject, kms:GenerateDataKey/Decrypt via S3 ' +
      'with the aws:s3:arn encryption context; logs:PutLogEvents)',
    requests: (f) => {
      const lake = `arn:aws:s3:::${f.lakeBucket}`;
      const object = 'sales/year=2026/month=01/day=01/hour=00/sales-dev-lake-1-2026-01-01-00-00-00-uuid.gz';
      const failed = 'errors/processing-failed/year=2026/month=01/day=01/sales-dev-lake-1-2026-01-01-00-00-00-uuid.gz';
      return [
        ...['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'].map((a) =>
          request(a, f.kinesisStreamArn, 'Firehose source'),
        ),
        request('kms:Decrypt', f.kmsKeyArn, 'Firehose source (SSE-KMS stream)', {
          'kms:ViaService': `kinesis.${f.account.region}.amazonaws.com`,
        }),
        request('lambda:InvokeFunction', `${f.functionArn}:$LATEST`, 'Firehose transformation'),
        request('lambda:GetFunctionConfiguration', `${f.functionArn}:$LATEST`, 'Firehose transformation'),
        ...['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'].map((a) =>
          request(a, lake, 'Firehose destination'),
        ),
        ...[object, failed].flatMap((key) => [
          ...writeObject(f, f.lakeBucket, key, 'Firehose destination'),
          ...readObject(f, f.lakeBucket, key, 'Firehose destination'),
          request('s3:AbortMultipartUpload', `${lake}/${key}`, 'Firehose destination'),
        ]),
        ...writeLogs(f, '/sales-dev/firehose', 'Firehose error logging', ['logs:PutLogEvents']),
      ];
    },
  },
  {
    role: 'sales-dev-firehose-recent',
    cite:
      'https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html (the same calls as sales-dev-firehose: ' +
      'a Kinesis source, a Lambda processor, an S3 destination with SSE-KMS, error logging; zero buffering below 60 s ' +
      'writes with multipart uploads, https://docs.aws.amazon.com/firehose/latest/dev/buffering-hints.html, so ' +
      's3:AbortMultipartUpload and s3:ListBucketMultipartUploads are part of it)',
    requests: (f) => {
      const lake = `arn:aws:s3:::${f.lakeBucket}`;
      const object = 'recent/dt=2026-01-01-00/sales-dev-recent-1-2026-01-01-00-00-00-uuid.json.gz';
      const failed =
        'recent-errors/processing-failed/dt=2026-01-01-00/sales-dev-recent-1-2026-01-01-00-00-00-uuid.json.gz';
      return [
        ...['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'].map((a) =>
          request(a, f.kinesisStreamArn, 'Firehose source'),
        ),
        request('kms:Decrypt', f.kmsKeyArn, 'Firehose source (SSE-KMS stream)', {
          'kms:ViaService': `kinesis.${f.account.region}.amazonaws.com`,
        }),
        request('lambda:InvokeFunction', `${f.functionArn}:$LATEST`, 'Firehose transformation'),
        request('lambda:GetFunctionConfiguration', `${f.functionArn}:$LATEST`, 'Firehose transformation'),
        ...['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'].map((a) =>
          request(a, lake, 'Firehose destination'),
        ),
        ...[object, failed].flatMap((key) => [
          ...writeObject(f, f.lakeBucket, key, 'Firehose destination'),
          ...readObject(f, f.lakeBucket, key, 'Firehose destination'),
          request('s3:AbortMultipartUpload', `${lake}/${key}`, 'Firehose destination (multipart, zero buffering)'),
        ]),
        ...writeLogs(f, '/sales-dev/firehose-recent', 'Firehose error logging', ['logs:PutLogEvents']),
      ];
    },
  },
  {
    role: 'sales-dev-transform-lambda',
    cite:
      'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html and .../monitoring-cloudwatchlogs.html ' +
      '(logs:CreateLogStream, logs:PutLogEvents; the group exists, so no CreateLogGroup; CloudWatch Logs uses the key through the key policy)',
    requests: (f) => writeLogs(f, '/aws/lambda/sales-dev-transform', 'Lambda logging'),
  },
  {
    role: 'sales-dev-crawler',
    cite:
      'https://docs.aws.amazon.com/glue/latest/dg/crawler-prereqs.html (catalog target: glue Get/Update table and partitions; ' +
      'S3: GetBucketLocation, ListBucket, GetObject on the table location; logs) and ' +
      'https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html (logs:AssociateKmsKey, the key for logs) and ' +
      'https://docs.aws.amazon.com/glue/latest/dg/crawler-s3-event-notifications.html (event mode: consume the queue)',
    requests: (f) => {
      const glue = (resource: string) => `arn:aws:glue:${f.account.region}:${f.account.accountId}:${resource}`;
      const table = f.tables[`${f.glueDatabase}.order_changes`]!.arn;
      const catalogCalls = [
        'glue:GetTable',
        'glue:UpdateTable',
        'glue:GetPartitions',
        'glue:BatchGetPartition',
        'glue:BatchCreatePartition',
      ];
      const group = Object.keys(f.logGroups).find((name) => name.startsWith('/aws-glue/crawlers'))!;
      return [
        ...[glue('catalog'), glue(`database/${f.glueDatabase}`)].map((arn) =>
          request('glue:GetDatabase', arn, 'Glue crawler'),
        ),
        ...catalogCalls.flatMap((a) =>
          [glue('catalog'), glue(`database/${f.glueDatabase}`), table].map((arn) => request(a, arn, 'Glue crawler')),
        ),
        request('s3:GetBucketLocation', `arn:aws:s3:::${f.lakeBucket}`, 'Glue crawler'),
        request('s3:ListBucket', `arn:aws:s3:::${f.lakeBucket}`, 'Glue crawler', { 's3:prefix': 'sales/' }),
        ...readObject(f, f.lakeBucket, 'sales/year=2026/month=01/day=01/hour=00/x.gz', 'Glue crawler'),
        request('logs:CreateLogGroup', f.logGroups[group]!, 'Glue crawler logging'),
        request('logs:AssociateKmsKey', f.logGroups[group]!, 'Glue crawler logging'),
        ...writeLogs(f, group, 'Glue crawler logging'),
        request('kms:GenerateDataKey', f.kmsKeyArn, 'Glue crawler logging (security configuration)'),
        ...['sqs:GetQueueAttributes', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:PurgeQueue'].map((a) =>
          request(a, f.crawlerEventQueueArn, 'Glue crawler event mode'),
        ),
      ];
    },
  },
  ...CURRENT_STATE_ROLES,
];

/** Requests the Firehose role must not be granted: an object outside `sales/` and `errors/`, a delete. */
export const firehoseOutsideLake = (f: StackFacts): IamRequest[] => [
  request('s3:PutObject', `arn:aws:s3:::${f.lakeBucket}/exports/x.gz`, 'negative control'),
  request('s3:DeleteObject', `arn:aws:s3:::${f.lakeBucket}/sales/x.gz`, 'negative control'),
];

/** Requests the low-latency path's role must not be granted: the change log under `sales/`, the main error folders. */
export const recentFirehoseOutsidePath = (f: StackFacts): IamRequest[] => [
  request(
    's3:PutObject',
    `arn:aws:s3:::${f.lakeBucket}/sales/year=2026/month=01/day=01/hour=00/x.gz`,
    'negative control',
  ),
  request('s3:PutObject', `arn:aws:s3:::${f.lakeBucket}/errors/processing-failed/x.gz`, 'negative control'),
];
