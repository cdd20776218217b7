import {
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import { KinesisClient, PutRecordsCommand, type PutRecordsRequestEntry } from '@aws-sdk/client-kinesis';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { redriveDeadLetters } from '../../src/replay/dlq/redrive-dead-letters';
import { DEAD_LETTER_MESSAGE, PIPE_RECORDS, toSdkRecord } from '../support/stream-records';

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/sales-dev-pipe-dlq';
/** One hour after the batch's last record: well inside the stream's 24 h. */
const WITHIN_RETENTION = Date.parse('2025-01-15T12:40:37Z');
/** A record of the same shard after the batch: where reading must stop. */
const AFTER_BATCH = {
  ...toSdkRecord(PIPE_RECORDS[0]!),
  dynamodb: { ...toSdkRecord(PIPE_RECORDS[0]!).dynamodb, SequenceNumber: '5172800000000023457399999' },
};

const sqs = mockClient(SQSClient);
const streams = mockClient(DynamoDBStreamsClient);
const kinesis = mockClient(KinesisClient);
/** Every call to the three services, in order, to prove a message is deleted only after its records are put. */
let calls: string[];

/** A second message: the same batch shape for the last two records only. */
const SECOND_MESSAGE: Message = {
  MessageId: 'second',
  ReceiptHandle: 'receipt-2',
  Body: DEAD_LETTER_MESSAGE.Body!.replace(
    '"startSequenceNumber":"5172400000000023457312842"',
    '"startSequenceNumber":"5172600000000023457314001"',
  ).replace('"batchSize":4', '"batchSize":2'),
};

function queueHolds(...messages: Message[]): void {
  sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: messages }).resolves({ Messages: [] });
  sqs.on(DeleteMessageCommand).callsFake((input: { ReceiptHandle: string }) => {
    calls.push(`delete ${input.ReceiptHandle}`);
    return {};
  });
  sqs.on(ChangeMessageVisibilityCommand).callsFake((input: { ReceiptHandle: string; VisibilityTimeout: number }) => {
    calls.push(`visible in ${input.VisibilityTimeout} s: ${input.ReceiptHandle}`);
    return {};
  });
}

function streamHoldsBatch(): void {
  streams
    .on(GetShardIteratorCommand)
    .callsFake((input: { SequenceNumber: string }) => ({ ShardIterator: `at-${input.SequenceNumber}` }));
  // Two pages from the first record, the second ending past the batch; reading from the third record: one page.
  streams
    .on(GetRecordsCommand, { ShardIterator: 'at-5172400000000023457312842' })
    .resolves({ Records: PIPE_RECORDS.slice(0, 2).map(toSdkRecord), NextShardIterator: 'page-2' });
  streams
    .on(GetRecordsCommand, { ShardIterator: 'page-2' })
    .resolves({ Records: [...PIPE_RECORDS.slice(2).map(toSdkRecord), AFTER_BATCH], NextShardIterator: 'page-3' });
  streams
    .on(GetRecordsCommand, { ShardIterator: 'at-5172600000000023457314001' })
    .resolves({ Records: [...PIPE_RECORDS.slice(2).map(toSdkRecord), AFTER_BATCH], NextShardIterator: 'page-3' });
}

const run = (now = WITHIN_RETENTION) =>
  redriveDeadLetters({
    sqs: new SQSClient({ region: 'eu-west-1' }),
    queueUrl: QUEUE_URL,
    streams: () => new DynamoDBStreamsClient({ region: 'eu-west-1' }),
    kinesis: new KinesisClient({ region: 'eu-west-1' }),
    stream: { StreamName: 'sales-dev-changes' },
    now: () => now,
    put: { maxAttempts: 3, sleep: async () => undefined },
  });

describe('redriveDeadLetters', () => {
  beforeEach(() => {
    sqs.reset();
    streams.reset();
    kinesis.reset();
    calls = [];
  });

  test('within retention: puts the batch into Kinesis as the pipe wrote it, then deletes the message', async () => {
    queueHolds(DEAD_LETTER_MESSAGE);
    streamHoldsBatch();
    const put: PutRecordsRequestEntry[] = [];
    kinesis.on(PutRecordsCommand).callsFake((input: { Records: PutRecordsRequestEntry[] }) => {
      calls.push(`put ${input.Records.length}`);
      put.push(...input.Records);
      return {
        FailedRecordCount: 0,
        Records: input.Records.map((_, i) => ({ SequenceNumber: `${i}`, ShardId: 'shardId-000000000000' })),
      };
    });

    const summary = await run();

    expect(summary).toMatchObject({ messages: 1, redriven: 1, records: 4, deleted: 1, trimmed: [], kept: [] });
    expect(put.map((entry) => Buffer.from(entry.Data!).toString('utf8'))).toEqual(
      PIPE_RECORDS.map((record) => JSON.stringify(record)),
    );
    expect(put.map((entry) => entry.PartitionKey)).toEqual([
      'ord-20250115-1001',
      'ord-20250115-1001',
      'ord-20250114-0877',
      'ord-20240110-0042',
    ]);
    expect(kinesis.commandCalls(PutRecordsCommand)[0]?.args[0].input.StreamName).toBe('sales-dev-changes');
    expect(streams.commandCalls(GetShardIteratorCommand)[0]?.args[0].input).toMatchObject({
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: '5172400000000023457312842',
    });
    expect(calls).toEqual(['put 4', `delete ${DEAD_LETTER_MESSAGE.ReceiptHandle}`]);
  });

  test('after trimming: reports the batch for a reconcile with repair, puts nothing, deletes nothing', async () => {
    queueHolds(DEAD_LETTER_MESSAGE);
    streams.on(GetShardIteratorCommand).rejects(
      new TrimmedDataAccessException({
        message: 'The operation attempted to read past the oldest stream record in a shard.',
        $metadata: {},
      }),
    );

    const summary = await run();

    expect(summary.trimmed).toEqual([
      expect.objectContaining({
        shardId: 'shardId-00000001736931012345-1a2b3c4d',
        batchSize: 4,
        reason: expect.stringMatching(/TrimmedDataAccessException/),
      }),
    ]);
    expect(summary).toMatchObject({ redriven: 0, deleted: 0 });
    expect(kinesis.commandCalls(PutRecordsCommand)).toHaveLength(0);
    expect(calls).toEqual([`visible in 0 s: ${DEAD_LETTER_MESSAGE.ReceiptHandle}`]);
  });

  test('older than the 24 h retention: does not even try the stream', async () => {
    queueHolds(DEAD_LETTER_MESSAGE);

    const summary = await run(Date.parse('2025-01-16T10:30:11Z'));

    expect(summary.trimmed[0]?.reason).toMatch(/24 h retention/);
    expect(streams.commandCalls(GetShardIteratorCommand)).toHaveLength(0);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
  });

  test('a partial PutRecords failure midway: only failed entries are retried, nothing is lost, nothing deleted early', async () => {
    queueHolds(DEAD_LETTER_MESSAGE, SECOND_MESSAGE);
    streamHoldsBatch();
    const acceptedKeys: string[] = [];
    let call = 0;
    kinesis.on(PutRecordsCommand).callsFake((input: { Records: PutRecordsRequestEntry[] }) => {
      call += 1;
      calls.push(`put ${input.Records.length}`);
      // Call 1 (first message): the 2nd entry is throttled. Call 2: its retry succeeds.
      // Calls 3-5 (second message): its 1st entry is rejected every time.
      const reject = (index: number) => (call === 1 && index === 1) || (call >= 3 && index === 0);
      const records = input.Records.map((entry, index) => {
        if (reject(index))
          return {
            ErrorCode: 'ProvisionedThroughputExceededException',
            ErrorMessage: 'Rate exceeded for shard shardId-000000000000',
          };
        acceptedKeys.push(`${entry.PartitionKey} ${JSON.parse(Buffer.from(entry.Data!).toString()).eventID}`);
        return { SequenceNumber: `${call}${index}`, ShardId: 'shardId-000000000000' };
      });
      return { FailedRecordCount: records.filter((record) => 'ErrorCode' in record).length, Records: records };
    });

    const summary = await run();

    expect(calls).toEqual([
      'put 4',
      'put 1',
      `delete ${DEAD_LETTER_MESSAGE.ReceiptHandle}`,
      'put 2',
      'put 1',
      'put 1',
      'visible in 0 s: receipt-2',
    ]);
    expect(
      kinesis.commandCalls(PutRecordsCommand)[1]?.args[0].input.Records?.map((entry) => entry.PartitionKey),
    ).toEqual(['ord-20250115-1001']);
    expect(acceptedKeys.slice(0, 4).sort()).toEqual(
      PIPE_RECORDS.map(
        (record) => `${(record.dynamodb.Keys as { order_id: { S: string } }).order_id.S} ${record.eventID}`,
      ).sort(),
    );
    expect(summary).toMatchObject({ messages: 2, redriven: 1, deleted: 1 });
    expect(summary.kept).toEqual([
      {
        messageId: 'second',
        reason: expect.stringMatching(
          /rejected 1 of 2 records after every retry \(ProvisionedThroughputExceededException\)/,
        ),
      },
    ]);
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input.ReceiptHandle)).toEqual([
      DEAD_LETTER_MESSAGE.ReceiptHandle,
    ]);
  });

  test('a message that is not a DynamoDB batch, or a batch that reads back short, stays in the queue', async () => {
    queueHolds(
      { MessageId: 'odd', ReceiptHandle: 'r-odd', Body: '{"KinesisBatchInfo":{}}' },
      { ...SECOND_MESSAGE, Body: SECOND_MESSAGE.Body!.replace('"batchSize":2', '"batchSize":3') },
    );
    streamHoldsBatch();

    const summary = await run();

    expect(summary.kept.map((kept) => [kept.messageId, kept.reason])).toEqual([
      ['odd', expect.stringMatching(/no DDBStreamBatchInfo/)],
      ['second', expect.stringMatching(/read 2 records .* the message says 3/)],
    ]);
    expect(kinesis.commandCalls(PutRecordsCommand)).toHaveLength(0);
    expect(calls).toEqual(['visible in 0 s: r-odd', 'visible in 0 s: receipt-2']);
  });

  test('a dry run reads the batch back, puts and deletes nothing, and leaves the message visible for the real run', async () => {
    queueHolds(DEAD_LETTER_MESSAGE);
    streamHoldsBatch();

    const summary = await redriveDeadLetters({
      sqs: new SQSClient({ region: 'eu-west-1' }),
      queueUrl: QUEUE_URL,
      streams: () => new DynamoDBStreamsClient({ region: 'eu-west-1' }),
      kinesis: new KinesisClient({ region: 'eu-west-1' }),
      stream: { StreamName: 'sales-dev-changes' },
      now: () => WITHIN_RETENTION,
      dryRun: true,
    });

    expect(summary).toMatchObject({ dryRun: true, messages: 1, redriven: 1, records: 4, deleted: 0 });
    expect(kinesis.commandCalls(PutRecordsCommand)).toHaveLength(0);
    expect(calls).toEqual([`visible in 0 s: ${DEAD_LETTER_MESSAGE.ReceiptHandle}`]);
  });
});
