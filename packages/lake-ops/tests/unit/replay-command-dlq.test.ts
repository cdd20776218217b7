import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { regionOf } from '../../src/replay/dlq/redrive-clients';
import { runReplay } from '../../src/replay/replay-command';
import { DEAD_LETTER_MESSAGE } from '../support/stream-records';

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/sales-dev-pipe-dlq';

describe('sales-lake replay --dlq', () => {
  const sqs = mockClient(SQSClient);
  const s3 = mockClient(S3Client);
  const kinesis = mockClient(KinesisClient);
  let stdout: string;
  let stderr: string;
  beforeEach(() => {
    for (const mock of [sqs, s3, kinesis]) mock.reset();
    stdout = '';
    stderr = '';
    jest.spyOn(process.stdout, 'write').mockImplementation(((text: string, callback?: () => void) => {
      stdout += text;
      callback?.();
      return true;
    }) as typeof process.stdout.write);
    jest.spyOn(process.stderr, 'write').mockImplementation(((text: string) => {
      stderr += text;
      return true;
    }) as typeof process.stderr.write);
  });
  afterEach(() => jest.restoreAllMocks());

  test('a trimmed batch: says it was not mended, prints the reconcile to run, keeps the message, exit 1', async () => {
    // The fixture's batch is from January 2025: long past the stream's 24 h.
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [DEAD_LETTER_MESSAGE] })
      .resolves({});
    s3.on(ListObjectsV2Command).resolves({ Contents: [], IsTruncated: false });
    // The lake the pipeline fills: the lake check finds its data under sales/.
    s3.on(ListObjectsV2Command, { Prefix: 'sales/' }).resolves({
      Contents: [{ Key: 'sales/year=2025/month=01/day=15/hour=10/x.json.gz', Size: 1 }],
      IsTruncated: false,
    });

    const code = await runReplay([
      '--dlq',
      QUEUE_URL,
      '--stream',
      'sales-dev-changes',
      '--lake',
      's3://sales-dev-lake',
      '--json',
    ]);

    expect(code).toBe(1);
    expect(stderr).toMatch(
      /NOT MENDED: 4 records of shardId-00000001736931012345-1a2b3c4d .* beyond the stream's 24 h retention/,
    );
    expect(stderr).toContain(
      '  npm run reconcile -- --table sales-orders --lake s3://sales-dev-lake --workgroup <athena_workgroup> --database <glue_database> --repair\n',
    );
    const json = JSON.parse(stdout) as { dead_letters: { trimmed: { next_step: string }[]; deleted: number } };
    expect(json.dead_letters).toMatchObject({
      deleted: 0,
      trimmed: [
        {
          next_step:
            'npm run reconcile -- --table sales-orders --lake s3://sales-dev-lake --workgroup <athena_workgroup> --database <glue_database> --repair',
        },
      ],
    });
    expect(kinesis.commandCalls(PutRecordsCommand)).toHaveLength(0);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
  });

  test('an empty queue is exit 0', async () => {
    sqs.on(ReceiveMessageCommand).resolves({});

    expect(
      await runReplay([
        '--dlq',
        QUEUE_URL,
        '--stream',
        'arn:aws:kinesis:eu-west-1:123456789012:stream/sales-dev-changes',
      ]),
    ).toBe(0);
    expect(stderr).toBe(
      'replay --dlq: 0 messages: 0 re-driven (0 records put into Kinesis, 0 deleted), 0 trimmed, 0 kept\n',
    );
  });

  test.each([
    [['--dlq', QUEUE_URL], /--dlq needs --stream/],
    [['--stream', 's'], /--lake or --dlq is needed/],
    [['--lake', '.local', '--stream', 's'], /--stream goes with --dlq/],
    [['--dlq', 'sqs/queue', '--stream', 's'], /--dlq must be a URL starting https:/],
    [['--dlq', QUEUE_URL, '--stream', 's', '--force'], /--force goes with --lake/],
  ])('%j is a usage error', async (args, message) => {
    await expect(runReplay(args)).rejects.toThrow(message);
  });
});

describe('regionOf', () => {
  test.each([
    ['https://sqs.eu-west-1.amazonaws.com/123456789012/q', 'eu-west-1'],
    ['https://eu-central-1.queue.amazonaws.com/123456789012/q', 'eu-central-1'],
    ['arn:aws:dynamodb:us-east-2:123456789012:table/t/stream/2025-01-15T09:30:12.345', 'us-east-2'],
    ['sales-dev-changes', undefined],
    ['http://localhost:9324/queue/q', undefined],
  ])('%s -> %s', (resource, region) => {
    expect(regionOf(resource)).toBe(region);
  });
});
