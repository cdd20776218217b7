import { objectFileName } from '@sales/pipeline-spec';
import type { LakeWriter } from './lake-writer.js';
import { deterministicUuid } from './deterministic-uuid.js';
import { SimulatedBuffer } from './simulated-buffer.js';
import type { BufferHints, ReleasedBatch } from '../types.js';

/** Bytes waiting for an object, with the arrival time of the record they came from. */
interface Chunk {
  readonly bytes: Buffer;
  readonly arrivalMs: number;
}

/**
 * The S3 end of a delivery stream: one buffer per evaluated prefix (dynamic partitioning keeps a
 * buffer per partition), each released buffer written as one GZIP object named as Firehose names
 * objects, after the arrival time of its oldest record.
 */
export class S3Destination {
  private readonly buffers = new Map<string, SimulatedBuffer<Chunk>>();
  private objectCount = 0;

  /**
   * @param lake - where objects go
   * @param hints - S3 buffering hints
   * @param deliveryStreamName - first part of every object name
   * @param extension - file extension, e.g. `.json.gz`
   */
  constructor(
    private readonly lake: LakeWriter,
    private readonly hints: BufferHints,
    private readonly deliveryStreamName: string,
    private readonly extension: string,
  ) {}

  /**
   * Buffer bytes for the object under `prefix`, writing whatever the buffer releases.
   *
   * @param prefix - evaluated prefix
   * @param bytes - one record's output
   * @param arrivalMs - the record's arrival time
   * @param nowMs - simulated time
   */
  add(prefix: string, bytes: Buffer, arrivalMs: number, nowMs: number): void {
    let buffer = this.buffers.get(prefix);
    if (buffer === undefined) {
      buffer = new SimulatedBuffer(this.hints);
      this.buffers.set(prefix, buffer);
    }
    this.writeAll(prefix, buffer.add({ bytes, arrivalMs }, bytes.byteLength, nowMs));
  }

  /** Write every buffer whose interval has run out by `nowMs`. */
  tick(nowMs: number): void {
    for (const [prefix, buffer] of this.buffers) this.writeAll(prefix, buffer.tick(nowMs));
  }

  /** Write everything still buffered. */
  drain(): void {
    for (const [prefix, buffer] of this.buffers) this.writeAll(prefix, buffer.drain());
  }

  private writeAll(prefix: string, batches: ReleasedBatch<Chunk>[]): void {
    for (const batch of batches) {
      const oldest = Math.min(...batch.items.map((chunk) => chunk.arrivalMs));
      const uuid = deterministicUuid(this.deliveryStreamName, prefix, this.objectCount++);
      this.lake.write(
        prefix + objectFileName(this.deliveryStreamName, oldest, uuid, this.extension),
        batch.items.map((chunk) => chunk.bytes),
      );
    }
  }
}
