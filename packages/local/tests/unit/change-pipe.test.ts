import type { DynamoDBRecord } from 'aws-lambda';
import { ChangePipe } from '../../src/pipes/change-pipe';
import { KinesisStreamEmulator } from '../../src/kinesis/kinesis-stream';

const record = (orderId: string | undefined, sequence = 1, createdAtSeconds = 1_793_404_800): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    ApproximateCreationDateTime: createdAtSeconds,
    Keys: orderId === undefined ? {} : { order_id: { S: orderId } },
    SequenceNumber: String(100000000000000000000n + BigInt(sequence)),
  },
});
const HOUR = 3_600_000;
/** A die that picks every record it is asked about, and delays it by half the maximum record age. */
const alwaysLate = { fraction: 1, random: () => 0.5, maximumRecordAgeMs: 6 * HOUR };
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
      [...stream.records()].map((r) => [
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

    expect([...stream.records()].map((r) => r.approximateArrivalTimestamp)).toEqual([20, 20]);
  });

  test('counts records whose partition key cannot be resolved instead of inventing one', () => {
    const stream = new KinesisStreamEmulator(1);
    const pipe = new ChangePipe(stream, PATH, { batchSize: 1, windowMs: 0 });

    pipe.send(record(undefined), 0);
    pipe.flush();

    expect(pipe.unroutable).toBe(1);
    expect([...stream.records()]).toEqual([]);
  });

  test('delivers a late record hours after later ones, its payload and event time unchanged', () => {
    const stream = new KinesisStreamEmulator(2);
    const dice = [0, 0.5, 0.9, 0.9, 0.9, 0.9];
    const random = () => dice.shift() ?? 0.9;
    const pipe = new ChangePipe(
      stream,
      PATH,
      { batchSize: 100, windowMs: 1_000 },
      { ...alwaysLate, fraction: 0.1, random },
    );

    pipe.send(record('a', 1), 0);
    pipe.send(record('b', 2), 2 * HOUR);
    pipe.send(record('c', 3), 4 * HOUR);
    pipe.flush();

    // 'a' was chosen (die 0 < 0.1) and delayed 1/6 + 0.5 * 2/3 = half the 6 h maximum record age after its batch.
    expect([...stream.records()].map((r) => [r.partitionKey, r.approximateArrivalTimestamp])).toEqual([
      ['b', 2 * HOUR + 1_000],
      ['a', 3 * HOUR + 1_000],
      ['c', 4 * HOUR + 1_000],
    ]);
    expect(JSON.parse([...stream.records()][1]!.data.toString())).toEqual(record('a', 1));
    expect(pipe.lateRecords).toBe(1);
  });

  test("keeps one key's later changes behind its late one, so each order reaches Kinesis in order", () => {
    const stream = new KinesisStreamEmulator(1);
    const dice = [0, 0.5];
    const random = () => dice.shift() ?? 0.9;
    const pipe = new ChangePipe(
      stream,
      PATH,
      { batchSize: 100, windowMs: 1_000 },
      { ...alwaysLate, fraction: 0.1, random },
    );

    pipe.send(record('a', 1), 0);
    pipe.send(record('a', 2), 60_000);
    pipe.send(record('b', 3), 120_000);
    pipe.flush();

    expect(
      [...stream.records()].map((r) => [
        r.partitionKey,
        JSON.parse(r.data.toString()).dynamodb.SequenceNumber,
        r.approximateArrivalTimestamp,
      ]),
    ).toEqual([
      ['b', '100000000000000000003', 121_000],
      ['a', '100000000000000000001', 3 * HOUR + 1_000],
      ['a', '100000000000000000002', 3 * HOUR + 1_000],
    ]);
    expect(pipe.lateRecords).toBe(2);
  });

  test('holds a late record at least a sixth of the maximum record age, and less than five sixths', () => {
    const arrival = (die: number): number => {
      const stream = new KinesisStreamEmulator(1);
      const dice = [0, die];
      const pipe = new ChangePipe(
        stream,
        PATH,
        { batchSize: 1, windowMs: 0 },
        { ...alwaysLate, random: () => dice.shift()! },
      );
      pipe.send(record('a'), 0);
      pipe.flush();
      return [...stream.records()][0]!.approximateArrivalTimestamp;
    };

    expect(arrival(0)).toBe(HOUR);
    expect(arrival(0.999_999)).toBeLessThan(5 * HOUR);
    expect(arrival(0.999_999)).toBeGreaterThan(5 * HOUR - 1_000);
  });

  test('delivers nothing late with a fraction of 0, drawing no dice', () => {
    const stream = new KinesisStreamEmulator(1);
    const pipe = new ChangePipe(
      stream,
      PATH,
      { batchSize: 100, windowMs: 1_000 },
      {
        ...alwaysLate,
        fraction: 0,
        random: () => {
          throw new Error('no die should be cast');
        },
      },
    );

    pipe.send(record('a'), 0);
    pipe.flush();

    expect([...stream.records()]).toHaveLength(1);
    expect(pipe.lateRecords).toBe(0);
  });
});
