import type { FirehoseTransformationResultRecord } from 'aws-lambda';
import { DeliveryOutcomes } from './delivery-outcomes.js';
import { formatErrorRecord, PROCESSING_FAILED_STATUS } from '@sales/pipeline-spec';
import { buildFirehoseEvent, recordIdOf, type FirehoseIdentity, type InFlightRecord } from './firehose-event.js';
import { evaluatePrefix } from '@sales/pipeline-spec';
import { invokeTransform, validateResponse } from './lambda-invoker.js';
import type { LakeWriter } from './lake-writer.js';
import type { Random } from '@sales/generator';
import { deterministicUuid } from './deterministic-uuid.js';
import { SimulatedBuffer } from './simulated-buffer.js';
import { S3Destination } from './s3-destination.js';
import type { BufferHints, KinesisRecord, ReleasedBatch, TransformHandler } from '../types.js';

/** Delivery stream settings, taken from the infrastructure's configuration. */
export interface FirehoseSettings extends FirehoseIdentity {
  /** Delivery stream name; starts every object name. */
  readonly deliveryStreamName: string;
  /** Transform function ARN with qualifier, written into error records. */
  readonly lambdaArn: string;
  /** Lambda processing buffer (`BufferSizeInMBs`, `BufferIntervalInSeconds`). */
  readonly processingBuffer: BufferHints;
  /** S3 buffering hints, applied per partition (dynamic partitioning buffers each one). */
  readonly s3Buffer: BufferHints;
  /** Invocation retries after a failed call (`NumberOfRetries`). */
  readonly numberOfRetries: number;
  /** `Prefix`, with `!{partitionKeyFromLambda:...}` expressions. */
  readonly dataPrefix: string;
  /** `ErrorOutputPrefix`, with `!{firehose:error-output-type}`. */
  readonly errorPrefix: string;
  /** File extension of delivered objects, e.g. `.json.gz`. */
  readonly fileExtension: string;
}

/** How the invocation of one batch went: attempts made, and the last failure if all failed. */
interface Attempt {
  attempts: number;
  errorCode: string;
  errorMessage: string;
  /** Simulated time of the batch's release. */
  readonly now: number;
}

/** At-least-once delivery: the fraction of records delivered a second time, and the dice. */
export interface RedeliveryPolicy {
  /** Probability that a first delivery is delivered once more, 0 to 1. */
  readonly fraction: number;
  /** Seeded dice. */
  readonly random: Random;
}

/** Counts of one delivery run. Distinct counts are per source record, so copies count once. */
export interface DeliveryStats {
  /** Handler calls, retries included. */
  invocations: number;
  /** Batches whose every attempt failed. */
  failedInvocations: number;
  /** Records sent to the handler, copies included. */
  recordsProcessed: number;
  /** Copies injected by the re-delivery policy. */
  redelivered: number;
  /** Changes with at least one `Ok`. */
  delivered: number;
  /** Changes that only ever failed. */
  failed: number;
  /** Changes answered `Dropped`. */
  dropped: number;
}

/** Where the lines the handler logs go (the function's CloudWatch log), one call per invocation. */
export type LambdaLogSink = (lines: readonly string[]) => void;

/**
 * Kinesis -> Firehose -> S3, as the delivery stream would run it: records fill the Lambda
 * processing buffer, each released batch invokes the transform (retried `numberOfRetries` times
 * when the call fails), `Ok` rows fill one S3 buffer per partition, `ProcessingFailed` records go
 * to the error prefix in Firehose's error-record format. All timing is simulated from record times.
 */
export class FirehoseEmulator {
  readonly stats: DeliveryStats = {
    invocations: 0,
    failedInvocations: 0,
    recordsProcessed: 0,
    redelivered: 0,
    delivered: 0,
    failed: 0,
    dropped: 0,
  };
  private readonly processing: SimulatedBuffer<InFlightRecord>;
  private readonly data: S3Destination;
  private readonly errors: S3Destination;
  private readonly outcomes = new DeliveryOutcomes();

  /**
   * @param settings - the delivery stream's settings
   * @param handler - the transform
   * @param lake - where objects go
   * @param redelivery - the at-least-once dice
   * @param log - where the handler's log lines go. @defaultValue - nowhere
   */
  constructor(
    private readonly settings: FirehoseSettings,
    private readonly handler: TransformHandler,
    lake: LakeWriter,
    private readonly redelivery: RedeliveryPolicy,
    private readonly log: LambdaLogSink = () => undefined,
  ) {
    this.processing = new SimulatedBuffer(settings.processingBuffer);
    this.data = new S3Destination(lake, settings.s3Buffer, settings.deliveryStreamName, settings.fileExtension);
    this.errors = new S3Destination(lake, settings.s3Buffer, settings.deliveryStreamName, settings.fileExtension);
  }

  /**
   * Deliver every record, then let simulated time run on until every buffer is empty, so every record given so far
   * is in the lake when it returns. Call it again with the next, later records (a slice of the traffic): the counts
   * cover every call so far, a change counted once however often it was delivered.
   *
   * Records are read one at a time (memory holds the buffers, not the records), and a change's outcome is kept only
   * until its re-delivered copy, if any, has been through.
   *
   * @param records - Kinesis records in the order Firehose reads them
   * @param onProgress - told how many records of this call have been read so far, after each one. @defaultValue - nothing
   * @returns the counts of every call so far
   */
  async deliver(records: Iterable<KinesisRecord>, onProgress?: (read: number) => void): Promise<DeliveryStats> {
    let read = 0;
    for (const source of records) {
      await this.processAll(
        this.processing.add({ source, copy: 0 }, source.data.byteLength, source.approximateArrivalTimestamp),
      );
      read += 1;
      onProgress?.(read);
    }
    let rest = this.processing.drain();
    while (rest.length > 0) {
      await this.processAll(rest);
      rest = this.processing.drain();
    }
    this.data.drain();
    this.errors.drain();
    Object.assign(this.stats, this.outcomes.counts());
    return this.stats;
  }

  private async processAll(batches: ReleasedBatch<InFlightRecord>[]): Promise<void> {
    for (const batch of batches) await this.process(batch);
  }

  private async process(batch: ReleasedBatch<InFlightRecord>): Promise<void> {
    const now = batch.releasedAtMs;
    this.data.tick(now);
    this.errors.tick(now);
    const invocationId = deterministicUuid('invocation', this.stats.invocations);
    const event = buildFirehoseEvent(batch.items, this.settings, invocationId);
    const attempt: Attempt = { attempts: 0, errorCode: '', errorMessage: '', now };
    let answers: FirehoseTransformationResultRecord[] | undefined;
    while (answers === undefined && attempt.attempts <= this.settings.numberOfRetries) {
      attempt.attempts += 1;
      this.stats.invocations += 1;
      const invocation = await invokeTransform(this.handler, event);
      this.log(invocation.logLines);
      const invalid = invocation.ok ? validateResponse(event, invocation.result) : undefined;
      if (invocation.ok && invalid === undefined) answers = invocation.result.records;
      else if (invocation.ok)
        Object.assign(attempt, {
          errorCode: invalid,
          errorMessage: 'The response does not answer each recordId exactly once.',
        });
      else Object.assign(attempt, { errorCode: 'Lambda.FunctionError', errorMessage: invocation.error.message });
    }
    if (answers === undefined) this.stats.failedInvocations += 1;
    const byId = new Map(answers?.map((answer) => [answer.recordId, answer]));
    for (const record of batch.items) {
      this.stats.recordsProcessed += 1;
      this.route(record, byId.get(recordIdOf(record)), attempt);
    }
    await this.redeliver(batch.items, now);
  }

  private route(
    record: InFlightRecord,
    answer: FirehoseTransformationResultRecord | undefined,
    attempt: Attempt,
  ): void {
    const { source } = record;
    this.outcomes.record(source.sequenceNumber, answer?.result ?? 'InvocationFailed');
    if (record.copy > 0) this.outcomes.settle(source.sequenceNumber);
    if (answer?.result === 'Ok') {
      const prefix = evaluatePrefix(this.settings.dataPrefix, {
        partitionKeys: answer.metadata?.partitionKeys,
        timestampMs: source.approximateArrivalTimestamp,
      });
      this.data.add(prefix, Buffer.from(answer.data ?? '', 'base64'), source.approximateArrivalTimestamp, attempt.now);
      return;
    }
    if (answer?.result === 'Dropped') return;
    const { errorCode, errorMessage } = answer ? PROCESSING_FAILED_STATUS : attempt;
    const line = formatErrorRecord({
      attemptsMade: answer ? 1 : attempt.attempts,
      arrivalTimestamp: source.approximateArrivalTimestamp,
      errorCode,
      errorMessage,
      attemptEndingTimestamp: attempt.now,
      rawData: source.data.toString('base64'),
      lambdaArn: this.settings.lambdaArn,
    });
    const prefix = evaluatePrefix(this.settings.errorPrefix, {
      timestampMs: source.approximateArrivalTimestamp,
      errorOutputType: 'processing-failed',
    });
    this.errors.add(prefix, Buffer.from(line, 'utf8'), source.approximateArrivalTimestamp, attempt.now);
  }

  /** At-least-once: a seeded fraction of first deliveries goes through the pipeline once more. */
  private async redeliver(items: readonly InFlightRecord[], now: number): Promise<void> {
    for (const { source, copy } of items) {
      if (copy > 0) continue;
      if (this.redelivery.random() >= this.redelivery.fraction) {
        this.outcomes.settle(source.sequenceNumber);
        continue;
      }
      this.stats.redelivered += 1;
      await this.processAll(this.processing.add({ source, copy: copy + 1 }, source.data.byteLength, now));
    }
  }
}
