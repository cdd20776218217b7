/**
 * redriveDeadLetters: the pipe's dead-letter queue, batch by batch: re-read from the stream, put into Kinesis,
 * delete the message only then.
 */
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { parseDeadLetterMessage, type StreamBatchInfo } from './dead-letter-message.js';
import { pipePartitionKey, toPipeRecord } from './pipe-record.js';
import { putAllRecords, type PutAllRecordsOptions } from './put-records.js';
import { readStreamBatch } from './read-stream-batch.js';

/** How long a received message stays hidden from other receivers while it is re-driven, in seconds. */
const VISIBILITY_TIMEOUT_SECONDS = 300;

/** The clients and settings of a re-drive. */
export interface RedriveOptions {
  /** The dead-letter queue's client. */
  readonly sqs: SQSClient;
  /** The dead-letter queue's URL. */
  readonly queueUrl: string;
  /** A DynamoDB Streams client for the region of a stream ARN. */
  readonly streams: (streamArn: string) => DynamoDBStreamsClient;
  /** The Kinesis client. */
  readonly kinesis: KinesisClient;
  /** The pipe's target stream. */
  readonly stream: { readonly StreamName?: string; readonly StreamARN?: string };
  /** Read and check, put nothing, delete nothing. @defaultValue false */
  readonly dryRun?: boolean;
  /** The clock, epoch ms. @defaultValue Date.now */
  readonly now?: () => number;
  /** Aborted on SIGINT/SIGTERM: the message in hand is finished, no new one is received. @defaultValue - never */
  readonly signal?: AbortSignal;
  /** Retries of PutRecords entries. @defaultValue - see {@link putAllRecords} */
  readonly put?: PutAllRecordsOptions;
}

/** A batch the stream no longer holds. */
export interface TrimmedBatch extends StreamBatchInfo {
  /** Why it is gone. */
  readonly reason: string;
}

/** A message left in the queue for another reason. */
export interface KeptMessage {
  readonly messageId: string;
  /** What went wrong. */
  readonly reason: string;
}

/** What a re-drive did (or, dry-run, would do). */
export interface DeadLetterSummary {
  readonly queueUrl: string;
  readonly dryRun: boolean;
  /** Messages received. */
  messages: number;
  /** Messages whose records were all put into Kinesis (dry-run: read back in full). */
  redriven: number;
  /** Records put into Kinesis (dry-run: read back). */
  records: number;
  /** Messages deleted. */
  deleted: number;
  /** Batches the stream has trimmed: left in the queue; the fallback is a reconcile with repair. */
  readonly trimmed: TrimmedBatch[];
  /** Messages left in the queue for other reasons (unreadable, incomplete, PutRecords kept failing). */
  readonly kept: KeptMessage[];
  /** True when a signal stopped the run. */
  interrupted: boolean;
}

/**
 * Re-drives every message of the queue, one at a time. Each message's batch is read back from the DynamoDB
 * stream, turned into the JSON the pipe writes, and put into Kinesis with the pipe's partition key; the message
 * is deleted only when every record was accepted. Trimmed batches, unreadable messages and batches Kinesis kept
 * rejecting stay in the queue: at the end of the run they are made visible again (visibility timeout 0), so the
 * alarm keeps seeing them and a dry run followed by a real run finds them. Receiving stops when the queue answers
 * with no message it has not already seen.
 *
 * @param options - Clients, queue, target stream, dry run, clock, signal.
 * @returns The summary.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-error-troubleshooting.html
 * @example
 * ```ts
 * const summary = await redriveDeadLetters({ sqs, queueUrl, streams: () => streams, kinesis, stream: { StreamName: 'sales-dev-changes' } });
 * summary.trimmed.length; //=> 0
 * ```
 */
export async function redriveDeadLetters(options: RedriveOptions): Promise<DeadLetterSummary> {
  const summary: DeadLetterSummary = {
    queueUrl: options.queueUrl,
    dryRun: options.dryRun ?? false,
    messages: 0,
    redriven: 0,
    records: 0,
    deleted: 0,
    trimmed: [],
    kept: [],
    interrupted: false,
  };
  const seen = new Set<string>();
  const undeleted: Message[] = [];
  for (;;) {
    if (options.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    const { Messages } = await options.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 2,
        VisibilityTimeout: VISIBILITY_TIMEOUT_SECONDS,
      }),
    );
    const fresh = (Messages ?? []).filter((message) => message.MessageId !== undefined && !seen.has(message.MessageId));
    if (fresh.length === 0) break;
    for (const message of fresh) {
      seen.add(message.MessageId as string);
      summary.messages += 1;
      if (!(await redriveMessage(message, options, summary))) undeleted.push(message);
    }
  }
  for (const message of undeleted) {
    await options.sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: options.queueUrl,
        ReceiptHandle: message.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
  }
  return summary;
}

/** Re-drives one message; true when it was deleted. */
async function redriveMessage(message: Message, options: RedriveOptions, summary: DeadLetterSummary): Promise<boolean> {
  const messageId = message.MessageId as string;
  const parsed = parseDeadLetterMessage(message.Body ?? '');
  if (!parsed.ok) {
    summary.kept.push({ messageId, reason: parsed.detail });
    return false;
  }
  const info = parsed.value;
  const batch = await readStreamBatch(options.streams(info.streamArn), info, (options.now ?? Date.now)());
  if (batch.kind === 'trimmed') {
    summary.trimmed.push({ ...info, reason: batch.reason });
    return false;
  }
  if (batch.kind === 'incomplete') {
    summary.kept.push({ messageId, reason: batch.reason });
    return false;
  }
  const entries = batch.records.map((record) => {
    const pipeRecord = toPipeRecord(record, info.streamArn);
    return { Data: Buffer.from(JSON.stringify(pipeRecord), 'utf8'), PartitionKey: pipePartitionKey(pipeRecord) };
  });
  if (summary.dryRun) {
    summary.redriven += 1;
    summary.records += entries.length;
    return false;
  }
  const { put, failed } = await putAllRecords(options.kinesis, options.stream, entries, options.put);
  summary.records += put;
  if (failed.length > 0) {
    const codes = [...new Set(failed.map((entry) => entry.errorCode))].join(', ');
    summary.kept.push({
      messageId,
      reason: `Kinesis rejected ${failed.length} of ${entries.length} records after every retry (${codes}); the message stays for the next run`,
    });
    return false;
  }
  summary.redriven += 1;
  await options.sqs.send(
    new DeleteMessageCommand({ QueueUrl: options.queueUrl, ReceiptHandle: message.ReceiptHandle }),
  );
  summary.deleted += 1;
  return true;
}
