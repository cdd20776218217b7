import type { DynamoDBRecord } from 'aws-lambda';
import { ChangePipe } from '../../src/pipes/change-pipe';
import { KinesisStreamEmulator } from '../../src/kinesis/kinesis-stream';

const record = (orderId: string | undefined): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    Keys: orderId === undefined ? {} : { order_id: { S: orderId } },
    SequenceNumber: '100000000000000000001',
  },
});
const PATH = '$.dynamodb.Keys.order_id.S';

describe('ChangePipe', () => {
  test('puts each stream record as one Kinesis record keyed by the JSON path, at its batch release time', () => {
    const stream = new KinesisStreamEmulator(2);
    const pipe = new ChangePipe(stream, PATH, { batchSize: 100, windowMs: 1_000 });

    pipe.send(record('a'), 0);
    pipe.send(record('b'), 400);
    pipe.send(record('a'), 1_200);
    pipe.flush();

    expect(
      stream
        .readAll()
        .map((r) => [
          r.partitionKey,
          r.approximateArrivalTimestamp,
          JSON.parse(r.data.toString()).dynamodb.Keys.order_id.S,
        ]),
    ).toEqual([
      ['a', 1_000, 'a'],
      ['b', 1_000, 'b'],
      ['a', 2_200, 'a'],
    ]);
  });

  test('releases a full batch at once', () => {
    const stream = new KinesisStreamEmulator(1);
    const pipe = new ChangePipe(stream, PATH, { batchSize: 2, windowMs: 60_000 });

    pipe.send(record('a'), 10);
    pipe.send(record('b'), 20);

    expect(stream.readAll().map((r) => r.approximateArrivalTimestamp)).toEqual([20, 20]);
  });

  test('counts records whose partition key cannot be resolved instead of inventing one', () => {
    const stream = new KinesisStreamEmulator(1);
    const pipe = new ChangePipe(stream, PATH, { batchSize: 1, windowMs: 0 });

    pipe.send(record(undefined), 0);
    pipe.flush();

    expect(pipe.unroutable).toBe(1);
    expect(stream.readAll()).toEqual([]);
  });
});
