import { KinesisStreamEmulator, shardIndexFor } from '../../src/kinesis/kinesis-stream';

describe('Kinesis stream emulation', () => {
  test.each([
    // MD5("") = d41d8cd9..., in the upper half of the hash-key space; MD5("a") = 0cc175b9..., in the lowest sixteenth
    ['', 2, 1],
    ['a', 16, 0],
    ['a', 1, 0],
  ])('hashes partition key %j onto shard %# by MD5 hash-key range', (key, shards, expected) => {
    expect(shardIndexFor(key, shards)).toBe(expected);
  });

  test('keeps every record of one partition key on one shard, in put order', () => {
    const stream = new KinesisStreamEmulator(4);
    const records = Array.from({ length: 40 }, (_, i) => stream.put(`ord-${i % 5}`, Buffer.from(String(i)), 1_000 + i));

    for (let key = 0; key < 5; key++) {
      const mine = records.filter((record) => record.partitionKey === `ord-${key}`);
      expect(new Set(mine.map((record) => record.shardId)).size).toBe(1);
      const sequence = mine.map((record) => BigInt(record.sequenceNumber));
      expect([...sequence].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequence);
    }
    expect(stream.readAll().map((record) => record.data.toString())).toEqual(
      records.map((record) => record.data.toString()),
    );
    expect(stream.shardSizes().reduce((a, b) => a + b)).toBe(40);
  });

  test('spreads many keys over all shards', () => {
    const stream = new KinesisStreamEmulator(4);
    for (let i = 0; i < 400; i++) stream.put(`ord-${i}`, Buffer.alloc(1), i);

    expect(stream.shardSizes().every((size) => size > 60)).toBe(true);
  });

  test('rejects what Kinesis rejects', () => {
    expect(() => new KinesisStreamEmulator(0)).toThrow('shardCount must be an integer between 1 and 10000, received 0');
    expect(() => new KinesisStreamEmulator(1).put('', Buffer.alloc(1), 0)).toThrow(/1 to 256 characters/);
  });
});
