import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KinesisStreamEmulator, shardIndexFor } from '../../src/kinesis/kinesis-stream';
import { SPILL_TAIL_BYTES } from '../../src/kinesis/spill-file';

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
    expect([...stream.records()].map((record) => record.data.toString())).toEqual(
      records.map((record) => record.data.toString()),
    );
    expect(stream.shardSizes().reduce((a, b) => a + b)).toBe(40);
  });

  test('spreads many keys over all shards', () => {
    const stream = new KinesisStreamEmulator(4);
    for (let i = 0; i < 400; i++) stream.put(`ord-${i}`, Buffer.alloc(1), i);

    expect(stream.shardSizes().every((size) => size > 60)).toBe(true);
  });

  test('reads the records of one arrival instant by shard, each shard in put order', () => {
    const stream = new KinesisStreamEmulator(4);
    const put = Array.from({ length: 12 }, (_, i) => stream.put(`ord-${i}`, Buffer.from(String(i)), 1_000));
    const later = stream.put('ord-0', Buffer.from('later'), 2_000);

    const read = [...stream.records()];

    const byShard = [...put].sort((a, b) => a.shardId.localeCompare(b.shardId));
    expect(read.map((record) => record.sequenceNumber)).toEqual(
      [...byShard, later].map((record) => record.sequenceNumber),
    );
  });

  test('keeps what does not fit its memory tail on disk, reads it back whole and in order, and deletes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-local-kinesis-'));
    try {
      const stream = new KinesisStreamEmulator(2, dir);
      const payload = (i: number) => Buffer.from(`{"n":${i},"pad":"${'é'.repeat(1000)}"}`);
      const count = Math.ceil((SPILL_TAIL_BYTES * 2.5) / 2800);
      for (let i = 0; i < count; i++) stream.put(`ord-${i}`, payload(i), 1_000 + i);
      expect(readdirSync(dir)).toEqual(['kinesis-records']);

      const first = [...stream.records()];
      const again = [...stream.records()];

      expect(first.map((record) => record.data.toString())).toEqual(
        Array.from({ length: count }, (_, i) => payload(i).toString()),
      );
      expect(again.map((record) => record.sequenceNumber)).toEqual(first.map((record) => record.sequenceNumber));
      stream.delete();
      expect(readdirSync(dir)).toEqual([]);
      expect([...stream.records()]).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(existsSync(dir)).toBe(false);
  });

  test('rejects what Kinesis rejects', () => {
    expect(() => new KinesisStreamEmulator(0)).toThrow('shardCount must be an integer between 1 and 10000, received 0');
    expect(() => new KinesisStreamEmulator(1).put('', Buffer.alloc(1), 0)).toThrow(/1 to 256 characters/);
  });
});
