/**
 * The answers each AWS client gets in a recorded `sales-lake` run, in the response shapes of the API references
 * (fixtures in operator-fixtures.ts).
 */
import { NoSuchKey } from '@aws-sdk/client-s3';
import { gzipSync } from 'node:zlib';
import {
  athenaAnswer,
  deadLetterMessage,
  EXPORT_ID,
  lakeOpsEvent,
  objectBody,
  streamRecord,
} from './operator-fixtures';
import { exportAt, type OperatorScenario, table } from './operator-scenarios';
import type { SdkRecorder } from './record-sdk-calls';
import type { StackFacts } from './stack-facts';

const DAY_MS = 86_400_000;

/** An object the delivery stream wrote: the lake check finds the pipeline's data under `sales/`. */
const FIREHOSE_OBJECT =
  'sales/year=2026/month=12/day=06/hour=10/sales-dev-delivery-1-2026-12-06-10-00-00-0b9c2a5e-8f1d-4c3e-9a7b-2d4e6f8a0c1e.json.gz';

/**
 * Gives every stubbed client the documented answers of one scenario.
 *
 * @param recorder - The stubbed clients.
 * @param scenario - The run (its lake objects, whether the lake lists as empty).
 * @param facts - The stack the run is made against.
 */
export function arrangeResponses(recorder: SdkRecorder, scenario: OperatorScenario, facts: StackFacts): void {
  const objects = new Map([[FIREHOSE_OBJECT, gzipSync('')], ...(scenario.objects?.(facts) ?? [])]);
  const s3 = recorder.stub('S3');
  s3.on(lakeOpsCommand('client-s3', 'ListObjectsV2Command')).callsFake((input: { Prefix?: string }) => {
    const keys = [...objects.keys()].filter((key) => key.startsWith(input.Prefix ?? ''));
    return {
      Contents: keys.map((Key) => ({ Key, Size: objects.get(Key)!.length })),
      KeyCount: keys.length,
      IsTruncated: false,
    };
  });
  s3.on(lakeOpsCommand('client-s3', 'GetObjectCommand')).callsFake((input: { Key: string }) => {
    const body = objects.get(input.Key);
    if (body === undefined) throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });
    return { Body: objectBody(body), ContentLength: body.length };
  });
  s3.on(lakeOpsCommand('client-s3', 'PutObjectCommand')).resolves({ ETag: '"e"' });
  s3.on(lakeOpsCommand('client-s3', 'DeleteObjectCommand')).resolves({});
  s3.on(lakeOpsCommand('client-s3', 'GetBucketEncryptionCommand')).resolves({
    ServerSideEncryptionConfiguration: {
      Rules: [
        {
          ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: facts.kmsKeyArn },
          BucketKeyEnabled: true,
        },
      ],
    },
  });

  const now = Date.now();
  const dynamodb = recorder.stub('DynamoDB');
  dynamodb.on(lakeOpsCommand('client-dynamodb', 'DescribeTableCommand')).resolves({
    Table: {
      TableName: table(facts),
      TableArn: facts.tableArn,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      LatestStreamLabel: '2025-01-01T00:00:00.000',
      LatestStreamArn: facts.tableStreamArn,
    },
  });
  dynamodb.on(lakeOpsCommand('client-dynamodb', 'DescribeContinuousBackupsCommand')).resolves({
    ContinuousBackupsDescription: {
      ContinuousBackupsStatus: 'ENABLED',
      PointInTimeRecoveryDescription: {
        PointInTimeRecoveryStatus: 'ENABLED',
        EarliestRestorableDateTime: new Date(now - 7 * DAY_MS),
        LatestRestorableDateTime: exportAt(),
      },
    },
  });
  const exportArn = `${facts.tableArn}/export/${EXPORT_ID}`;
  dynamodb.on(lakeOpsCommand('client-dynamodb', 'ExportTableToPointInTimeCommand')).resolves({
    ExportDescription: { ExportArn: exportArn, ExportStatus: 'IN_PROGRESS' },
  });
  dynamodb.on(lakeOpsCommand('client-dynamodb', 'DescribeExportCommand')).resolves({
    ExportDescription: {
      ExportArn: exportArn,
      ExportStatus: 'COMPLETED',
      S3Bucket: facts.lakeBucket,
      S3Prefix: 'exports/',
      ExportManifest: `exports/AWSDynamoDB/${EXPORT_ID}/manifest-summary.json`,
      ItemCount: 1,
    },
  });
  dynamodb.on(lakeOpsCommand('client-dynamodb', 'ScanCommand')).callsFake((input: { Segment?: number }) => ({
    Items: input.Segment === 0 ? [{ order_id: { S: 'o-000001' }, status: { S: 'PLACED' } }] : [],
    Count: input.Segment === 0 ? 1 : 0,
  }));
  dynamodb
    .on(lakeOpsCommand('client-dynamodb', 'BatchGetItemCommand'))
    .resolves({ Responses: { [table(facts)]: [] }, UnprocessedKeys: {} });

  const queries = new Map<string, string>();
  const athena = recorder.stub('Athena');
  athena
    .on(lakeOpsCommand('client-athena', 'StartQueryExecutionCommand'))
    .callsFake((input: { QueryString: string }) => {
      const id = `q-${queries.size + 1}`;
      queries.set(id, input.QueryString);
      return { QueryExecutionId: id };
    });
  const succeeded = lakeOpsEvent<{ QueryExecution: object }>('athena/get-query-execution-succeeded.json');
  athena.on(lakeOpsCommand('client-athena', 'GetQueryExecutionCommand')).resolves(succeeded);
  athena
    .on(lakeOpsCommand('client-athena', 'GetQueryResultsCommand'))
    .callsFake((input: { QueryExecutionId: string }) => athenaAnswer(queries.get(input.QueryExecutionId) ?? ''));
  recorder.stub('CloudWatch').on(lakeOpsCommand('client-cloudwatch', 'PutMetricDataCommand')).resolves({});

  const fresh = new Date(now - 60_000);
  const sqs = recorder.stub('SQS');
  sqs
    .on(lakeOpsCommand('client-sqs', 'ReceiveMessageCommand'))
    .resolvesOnce({
      Messages: [
        deadLetterMessage('m-1', facts.tableStreamArn, '100', fresh),
        deadLetterMessage('m-2', facts.tableStreamArn, '50', new Date(now - 2 * DAY_MS)),
      ],
    })
    .resolves({ Messages: [] });
  sqs.on(lakeOpsCommand('client-sqs', 'DeleteMessageCommand')).resolves({});
  sqs.on(lakeOpsCommand('client-sqs', 'ChangeMessageVisibilityCommand')).resolves({});
  const streams = recorder.stub('DynamoDBStreams');
  streams.on(lakeOpsCommand('client-dynamodb-streams', 'GetShardIteratorCommand')).resolves({ ShardIterator: 'it-1' });
  streams
    .on(lakeOpsCommand('client-dynamodb-streams', 'GetRecordsCommand'))
    .resolves({ Records: [streamRecord('100', fresh)], NextShardIterator: 'it-2' });
  recorder
    .stub('Kinesis')
    .on(lakeOpsCommand('client-kinesis', 'PutRecordsCommand'))
    .resolves({ FailedRecordCount: 0, Records: [{ SequenceNumber: '1', ShardId: 'shardId-000000000000' }] });
}

/** A command class of one of lake-ops' clients, loaded from lake-ops (the class its code sends). */
function lakeOpsCommand(client: string, command: string): any {
  const path = require.resolve(`@aws-sdk/${client}`, { paths: [require.resolve('@sales/lake-ops/package.json')] });
  return (require(path) as Record<string, unknown>)[command];
}
