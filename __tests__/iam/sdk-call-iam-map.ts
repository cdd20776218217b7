/**
 * Each SDK command `sales-lake` sends, mapped to the IAM requests it makes: the action(s), the resource ARN(s) and the
 * condition keys, per the Service Authorization Reference (SAR) page cited on each row, plus what the service then
 * does with the caller's rights (service-requests.ts). A command with no row fails {@link iamRequestsOf}: a new call
 * cannot reach AWS unchecked.
 */
import { request, type IamRequest } from './iam-request';
import type { RecordedCall } from './record-sdk-calls';
import { athenaQueryRequests, athenaResultReads, exportWrites, readObject, writeObject } from './service-requests';
import type { StackFacts } from './stack-facts';

/** What a row gets: the call, the calls before it in the same run, the stack. */
type Row = (input: Record<string, any>, earlier: readonly RecordedCall[], f: StackFacts) => IamRequest[];

const SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference';
const regional = (f: StackFacts, service: string, resource: string) =>
  `arn:${f.account.partition}:${service}:${f.account.region}:${f.account.accountId}:${resource}`;
const tableArn = (f: StackFacts, name: string) =>
  name.startsWith('arn:') ? name : regional(f, 'dynamodb', `table/${name}`);
const queueArn = (f: StackFacts, url: string) => regional(f, 'sqs', url.split('/').at(-1)!);
const lastInput = (earlier: readonly RecordedCall[], command: string) =>
  earlier.filter((c) => c.command === command).at(-1)?.input;
/** The workgroup of the query a call names (its StartQueryExecution came earlier in the run). */
const workgroupOf = (earlier: readonly RecordedCall[]) => String(lastInput(earlier, 'StartQueryExecution')?.WorkGroup);

/** The map, `<client>.<command>` → requests. Cite: the SAR page of the service, and any page on the service's own calls. */
export const SDK_CALL_IAM_MAP: Readonly<Record<string, { readonly cite: string; readonly requests: Row }>> = {
  'S3.ListObjectsV2': {
    cite: `${SAR}/list_amazons3.html (ListObjectsV2 → s3:ListBucket on bucket; s3:prefix, s3:max-keys)`,
    requests: (i) => [
      request('s3:ListBucket', `arn:aws:s3:::${i.Bucket}`, 'S3.ListObjectsV2', {
        's3:prefix': i.Prefix ?? '',
        ...(i.MaxKeys === undefined ? {} : { 's3:max-keys': String(i.MaxKeys) }),
      }),
    ],
  },
  'S3.GetObject': {
    cite: `${SAR}/list_amazons3.html (GetObject → s3:GetObject on object); SSE-KMS read → kms:Decrypt`,
    requests: (i, _, f) => readObject(f, i.Bucket, i.Key, 'S3.GetObject'),
  },
  'S3.PutObject': {
    cite: `${SAR}/list_amazons3.html (PutObject → s3:PutObject on object); SSE-KMS write → kms:GenerateDataKey`,
    requests: (i, _, f) => writeObject(f, i.Bucket, i.Key, 'S3.PutObject'),
  },
  'S3.DeleteObject': {
    cite: `${SAR}/list_amazons3.html (DeleteObject → s3:DeleteObject on object)`,
    requests: (i) => [request('s3:DeleteObject', `arn:aws:s3:::${i.Bucket}/${i.Key}`, 'S3.DeleteObject')],
  },
  'S3.GetBucketEncryption': {
    cite: `${SAR}/list_amazons3.html (GetBucketEncryption → s3:GetEncryptionConfiguration on bucket)`,
    requests: (i) => [request('s3:GetEncryptionConfiguration', `arn:aws:s3:::${i.Bucket}`, 'S3.GetBucketEncryption')],
  },
  'DynamoDB.DescribeTable': {
    cite: `${SAR}/list_amazondynamodb.html (DescribeTable on table)`,
    requests: (i, _, f) => [request('dynamodb:DescribeTable', tableArn(f, i.TableName), 'DynamoDB.DescribeTable')],
  },
  'DynamoDB.Scan': {
    cite: `${SAR}/list_amazondynamodb.html (Scan on table; DynamoDB decrypts with its own grant, no kms: for the caller)`,
    requests: (i, _, f) => [request('dynamodb:Scan', tableArn(f, i.TableName), 'DynamoDB.Scan')],
  },
  'DynamoDB.BatchGetItem': {
    cite: `${SAR}/list_amazondynamodb.html (BatchGetItem on each table of RequestItems)`,
    requests: (i, _, f) =>
      Object.keys(i.RequestItems).map((name) =>
        request('dynamodb:BatchGetItem', tableArn(f, name), 'DynamoDB.BatchGetItem'),
      ),
  },
  'DynamoDB.DescribeContinuousBackups': {
    cite: `${SAR}/list_amazondynamodb.html (DescribeContinuousBackups on table)`,
    requests: (i, _, f) => [
      request('dynamodb:DescribeContinuousBackups', tableArn(f, i.TableName), 'DynamoDB.DescribeContinuousBackups'),
    ],
  },
  'DynamoDB.ExportTableToPointInTime': {
    cite: `${SAR}/list_amazondynamodb.html (ExportTableToPointInTime on table); S3DataExport_Requesting.html (S3 writes)`,
    requests: (i, _, f) => [
      request('dynamodb:ExportTableToPointInTime', i.TableArn, 'DynamoDB.ExportTableToPointInTime'),
      ...exportWrites(f, i.S3Bucket, i.S3Prefix ?? '', 'DynamoDB.ExportTableToPointInTime', {
        algorithm: i.S3SseAlgorithm,
        kmsKeyId: i.S3SseKmsKeyId,
      }),
    ],
  },
  'DynamoDB.DescribeExport': {
    cite: `${SAR}/list_amazondynamodb.html (DescribeExport on export: <table ARN>/export/<id>)`,
    requests: (i) => [request('dynamodb:DescribeExport', i.ExportArn, 'DynamoDB.DescribeExport')],
  },
  'DynamoDBStreams.DescribeStream': {
    cite: `${SAR}/list_amazondynamodb.html (DescribeStream on stream)`,
    requests: (i) => [request('dynamodb:DescribeStream', i.StreamArn, 'DynamoDBStreams.DescribeStream')],
  },
  'DynamoDBStreams.GetShardIterator': {
    cite: `${SAR}/list_amazondynamodb.html (GetShardIterator on stream)`,
    requests: (i) => [request('dynamodb:GetShardIterator', i.StreamArn, 'DynamoDBStreams.GetShardIterator')],
  },
  'DynamoDBStreams.GetRecords': {
    cite: `${SAR}/list_amazondynamodb.html (GetRecords on the stream the iterator was taken from)`,
    requests: (_, earlier) => [
      request(
        'dynamodb:GetRecords',
        String(lastInput(earlier, 'GetShardIterator')?.StreamArn),
        'DynamoDBStreams.GetRecords',
      ),
    ],
  },
  'Kinesis.PutRecords': {
    cite: `${SAR}/list_amazonkinesis.html (PutRecords on stream); kinesis/latest/dev/permissions-user-key-KMS.html (producer: kms:GenerateDataKey)`,
    requests: (i, _, f) => [
      request(
        'kinesis:PutRecords',
        i.StreamARN ?? regional(f, 'kinesis', `stream/${i.StreamName}`),
        'Kinesis.PutRecords',
      ),
      request('kms:GenerateDataKey', f.kmsKeyArn, 'Kinesis.PutRecords (SSE-KMS stream)', {
        'kms:ViaService': `kinesis.${f.account.region}.amazonaws.com`,
      }),
    ],
  },
  'SQS.ReceiveMessage': {
    cite: `${SAR}/list_amazonsqs.html (ReceiveMessage on queue); SQSDeveloperGuide/sqs-key-management.html (consumer: kms:Decrypt)`,
    requests: (i, _, f) => [
      request('sqs:ReceiveMessage', queueArn(f, i.QueueUrl), 'SQS.ReceiveMessage'),
      request('kms:Decrypt', f.kmsKeyArn, 'SQS.ReceiveMessage (SSE-KMS queue)', {
        'kms:ViaService': `sqs.${f.account.region}.amazonaws.com`,
      }),
    ],
  },
  'SQS.DeleteMessage': {
    cite: `${SAR}/list_amazonsqs.html (DeleteMessage on queue)`,
    requests: (i, _, f) => [request('sqs:DeleteMessage', queueArn(f, i.QueueUrl), 'SQS.DeleteMessage')],
  },
  'SQS.ChangeMessageVisibility': {
    cite: `${SAR}/list_amazonsqs.html (ChangeMessageVisibility on queue)`,
    requests: (i, _, f) => [
      request('sqs:ChangeMessageVisibility', queueArn(f, i.QueueUrl), 'SQS.ChangeMessageVisibility'),
    ],
  },
  'Athena.StartQueryExecution': {
    cite: `${SAR}/list_amazonathena.html (StartQueryExecution on workgroup); athena/latest/ug/s3-permissions.html; athena/latest/ug/querying-iceberg.html (a MERGE, DELETE or INSERT commits through Glue: glue:UpdateTable)`,
    requests: (i, _, f) => [
      request(
        'athena:StartQueryExecution',
        f.workgroups[i.WorkGroup]?.arn ?? `unknown workgroup ${i.WorkGroup}`,
        'Athena.StartQueryExecution',
      ),
      ...athenaQueryRequests(f, i.WorkGroup, i.QueryString, 'Athena.StartQueryExecution'),
    ],
  },
  'Athena.GetQueryExecution': {
    cite: `${SAR}/list_amazonathena.html (GetQueryExecution on workgroup)`,
    requests: (_, earlier, f) => [
      request('athena:GetQueryExecution', f.workgroups[workgroupOf(earlier)]!.arn, 'Athena.GetQueryExecution'),
    ],
  },
  'Athena.GetQueryResults': {
    cite: `${SAR}/list_amazonathena.html (GetQueryResults on workgroup); athena/latest/ug/s3-permissions.html (result reads)`,
    requests: (_, earlier, f) => [
      request('athena:GetQueryResults', f.workgroups[workgroupOf(earlier)]!.arn, 'Athena.GetQueryResults'),
      ...athenaResultReads(f, workgroupOf(earlier), 'Athena.GetQueryResults'),
    ],
  },
  'Athena.StopQueryExecution': {
    cite: `${SAR}/list_amazonathena.html (StopQueryExecution on workgroup)`,
    requests: (_, earlier, f) => [
      request('athena:StopQueryExecution', f.workgroups[workgroupOf(earlier)]!.arn, 'Athena.StopQueryExecution'),
    ],
  },
  'CloudWatch.PutMetricData': {
    cite: `${SAR}/list_amazoncloudwatch.html (PutMetricData: no resource, cloudwatch:namespace)`,
    requests: (i) => [
      request('cloudwatch:PutMetricData', '*', 'CloudWatch.PutMetricData', { 'cloudwatch:namespace': i.Namespace }),
    ],
  },
};

/** A recorded command the map has no row for. */
export class UnmappedCallError extends Error {
  /** @param key - `<client>.<command>`. */
  constructor(key: string) {
    super(`${key} has no row in SDK_CALL_IAM_MAP: add its IAM action(s), resource and condition keys, with a cite`);
    this.name = 'UnmappedCallError';
  }
}

/**
 * The IAM requests of one recorded call.
 *
 * @param call - The call.
 * @param earlier - The calls the same run made before it.
 * @param f - The stack.
 * @returns The requests.
 * @throws {@link UnmappedCallError} for a command without a row.
 * @example
 * ```ts
 * iamRequestsOf({ client: 'S3', command: 'ListObjectsV2', input: { Bucket: 'b', Prefix: '' } }, [], facts)[0].action;
 * //=> 's3:ListBucket'
 * ```
 */
export function iamRequestsOf(call: RecordedCall, earlier: readonly RecordedCall[], f: StackFacts): IamRequest[] {
  const key = `${call.client}.${call.command}`;
  const row = Object.hasOwn(SDK_CALL_IAM_MAP, key) ? SDK_CALL_IAM_MAP[key] : undefined;
  if (row === undefined) throw new UnmappedCallError(key);
  return row.requests(call.input, earlier, f);
}
