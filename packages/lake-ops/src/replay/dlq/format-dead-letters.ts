/**
 * The dead-letter re-drive summary, for people (stderr) and for programs (`--json`), and the one next step when
 * the stream has trimmed a batch.
 */
import type { DeadLetterSummary } from './redrive-dead-letters.js';

const TABLE_IN_STREAM_ARN = /:table\/([^/]+)\/stream\//;

/**
 * The command that mends what a trimmed batch changed: a dead-letter message names a stream range, not keys, so
 * the whole table is compared with the lake and the drift repaired. A lake in S3 is compared in Athena, which needs
 * the stack's workgroup and Glue database (the outputs `athena_workgroup` and `glue_database`).
 *
 * @param streamArn - The trimmed batch's stream ARN (names the table).
 * @param lake - The `--lake` value, when given.
 * @returns The command line, e.g. `npm run reconcile -- --table sales-orders --lake .local --repair`.
 * @example
 * ```ts
 * reconcileCommand('arn:aws:dynamodb:eu-west-1:123456789012:table/sales-orders/stream/2025-01-15T09:30:12.345', undefined);
 * //=> 'npm run reconcile -- --table sales-orders --lake s3://<lake bucket>/ --workgroup <athena_workgroup> --database <glue_database> --repair'
 * ```
 */
export function reconcileCommand(streamArn: string, lake: string | undefined): string {
  const table = TABLE_IN_STREAM_ARN.exec(streamArn)?.[1] ?? '<table>';
  const target = lake ?? 's3://<lake bucket>/';
  const athena = target.startsWith('s3://') ? ' --workgroup <athena_workgroup> --database <glue_database>' : '';
  return `npm run reconcile -- --table ${table} --lake ${target}${athena} --repair`;
}

/**
 * The summary as the `--json` object's `dead_letters` entry (snake_case).
 *
 * @param summary - What the re-drive did.
 * @param lake - The `--lake` value, for the next step.
 * @returns A plain object for `JSON.stringify`.
 */
export function toDeadLettersJson(summary: DeadLetterSummary, lake: string | undefined): Record<string, unknown> {
  return {
    queue_url: summary.queueUrl,
    dry_run: summary.dryRun,
    messages: summary.messages,
    redriven: summary.redriven,
    records: summary.records,
    deleted: summary.deleted,
    trimmed: summary.trimmed.map((batch) => ({
      stream_arn: batch.streamArn,
      shard_id: batch.shardId,
      start_sequence_number: batch.startSequenceNumber,
      end_sequence_number: batch.endSequenceNumber,
      first_record_arrival: batch.approximateArrivalOfFirstRecord,
      last_record_arrival: batch.approximateArrivalOfLastRecord,
      batch_size: batch.batchSize,
      reason: batch.reason,
      next_step: reconcileCommand(batch.streamArn, lake),
    })),
    kept: summary.kept.map((kept) => ({ message_id: kept.messageId, reason: kept.reason })),
    interrupted: summary.interrupted,
  };
}

/**
 * The summary for stderr; for trimmed batches it says plainly that nothing was mended and prints the reconcile
 * command to run.
 *
 * @param summary - What the re-drive did.
 * @param lake - The `--lake` value, for the next step.
 * @returns Lines ending in a newline.
 * @example
 * ```ts
 * formatDeadLetters(summary, undefined);
 * //=> 'replay --dlq: 2 messages: 1 re-driven (4 records put into Kinesis, 1 deleted), 1 trimmed, 0 kept\n...'
 * ```
 */
export function formatDeadLetters(summary: DeadLetterSummary, lake: string | undefined): string {
  const put = summary.dryRun
    ? `${summary.records} records read back; dry run: nothing put, nothing deleted`
    : `${summary.records} records put into Kinesis, ${summary.deleted} deleted`;
  const lines = [
    `replay --dlq: ${summary.messages} messages: ${summary.redriven} re-driven (${put}), ${summary.trimmed.length} trimmed, ${summary.kept.length} kept`,
  ];
  for (const batch of summary.trimmed) {
    lines.push(
      `replay --dlq: NOT MENDED: ${batch.batchSize} records of ${batch.shardId} (${batch.startSequenceNumber}..${batch.endSequenceNumber}, ` +
        `${batch.approximateArrivalOfFirstRecord}..${batch.approximateArrivalOfLastRecord}) are no longer in the stream: ${batch.reason}`,
    );
  }
  if (summary.trimmed.length > 0) {
    const commands = [...new Set(summary.trimmed.map((batch) => reconcileCommand(batch.streamArn, lake)))];
    lines.push(
      'replay --dlq: a dead-letter message names a stream range, not the orders it changed, so compare the whole table with the lake and repair the drift:',
      ...commands.map((command) => `  ${command}`),
      'replay --dlq: those messages stay in the queue (the alarm stays on); delete them once reconcile reports no drift.',
    );
  }
  for (const kept of summary.kept) lines.push(`replay --dlq: kept message ${kept.messageId}: ${kept.reason}`);
  if (summary.interrupted)
    lines.push(
      'replay --dlq: interrupted; messages not deleted reappear in the queue, so running replay again continues',
    );
  return `${lines.join('\n')}\n`;
}
