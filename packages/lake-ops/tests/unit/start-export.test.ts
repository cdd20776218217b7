import {
  DescribeContinuousBackupsCommand,
  DescribeExportCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ExportTableToPointInTimeCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { checkPointInTimeRecovery, describeTable } from '../../src/backfill/preconditions.js';
import { PreconditionError } from '../../src/precondition-error.js';
import { exportClientToken, startExport } from '../../src/table/start-export.js';

const TABLE_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders';
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555';
const EXPORT_ARN = `${TABLE_ARN}/export/01736937011000-abcd1234`;
const dynamodb = mockClient(DynamoDBClient);

// Response shapes from the API reference: ExportDescription of ExportTableToPointInTime / DescribeExport,
// ContinuousBackupsDescription of DescribeContinuousBackups.
const description = (status: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED', extra: object = {}) => ({
  ExportArn: EXPORT_ARN,
  ExportStatus: status,
  TableArn: TABLE_ARN,
  ExportTime: new Date(1736937011000),
  S3Bucket: 'sales-dev-lake',
  S3Prefix: 'exports/',
  ExportFormat: 'DYNAMODB_JSON' as const,
  ...extra,
});

describe('startExport', () => {
  beforeEach(() => dynamodb.reset());

  test('starts a full DYNAMODB_JSON export with an idempotent token and polls DescribeExport until COMPLETED', async () => {
    dynamodb.on(ExportTableToPointInTimeCommand).resolves({ ExportDescription: description('IN_PROGRESS') });
    dynamodb
      .on(DescribeExportCommand)
      .resolvesOnce({ ExportDescription: description('IN_PROGRESS') })
      .resolves({
        ExportDescription: description('COMPLETED', {
          ItemCount: 4,
          ExportManifest: 'exports/AWSDynamoDB/01736937011000-abcd1234/manifest-summary.json',
        }),
      });
    const polls: string[] = [];

    const done = await startExport({
      client: new DynamoDBClient({ region: 'us-east-1' }),
      tableArn: TABLE_ARN,
      exportTimeSeconds: 1736937011,
      bucket: 'sales-dev-lake',
      prefix: 'exports/',
      kmsKeyId: KEY_ARN,
      signal: new AbortController().signal,
      pollIntervalMs: 1,
      onPoll: (d) => polls.push(d.ExportStatus ?? ''),
    });

    expect(done?.ExportManifest).toBe('exports/AWSDynamoDB/01736937011000-abcd1234/manifest-summary.json');
    expect(polls).toEqual(['IN_PROGRESS', 'COMPLETED']);
    expect(dynamodb.commandCalls(ExportTableToPointInTimeCommand)[0]?.args[0].input).toEqual({
      TableArn: TABLE_ARN,
      ExportTime: new Date(1736937011000),
      S3Bucket: 'sales-dev-lake',
      S3Prefix: 'exports/',
      S3SseAlgorithm: 'KMS',
      S3SseKmsKeyId: KEY_ARN,
      ExportFormat: 'DYNAMODB_JSON',
      ExportType: 'FULL_EXPORT',
      ClientToken: exportClientToken(TABLE_ARN, 1736937011),
    });
  });

  test('the client token is the same for the same table and time, and differs otherwise', () => {
    expect(exportClientToken(TABLE_ARN, 1)).toBe(exportClientToken(TABLE_ARN, 1));
    expect(exportClientToken(TABLE_ARN, 1)).not.toBe(exportClientToken(TABLE_ARN, 2));
    expect(exportClientToken(TABLE_ARN, 1)).toMatch(/^[0-9a-f]{32}$/);
  });

  test("a FAILED export is an error with AWS's failure code and message", async () => {
    dynamodb.on(ExportTableToPointInTimeCommand).resolves({ ExportDescription: description('IN_PROGRESS') });
    dynamodb.on(DescribeExportCommand).resolves({
      ExportDescription: description('FAILED', {
        FailureCode: 'S3NoSuchBucket',
        FailureMessage: 'The bucket does not exist',
      }),
    });
    await expect(
      startExport({
        client: new DynamoDBClient({ region: 'us-east-1' }),
        tableArn: TABLE_ARN,
        exportTimeSeconds: 1,
        bucket: 'b',
        prefix: 'exports/',
        kmsKeyId: KEY_ARN,
        signal: new AbortController().signal,
        pollIntervalMs: 1,
      }),
    ).rejects.toThrow(`export ${EXPORT_ARN} ended FAILED: S3NoSuchBucket The bucket does not exist`);
  });

  test('an aborted wait returns nothing (the export runs on; a re-run with the same time finds it)', async () => {
    dynamodb.on(ExportTableToPointInTimeCommand).resolves({ ExportDescription: description('IN_PROGRESS') });
    const controller = new AbortController();
    const waiting = startExport({
      client: new DynamoDBClient({ region: 'us-east-1' }),
      tableArn: TABLE_ARN,
      exportTimeSeconds: 1,
      bucket: 'b',
      prefix: 'exports/',
      kmsKeyId: KEY_ARN,
      signal: controller.signal,
      pollIntervalMs: 60_000,
    });
    controller.abort('SIGINT');
    expect(await waiting).toBeUndefined();
  });
});

describe('checkPointInTimeRecovery', () => {
  beforeEach(() => dynamodb.reset());
  const window = (status: 'ENABLED' | 'DISABLED') => ({
    ContinuousBackupsDescription: {
      ContinuousBackupsStatus: status,
      PointInTimeRecoveryDescription: {
        PointInTimeRecoveryStatus: status,
        EarliestRestorableDateTime: new Date('2025-01-10T00:00:00Z'),
        LatestRestorableDateTime: new Date('2025-01-15T10:25:30.500Z'),
      },
    },
  });
  const client = () => new DynamoDBClient({ region: 'us-east-1' });

  test('defaults to the latest restorable second', async () => {
    dynamodb.on(DescribeContinuousBackupsCommand).resolves(window('ENABLED'));
    expect(await checkPointInTimeRecovery(client(), 'orders', undefined)).toBe(
      Date.parse('2025-01-15T10:25:30Z') / 1000,
    );
  });

  test('refuses a table without point-in-time recovery', async () => {
    dynamodb.on(DescribeContinuousBackupsCommand).resolves(window('DISABLED'));
    await expect(checkPointInTimeRecovery(client(), 'orders', undefined)).rejects.toThrow(
      new PreconditionError(
        'point-in-time recovery is not enabled on orders: an export needs it (enable it, or use --source scan)',
      ),
    );
  });

  test('refuses a time outside the restorable window', async () => {
    dynamodb.on(DescribeContinuousBackupsCommand).resolves(window('ENABLED'));
    await expect(
      checkPointInTimeRecovery(client(), 'orders', Date.parse('2025-01-16T00:00:00Z') / 1000),
    ).rejects.toThrow(/--export-at 2025-01-16T00:00:00.000Z is outside the restorable window of orders/);
  });
});

describe('describeTable', () => {
  beforeEach(() => dynamodb.reset());

  test('reads the stream creation time from LatestStreamLabel (a UTC timestamp without zone)', async () => {
    dynamodb.on(DescribeTableCommand).resolves({
      Table: {
        TableArn: TABLE_ARN,
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        LatestStreamLabel: '2025-01-15T09:00:00.291',
      },
    });
    expect(await describeTable(new DynamoDBClient({ region: 'us-east-1' }), 'orders')).toEqual({
      tableArn: TABLE_ARN,
      streamCreatedMicros: Date.parse('2025-01-15T09:00:00.291Z') * 1000,
    });
  });

  test('a disabled stream has no creation time, even with a label left from before', async () => {
    dynamodb.on(DescribeTableCommand).resolves({
      Table: {
        TableArn: TABLE_ARN,
        StreamSpecification: { StreamEnabled: false },
        LatestStreamLabel: '2025-01-15T09:00:00.291',
      },
    });
    expect(
      (await describeTable(new DynamoDBClient({ region: 'us-east-1' }), 'orders')).streamCreatedMicros,
    ).toBeUndefined();
  });
});
