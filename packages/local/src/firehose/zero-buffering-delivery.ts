import type { FirehoseTransformationResultRecord } from 'aws-lambda';
import { DeliveryOutcomes } from './delivery-outcomes.js';
import { deterministicUuid } from './deterministic-uuid.js';
import { buildFirehoseEvent, recordIdOf, type FirehoseIdentity, type InFlightRecord } from './firehose-event.js';
import type { LambdaLogSink, RedeliveryPolicy } from './firehose-emulator.js';
import { evaluatePrefix, formatErrorRecord, objectFileName, PROCESSING_FAILED_STATUS } from '@sales/pipeline-spec';
import { invokeTransform, validateResponse } from './lambda-invoker.js';
import type { LakeWriter } from './lake-writer.js';
import type { KinesisRecord, TransformHandler } from '../types.js';

/** The low-latency path's delivery stream, as the stack configures it. */
export interface ZeroBufferingSettings extends FirehoseIdentity {
  /** Delivery stream name; starts every object name. */
  readonly deliveryStreamName: string;
  /** Transform function ARN with qualifier, written into error records. */
  readonly lambdaArn: string;
  /** The processor's `BufferSizeInMBs`, in bytes: one read of a shard is split into invocations of at most this. */
  readonly processorSizeBytes: number;
  /** How often Firehose reads each shard, in ms (about once per second). */
  readonly readIntervalMs: number;
  /** Invocation retries after a failed call (`NumberOfRetries`). */
  readonly numberOfRetries: number;
  /** `Prefix`, with `!{timestamp:...}`: the arrival hour of an object's oldest record. */
  readonly dataPrefix: string;
  /** `ErrorOutputPrefix`, with `!{firehose:error-output-type}`. */
  readonly errorPrefix: string;
  /** File extension of delivered objects, e.g. `.json.gz`. */
  readonly fileExtension: string;
}

/** Counts of one run of the path. Distinct counts are per source record, so copies count once. */
export interface ZeroBufferingStats {
  /** Handler calls, retries included. */
  invocations: number;
  /** Invocations whose every attempt failed. */
  failedInvocations: number;
  /** Copies injected by the re-delivery policy. */
  redelivered: number;
  /** Changes with at least one `Ok`. */
  delivered: number;
  /** Changes that only ever failed. */
  failed: number;
  /** Changes answered `Dropped`. */
  dropped: number;
  /** Objects written (data and error). */
  objects: number;
}

/** One read of one shard: the records it returns, and when. */
interface Read {
  readonly atMs: number;
  readonly shardId: string;
  readonly records: InFlightRecord[];
}

/**
 * Kinesis -> Firehose -> S3 with zero buffering, as the low-latency path's delivery stream runs it: Firehose reads
 * each shard once per `readIntervalMs`, invokes the transform with what the read returned (split at the processor's
 * size, since its interval is 0), and writes each invocation's `Ok` rows at once as one object, filed under the arrival
 * hour of its oldest record (`!{timestamp:...}` in the prefix); `ProcessingFailed` records go to the error prefix in
 * Firehose's error-record format. A seeded fraction of first deliveries comes again with the shard's next read
 * (at-least-once). All time is simulated from the records' arrival times.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/buffering-hints.html
 */
export class ZeroBufferingDelivery {
  readonly stats: ZeroBufferingStats = {
    invocations: 0,
    failedInvocations: 0,
    redelivered: 0,
    delivered: 0,
    failed: 0,
    dropped: 0,
    objects: 0,
  };
  private readonly outcomes = new DeliveryOutcomes();

  /**
   * @param settings - the delivery stream's settings
   * @param handler - the transform
   * @param lake - where objects go
   * @param redelivery - the at-least-once dice
   * @param log - where the handler's log lines go. @defaultValue - nowhere
   */
  constructor(
    private readonly settings: ZeroBufferingSettings,
    private readonly handler: TransformHandler,
    private readonly lake: LakeWriter,
    private readonly redelivery: RedeliveryPolicy,
    private readonly log: LambdaLogSink = () => undefined,
  ) {}

  /**
   * Deliver every record, read by read, each re-delivered copy with its shard's next read. Records are read one
   * read interval at a time, so memory holds one interval's records, not the stream.
   *
   * @param records - Kinesis records in the order Firehose reads them (by arrival)
   * @returns the run's counts
   */
  async deliver(records: Iterable<KinesisRecord>): Promise<ZeroBufferingStats> {
    const later: Read[] = [];
    const handle = async (read: Read) => {
      const copies = await this.process(read);
      if (copies.length > 0)
        later.push({ atMs: read.atMs + this.settings.readIntervalMs, shardId: read.shardId, records: copies });
    };
    for (const read of this.readsOf(records)) {
      while (later.length > 0 && later[0]!.atMs <= read.atMs) await handle(later.shift()!);
      await handle(read);
    }
    while (later.length > 0) await handle(later.shift()!);
    Object.assign(this.stats, this.outcomes.counts());
    return this.stats;
  }

  /** Group records (by arrival) into reads: per shard, per read interval, in the order the reads happen. */
  private *readsOf(records: Iterable<KinesisRecord>): Generator<Read> {
    let interval = new Map<string, Read>();
    let intervalAtMs: number | undefined;
    const due = () => [...interval.values()].sort((a, b) => a.shardId.localeCompare(b.shardId));
    for (const source of records) {
      const atMs =
        (Math.floor(source.approximateArrivalTimestamp / this.settings.readIntervalMs) + 1) *
        this.settings.readIntervalMs;
      if (atMs !== intervalAtMs) {
        yield* due();
        interval = new Map();
        intervalAtMs = atMs;
      }
      const read = interval.get(source.shardId) ?? { atMs, shardId: source.shardId, records: [] };
      read.records.push({ source, copy: 0 });
      interval.set(source.shardId, read);
    }
    yield* due();
  }

  /** One read: invocations of at most the processor's size; returns the copies to re-deliver. */
  private async process(read: Read): Promise<InFlightRecord[]> {
    const copies: InFlightRecord[] = [];
    let batch: InFlightRecord[] = [];
    let bytes = 0;
    const flush = async () => {
      if (batch.length > 0) copies.push(...(await this.invoke(batch, read.atMs)));
      batch = [];
      bytes = 0;
    };
    for (const record of read.records) {
      if (batch.length > 0 && bytes + record.source.data.byteLength > this.settings.processorSizeBytes) await flush();
      batch.push(record);
      bytes += record.source.data.byteLength;
    }
    await flush();
    return copies;
  }

  private async invoke(batch: readonly InFlightRecord[], nowMs: number): Promise<InFlightRecord[]> {
    const event = buildFirehoseEvent(batch, this.settings, deterministicUuid('recent', this.stats.invocations));
    let answers: FirehoseTransformationResultRecord[] | undefined;
    let failure = { errorCode: '', errorMessage: '', attempts: 0 };
    while (answers === undefined && failure.attempts <= this.settings.numberOfRetries) {
      failure = { ...failure, attempts: failure.attempts + 1 };
      this.stats.invocations += 1;
      const invocation = await invokeTransform(this.handler, event);
      this.log(invocation.logLines);
      const invalid = invocation.ok ? validateResponse(event, invocation.result) : undefined;
      if (invocation.ok && invalid === undefined) answers = invocation.result.records;
      else if (invocation.ok)
        failure = {
          ...failure,
          errorCode: invalid ?? '',
          errorMessage: 'The response does not answer each recordId exactly once.',
        };
      else failure = { ...failure, errorCode: 'Lambda.FunctionError', errorMessage: invocation.error.message };
    }
    if (answers === undefined) this.stats.failedInvocations += 1;
    const byId = new Map(answers?.map((answer) => [answer.recordId, answer]));
    const rows: { bytes: Buffer; arrivalMs: number }[] = [];
    const errors: { bytes: Buffer; arrivalMs: number }[] = [];
    for (const record of batch) {
      const answer = byId.get(recordIdOf(record));
      const result = answer?.result ?? 'InvocationFailed';
      this.outcomes.record(record.source.sequenceNumber, result);
      const arrivalMs = record.source.approximateArrivalTimestamp;
      if (answer?.result === 'Ok') rows.push({ bytes: Buffer.from(answer.data ?? '', 'base64'), arrivalMs });
      else if (answer?.result !== 'Dropped') {
        const { errorCode, errorMessage } = answer ? PROCESSING_FAILED_STATUS : failure;
        const line = formatErrorRecord({
          attemptsMade: answer ? 1 : failure.attempts,
          arrivalTimestamp: arrivalMs,
          errorCode,
          errorMessage,
          attemptEndingTimestamp: nowMs,
          rawData: record.source.data.toString('base64'),
          lambdaArn: this.settings.lambdaArn,
        });
        errors.push({ bytes: Buffer.from(line, 'utf8'), arrivalMs });
      }
    }
    this.write(this.settings.dataPrefix, rows);
    this.write(this.settings.errorPrefix, errors, 'processing-failed');
    const copies: InFlightRecord[] = [];
    for (const { source, copy } of batch) {
      if (copy === 0 && this.redelivery.random() < this.redelivery.fraction) {
        this.stats.redelivered += 1;
        copies.push({ source, copy: 1 });
      } else this.outcomes.settle(source.sequenceNumber);
    }
    return copies;
  }

  /** One object for an invocation's chunks, filed and named after its oldest record's arrival. */
  private write(
    template: string,
    chunks: readonly { bytes: Buffer; arrivalMs: number }[],
    errorOutputType?: string,
  ): void {
    if (chunks.length === 0) return;
    const oldest = Math.min(...chunks.map((chunk) => chunk.arrivalMs));
    const prefix = evaluatePrefix(template, { timestampMs: oldest, ...(errorOutputType && { errorOutputType }) });
    const uuid = deterministicUuid(this.settings.deliveryStreamName, prefix, this.stats.objects);
    this.lake.write(
      prefix + objectFileName(this.settings.deliveryStreamName, oldest, uuid, this.settings.fileExtension),
      chunks.map((chunk) => chunk.bytes),
    );
    this.stats.objects += 1;
  }
}
