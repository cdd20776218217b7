import { createHash } from 'node:crypto';
import type { KinesisRecord } from '../types.js';

const HASH_SPACE = 1n << 128n;

/**
 * The shard a partition key maps to: Kinesis hashes the key with MD5 into a 128-bit integer and
 * picks the shard whose hash-key range holds it. Shards split the range evenly, as a new stream's do.
 *
 * @param partitionKey - the record's partition key
 * @param shardCount - number of open shards, at least 1
 * @returns the shard index in [0, shardCount)
 * @see https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html
 */
export function shardIndexFor(partitionKey: string, shardCount: number): number {
  const hashKey = BigInt(`0x${createHash('md5').update(partitionKey, 'utf8').digest('hex')}`);
  return Number((hashKey * BigInt(shardCount)) / HASH_SPACE);
}

/**
 * An in-memory Kinesis data stream with a fixed number of shards. Each shard keeps its records in
 * put order, so all records with one partition key stay in order; there is no resharding.
 *
 * @example
 * ```ts
 * const stream = new KinesisStreamEmulator(4);
 * stream.put('ord-1', Buffer.from('{}'), Date.now()).shardId; //=> e.g. 'shardId-000000000001'
 * ```
 */
export class KinesisStreamEmulator {
  private readonly shards: KinesisRecord[][];
  private putCount = 0;

  /**
   * @param shardCount - number of shards, 1 to 10000
   * @throws RangeError for a shard count outside that range
   */
  constructor(readonly shardCount: number) {
    if (!Number.isInteger(shardCount) || shardCount < 1 || shardCount > 10000) {
      throw new RangeError(`shardCount must be an integer between 1 and 10000, received ${shardCount}`);
    }
    this.shards = Array.from({ length: shardCount }, () => []);
  }

  /**
   * Append a record to the shard its partition key hashes to.
   *
   * @param partitionKey - 1 to 256 characters
   * @param data - the payload
   * @param arrivalMs - simulated arrival time, epoch ms
   * @returns the stored record with its shard and sequence number
   * @throws RangeError for an empty or over-long partition key
   */
  put(partitionKey: string, data: Buffer, arrivalMs: number): KinesisRecord {
    if (partitionKey.length < 1 || partitionKey.length > 256) {
      throw new RangeError(`partition key must be 1 to 256 characters, received ${partitionKey.length}`);
    }
    const index = shardIndexFor(partitionKey, this.shardCount);
    const shard = this.shards[index]!;
    this.putCount += 1;
    const sequenceNumber = `495${String(index).padStart(5, '0')}${String(this.putCount).padStart(48, '0')}`;
    const record = {
      shardId: `shardId-${String(index).padStart(12, '0')}`,
      partitionKey,
      sequenceNumber,
      approximateArrivalTimestamp: arrivalMs,
      data,
    };
    shard.push(record);
    return record;
  }

  /**
   * Read every shard to the end, merged by arrival time (ties by shard, then by position), which
   * is how one consumer of all shards sees them. Each shard's own order is kept.
   *
   * @returns all records
   */
  readAll(): KinesisRecord[] {
    const tagged = this.shards.flatMap((shard, shardIndex) =>
      shard.map((record, position) => ({ record, shardIndex, position })),
    );
    tagged.sort(
      (a, b) =>
        a.record.approximateArrivalTimestamp - b.record.approximateArrivalTimestamp ||
        a.shardIndex - b.shardIndex ||
        a.position - b.position,
    );
    return tagged.map(({ record }) => record);
  }

  /** Records per shard, index = shard number. */
  shardSizes(): number[] {
    return this.shards.map((shard) => shard.length);
  }
}
