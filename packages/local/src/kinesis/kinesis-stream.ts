import { createHash } from 'node:crypto';
import type { KinesisRecord } from '../types.js';
import { SpillFile } from './spill-file.js';

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

/** One stored record as a line of the spill file: shard index, then the record's fields, the data in base64. */
type StoredRecord = [shardIndex: number, partitionKey: string, sequenceNumber: string, arrivalMs: number, data: string];

/**
 * A Kinesis data stream with a fixed number of shards, as long as the run makes it: records are kept in put order
 * in a {@link SpillFile} (a small tail in memory, the rest on disk), so memory does not grow with the stream. Each
 * shard keeps its records in put order, so all records with one partition key stay in order; there is no resharding.
 *
 * @example
 * ```ts
 * const stream = new KinesisStreamEmulator(4);
 * stream.put('ord-1', Buffer.from('{}'), Date.now()).shardId; //=> e.g. 'shardId-000000000001'
 * [...stream.records()].length; //=> 1
 * stream.delete();
 * ```
 */
export class KinesisStreamEmulator {
  private readonly sizes: number[];
  private readonly store: SpillFile;
  private putCount = 0;

  /**
   * @param shardCount - number of shards, 1 to 10000
   * @param spillDir - folder for the records that do not stay in memory. @defaultValue - a new folder under the OS temp folder, made at the first spill
   * @throws RangeError for a shard count outside that range
   */
  constructor(
    readonly shardCount: number,
    spillDir?: string,
  ) {
    if (!Number.isInteger(shardCount) || shardCount < 1 || shardCount > 10000) {
      throw new RangeError(`shardCount must be an integer between 1 and 10000, received ${shardCount}`);
    }
    this.sizes = Array.from({ length: shardCount }, () => 0);
    this.store = new SpillFile('kinesis-records', spillDir);
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
    this.putCount += 1;
    this.sizes[index] = (this.sizes[index] ?? 0) + 1;
    const sequenceNumber = `495${String(index).padStart(5, '0')}${String(this.putCount).padStart(48, '0')}`;
    const stored: StoredRecord = [index, partitionKey, sequenceNumber, arrivalMs, data.toString('base64')];
    this.store.append(JSON.stringify(stored));
    return { shardId: shardIdOf(index), partitionKey, sequenceNumber, approximateArrivalTimestamp: arrivalMs, data };
  }

  /**
   * Read every shard to the end, as one consumer of all shards sees them: by arrival time, records of one arrival
   * instant by shard, then by position. The pipe puts records in arrival order (its batches are released in time
   * order, late records at their own later arrival), so this is put order with each instant's records grouped by
   * shard; memory holds one instant's records. Each call reads the stream from its start.
   *
   * @returns the records, lazily
   */
  *records(): Generator<KinesisRecord> {
    let instant: StoredRecord[] = [];
    for (const line of this.store.lines()) {
      const stored = JSON.parse(line) as StoredRecord;
      if (instant.length > 0 && instant[0]![3] !== stored[3]) {
        yield* byShard(instant);
        instant = [];
      }
      instant.push(stored);
    }
    yield* byShard(instant);
  }

  /** Records per shard, index = shard number. */
  shardSizes(): number[] {
    return [...this.sizes];
  }

  /** Records put so far. */
  get size(): number {
    return this.putCount;
  }

  /** Delete what the stream spilled to disk; the stream is empty afterwards. */
  delete(): void {
    this.store.delete();
  }
}

/** One instant's records, by shard, each shard's in put order (the sort is stable). */
function byShard(instant: StoredRecord[]): KinesisRecord[] {
  return instant.sort((a, b) => a[0] - b[0]).map(toRecord);
}

const shardIdOf = (index: number): string => `shardId-${String(index).padStart(12, '0')}`;

function toRecord([index, partitionKey, sequenceNumber, arrivalMs, data]: StoredRecord): KinesisRecord {
  return {
    shardId: shardIdOf(index),
    partitionKey,
    sequenceNumber,
    approximateArrivalTimestamp: arrivalMs,
    data: Buffer.from(data, 'base64'),
  };
}
