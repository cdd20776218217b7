import { objectFileName } from '@sales/pipeline-spec';
import { GzipBody } from './gzip-body.js';
import type { LakeWriter } from './lake-writer.js';
import { deterministicUuid } from './deterministic-uuid.js';
import { SimulatedBuffer } from './simulated-buffer.js';
import type { BufferHints, ReleasedBatch } from '../types.js';

/** One partition's buffer: the arrival time of each buffered record, and their bytes, gzipped as they came. */
interface Partition {
  readonly buffer: SimulatedBuffer<Arrival>;
  body: GzipBody;
}

/** One buffered record's arrival time (a fresh object per record, so a released batch can be told apart). */
interface Arrival {
  readonly arrivalMs: number;
}

/**
 * The S3 end of a delivery stream: one buffer per evaluated prefix (dynamic partitioning keeps a
 * buffer per partition), each released buffer written as one GZIP object named as Firehose names
 * objects, after the arrival time of its oldest record. A buffer holds its records gzipped
 * ({@link GzipBody}), so memory holds about a tenth of what the buffer counts toward its size.
 */
export class S3Destination {
  private readonly partitions = new Map<string, Partition>();
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
    let partition = this.partitions.get(prefix);
    if (partition === undefined) {
      partition = { buffer: new SimulatedBuffer(this.hints), body: new GzipBody() };
      this.partitions.set(prefix, partition);
    }
    const arrival = { arrivalMs };
    const released = partition.buffer.add(arrival, bytes.byteLength, nowMs);
    // The buffer releases what it held before this record first; a batch with the record in it comes last.
    const holdsRecord = released.at(-1)?.items.includes(arrival) === true;
    this.writeAll(prefix, partition, holdsRecord ? released.slice(0, -1) : released);
    partition.body.append(bytes);
    if (holdsRecord) this.writeAll(prefix, partition, released.slice(-1));
  }

  /** Write every buffer whose interval has run out by `nowMs`. */
  tick(nowMs: number): void {
    for (const [prefix, partition] of this.partitions) this.writeAll(prefix, partition, partition.buffer.tick(nowMs));
  }

  /** Write everything still buffered. */
  drain(): void {
    for (const [prefix, partition] of this.partitions) this.writeAll(prefix, partition, partition.buffer.drain());
  }

  /** Write each released batch (at most one is open at a time, so each is the partition's body so far). */
  private writeAll(prefix: string, partition: Partition, batches: ReleasedBatch<Arrival>[]): void {
    for (const batch of batches) {
      let oldest = Number.POSITIVE_INFINITY;
      for (const { arrivalMs } of batch.items) oldest = Math.min(oldest, arrivalMs);
      const uuid = deterministicUuid(this.deliveryStreamName, prefix, this.objectCount++);
      this.lake.writeGzip(
        prefix + objectFileName(this.deliveryStreamName, oldest, uuid, this.extension),
        partition.body,
      );
      partition.body = new GzipBody();
    }
  }
}
