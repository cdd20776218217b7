import { KinesisClient, PutRecordsCommand, type PutRecordsRequestEntry } from '@aws-sdk/client-kinesis';
import { mockClient } from 'aws-sdk-client-mock';
import { putAllRecords } from '../../src/replay/dlq/put-records';

const kinesis = mockClient(KinesisClient);
const acceptAll = (input: { Records: PutRecordsRequestEntry[] }) => ({
  FailedRecordCount: 0,
  Records: input.Records.map(() => ({ SequenceNumber: '1', ShardId: 's' })),
});
const entry = (key: string, bytes = 10): PutRecordsRequestEntry => ({ PartitionKey: key, Data: new Uint8Array(bytes) });

describe('putAllRecords', () => {
  beforeEach(() => kinesis.reset());

  test('sends at most 500 records per call', async () => {
    kinesis.on(PutRecordsCommand).callsFake(acceptAll);

    const result = await putAllRecords(
      new KinesisClient({ region: 'eu-west-1' }),
      { StreamName: 's' },
      Array.from({ length: 1001 }, (_, i) => entry(`k${i}`)),
    );

    expect(kinesis.commandCalls(PutRecordsCommand).map((call) => call.args[0].input.Records?.length)).toEqual([
      500, 500, 1,
    ]);
    expect(result).toEqual({ put: 1001, failed: [] });
  });

  test('sends at most 5 MiB per call, keys counted', async () => {
    kinesis.on(PutRecordsCommand).callsFake(acceptAll);

    await putAllRecords(
      new KinesisClient({ region: 'eu-west-1' }),
      { StreamARN: 'arn:aws:kinesis:eu-west-1:123456789012:stream/s' },
      Array.from({ length: 6 }, (_, i) => entry(`k${i}`, 1024 * 1024 - 2)),
    );

    expect(kinesis.commandCalls(PutRecordsCommand).map((call) => call.args[0].input.Records?.length)).toEqual([5, 1]);
    expect(kinesis.commandCalls(PutRecordsCommand)[0]?.args[0].input.StreamARN).toBe(
      'arn:aws:kinesis:eu-west-1:123456789012:stream/s',
    );
  });

  test('gives up on an entry after maxAttempts and says with which error code', async () => {
    kinesis.on(PutRecordsCommand).resolves({
      FailedRecordCount: 1,
      Records: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service failure.' }],
    });
    const waits: number[] = [];

    const result = await putAllRecords(new KinesisClient({ region: 'eu-west-1' }), { StreamName: 's' }, [entry('k')], {
      maxAttempts: 3,
      sleep: async (n) => void waits.push(n),
    });

    expect(result).toEqual({ put: 0, failed: [{ partitionKey: 'k', errorCode: 'InternalFailure' }] });
    expect(kinesis.commandCalls(PutRecordsCommand)).toHaveLength(3);
    expect(waits).toEqual([1, 2]);
  });
});
