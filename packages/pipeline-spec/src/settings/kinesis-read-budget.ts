import type { KinesisStreamMode } from '../defaults/kinesis-defaults';

/**
 * What a Kinesis data stream serves to standard consumers (consumers that call `GetRecords`, sharing a shard's read
 * throughput; Firehose is one), and how often Firehose reads. Every standard consumer reads every record, so the
 * stream must serve the written bytes once per consumer.
 *
 * - `getRecordsPerSecondPerShard`: "Each shard can support up to five read transactions per second."
 * - `readMiBPerSecondPerShard`: "Each shard can support up to a maximum total data read rate of 2 MB per second."
 * - `writeMiBPerSecondPerShard`: a shard takes up to 1 MB per second of writes (provisioned mode).
 * - `onDemandReadPerWrite`: an on-demand stream serves twice its write throughput to reads (4 MB/s of write and
 *   8 MB/s of read for a new stream; 200 and 400 MB/s at its default maximum).
 * - `firehoseReadsPerSecondPerShard`: Firehose calls `GetRecords` on each shard about once per second.
 *
 * @see https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 * @see https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html
 * @example
 * ```ts
 * KINESIS_READ_LIMITS.getRecordsPerSecondPerShard; //=> 5
 * ```
 */
export const KINESIS_READ_LIMITS = {
  getRecordsPerSecondPerShard: 5,
  readMiBPerSecondPerShard: 2,
  writeMiBPerSecondPerShard: 1,
  onDemandReadPerWrite: 2,
  firehoseReadsPerSecondPerShard: 1,
} as const;

/** How a number of standard consumers, each polling like Firehose, fits a stream's read limits. */
export interface ReadBudget {
  /** Standard consumers counted. */
  readonly consumers: number;
  /** `GetRecords` calls per second per shard they make, and the limit. */
  readonly getRecordsPerSecond: { readonly used: number; readonly limit: number };
  /** Bytes they read for each byte written at the stream's write limit, and the read limit in the same unit. */
  readonly readPerWrite: { readonly used: number; readonly limit: number };
  /** The most standard consumers this stream serves at its write limit. */
  readonly maximumConsumers: number;
  /** Whether `consumers` fit. */
  readonly fits: boolean;
}

/**
 * The read budget of a stream with `consumers` standard consumers. Both capacity modes allow two: the per-shard
 * transaction limit allows five Firehose-like pollers, but each consumer reads every written byte, and a stream
 * serves twice what it takes (per shard: 2 MB/s of read for 1 MB/s of write; on demand: twice the stream's write
 * throughput). A third consumer would be throttled whenever writes approach the stream's limit.
 *
 * @param mode - the stream's capacity mode
 * @param consumers - standard consumers reading the stream
 * @returns the budget
 * @example
 * ```ts
 * kinesisReadBudget('ON_DEMAND', 2).fits; //=> true
 * kinesisReadBudget('PROVISIONED', 3);
 * //=> { consumers: 3, getRecordsPerSecond: { used: 3, limit: 5 }, readPerWrite: { used: 3, limit: 2 }, maximumConsumers: 2, fits: false }
 * ```
 */
export function kinesisReadBudget(mode: KinesisStreamMode, consumers: number): ReadBudget {
  const limits = KINESIS_READ_LIMITS;
  const readPerWrite =
    mode === 'ON_DEMAND'
      ? limits.onDemandReadPerWrite
      : limits.readMiBPerSecondPerShard / limits.writeMiBPerSecondPerShard;
  const maximumConsumers = Math.min(
    Math.floor(limits.getRecordsPerSecondPerShard / limits.firehoseReadsPerSecondPerShard),
    Math.floor(readPerWrite),
  );
  return {
    consumers,
    getRecordsPerSecond: {
      used: consumers * limits.firehoseReadsPerSecondPerShard,
      limit: limits.getRecordsPerSecondPerShard,
    },
    readPerWrite: { used: consumers, limit: readPerWrite },
    maximumConsumers,
    fits: consumers <= maximumConsumers,
  };
}
