import type { DynamoDBRecord } from 'aws-lambda';
import { readJsonPath } from './json-path.js';
import type { KinesisStreamEmulator } from '../kinesis/kinesis-stream.js';
import { SimulatedBuffer } from '../firehose/simulated-buffer.js';
import type { ReleasedBatch } from '../types.js';
import { LateDelivery, type LatePolicy } from './late-delivery.js';

/** Pipe source batching, from the infrastructure's configuration. */
export interface PipeBatching {
  /** Records per batch (`batch_size`). */
  readonly batchSize: number;
  /** Longest wait for a batch to fill, ms (`maximum_batching_window_in_seconds`). */
  readonly windowMs: number;
}

interface PipedRecord {
  readonly partitionKey: string;
  readonly data: Buffer;
}

/**
 * EventBridge Pipes from the table's stream to Kinesis: batches of `batchSize` records or
 * `windowMs` of simulated time, each released batch put into the stream (one Kinesis record per
 * stream record, no enrichment or input transformer) with the partition key read at the pipe's
 * JSON path. Records arrive in Kinesis at their batch's release time, in order, but for the late ones of
 * {@link LateDelivery}, which arrive hours later.
 */
export class ChangePipe {
  private readonly buffer: SimulatedBuffer<PipedRecord>;
  private readonly late: LateDelivery<PipedRecord> | undefined;
  /** Records whose partition-key path resolved to nothing (AWS does not document the outcome). */
  unroutable = 0;

  /**
   * @param target - the Kinesis stream
   * @param partitionKeyPath - e.g. `$.dynamodb.Keys.order_id.S`
   * @param batching - batch size and window
   * @param late - which records arrive late, and how late. @defaultValue - none
   */
  constructor(
    private readonly target: KinesisStreamEmulator,
    private readonly partitionKeyPath: string,
    batching: PipeBatching,
    late?: LatePolicy,
  ) {
    this.buffer = new SimulatedBuffer({ sizeBytes: batching.batchSize, intervalMs: batching.windowMs });
    this.late = late === undefined ? undefined : new LateDelivery(late);
  }

  /** Records that reached the stream late (see {@link LateDelivery}). */
  get lateRecords(): number {
    return this.late?.late ?? 0;
  }

  /**
   * Take one stream record at the time it was written.
   *
   * @param record - the stream record
   * @param eventTimeMs - its write time, epoch ms
   */
  send(record: DynamoDBRecord, eventTimeMs: number): void {
    const partitionKey = readJsonPath(record, this.partitionKeyPath);
    if (partitionKey === undefined) {
      this.unroutable += 1;
      return;
    }
    this.put(this.buffer.add({ partitionKey, data: Buffer.from(JSON.stringify(record), 'utf8') }, 1, eventTimeMs));
  }

  /** Release the last, partly filled batch (its window runs out), then every late record still held. */
  flush(): void {
    this.put(this.buffer.drain());
    this.putLate(Number.POSITIVE_INFINITY);
  }

  private put(batches: ReleasedBatch<PipedRecord>[]): void {
    for (const batch of batches) {
      this.putLate(batch.releasedAtMs);
      for (const record of batch.items)
        if (this.late?.hold(record.partitionKey, record, batch.releasedAtMs) !== true)
          this.target.put(record.partitionKey, record.data, batch.releasedAtMs);
    }
  }

  /** Puts the late records due by `nowMs`, each at its own arrival time, so the stream stays in arrival order. */
  private putLate(nowMs: number): void {
    for (const { item, arrivalMs } of this.late?.release(nowMs) ?? [])
      this.target.put(item.partitionKey, item.data, arrivalMs);
  }
}
