import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { GlueType } from '@sales/pipeline-spec';
import type { FirehoseHandler } from '@sales/transform';

/**
 * Types that more than one file of the local pipeline uses: DynamoDB items, Kinesis records,
 * buffering, the transform handler and the crawled catalog.
 */

/** An item or image as the DynamoDB API returns it: attribute name to AttributeValue. */
export type AttributeMap = Record<string, AttributeValue>;

/** One record in a shard, as Firehose reads it from Kinesis Data Streams. */
export interface KinesisRecord {
  /** e.g. `shardId-000000000002` */
  readonly shardId: string;
  /** The partition key the producer (the pipe) gave. */
  readonly partitionKey: string;
  /** Per-shard increasing sequence number, 56 digits like real ones. */
  readonly sequenceNumber: string;
  /** When the record arrived in the stream, epoch ms (simulated). */
  readonly approximateArrivalTimestamp: number;
  /** The payload: one DynamoDB stream record as JSON. */
  readonly data: Buffer;
}

/** Firehose buffering hints: a batch is released when either is reached first. */
export interface BufferHints {
  /** Release when the buffered bytes reach this size. */
  readonly sizeBytes: number;
  /** Release when the oldest buffered item is this old, in simulated ms. */
  readonly intervalMs: number;
}

/** A batch released by a {@link SimulatedBuffer}. */
export interface ReleasedBatch<T> {
  /** The buffered items, in arrival order. */
  readonly items: T[];
  /** Simulated time of release, epoch ms. */
  readonly releasedAtMs: number;
  /** Bytes in the batch. */
  readonly bytes: number;
}

/** A Firehose transformation handler, e.g. `@sales/transform`'s `handler`. */
export type TransformHandler = FirehoseHandler;

/** One column of the inferred table. */
export interface CatalogColumn {
  /** Lower-cased column name. */
  readonly name: string;
  /** Merged type over every value seen. */
  readonly type: GlueType;
}

/** The table the crawler would create over the data prefix. */
export interface CatalogTable {
  /** Data columns, in the order first seen. */
  readonly columns: readonly CatalogColumn[];
  /** Partition columns from the `key=value` folders, outermost first; always `string`. */
  readonly partitionKeys: readonly string[];
}
