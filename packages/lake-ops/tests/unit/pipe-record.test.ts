import { toPipeRecord, pipePartitionKey } from '../../src/replay/dlq/pipe-record';
import { compareSequenceNumbers } from '../../src/replay/dlq/sequence-number';
import { parseDeadLetterMessage } from '../../src/replay/dlq/dead-letter-message';
import { DEAD_LETTER_MESSAGE, PIPE_RECORDS, toSdkRecord } from '../support/stream-records';

const STREAM_ARN = 'arn:aws:dynamodb:eu-west-1:123456789012:table/sales-orders/stream/2025-01-15T09:30:12.345';

describe('toPipeRecord', () => {
  test.each(PIPE_RECORDS.map((record) => [record.eventName, record.dynamodb.SequenceNumber, record]))(
    '%s %s from GetRecords is byte for byte the JSON the pipe wrote',
    (_, __, record) => {
      expect(JSON.stringify(toPipeRecord(toSdkRecord(record as never), STREAM_ARN))).toBe(JSON.stringify(record));
    },
  );

  test('the partition key is the order id, as the pipe sets it', () => {
    expect(PIPE_RECORDS.map((record) => pipePartitionKey(toPipeRecord(toSdkRecord(record), STREAM_ARN)))).toEqual([
      'ord-20250115-1001',
      'ord-20250115-1001',
      'ord-20250114-0877',
      'ord-20240110-0042',
    ]);
  });

  test('a record without the key has no partition key', () => {
    expect(() => pipePartitionKey({ dynamodb: { Keys: {} } })).toThrow(/no string at \$\.dynamodb\.Keys\.order_id\.S/);
  });
});

describe('compareSequenceNumbers', () => {
  test.each([
    ['900000000000000000001', '1000000000000000000000', -1],
    ['5172700000000023457314555', '5172700000000023457314555', 0],
    ['99999999999999999999999999999999999999999', '99999999999999999999999999999999999999998', 1],
  ])('%s vs %s -> %i, as integers, not as text', (a, b, expected) => {
    expect(compareSequenceNumbers(a, b)).toBe(expected);
  });
});

describe('parseDeadLetterMessage', () => {
  test('reads the batch metadata of the documented message', () => {
    const parsed = parseDeadLetterMessage(DEAD_LETTER_MESSAGE.Body!);

    expect(parsed).toEqual({
      ok: true,
      value: expect.objectContaining({
        shardId: 'shardId-00000001736931012345-1a2b3c4d',
        batchSize: 4,
        streamArn: STREAM_ARN,
      }),
    });
  });

  test.each([
    ['not JSON', 'oops', /not JSON/],
    ['a Kinesis-source message', '{"KinesisBatchInfo":{"shardId":"shardId-000000000000"}}', /no DDBStreamBatchInfo/],
    [
      'a sequence number with letters',
      DEAD_LETTER_MESSAGE.Body!.replace('"5172400000000023457312842"', '"51724x"'),
      /startSequenceNumber/,
    ],
    ['a batch size of 0', DEAD_LETTER_MESSAGE.Body!.replace('"batchSize":4', '"batchSize":0'), /batchSize/],
  ])('refuses %s, saying why', (_, body, detail) => {
    const parsed = parseDeadLetterMessage(body);

    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.detail).toMatch(detail);
  });
});
