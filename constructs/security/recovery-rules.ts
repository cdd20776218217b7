/**
 * Rules that keep failures recoverable: AWS accepts the settings they refuse, but then a dead-lettered
 * change could no longer be replayed. The policy aspect attaches them to the synthesized blocks.
 */
import { PIPE_RECOVERY } from '@sales/pipeline-spec';
import { block, type ResourceBlock } from './apply-time-rules';

const PIPES_ERROR_HANDLING =
  'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-error-troubleshooting.html';

/**
 * A pipe reading a DynamoDB stream leaves time to replay what it dead-letters: it has a dead-letter queue,
 * and its `maximum_record_age_in_seconds` is set (unset or -1 means "retry until the stream trims the
 * record") and leaves at least `PIPE_RECOVERY.minimumReplayHours` of the stream's 24 h retention. AWS
 * documents the rule: set MaximumRecordAgeInSeconds below the source retention "so that there's adequate
 * time between when the event gets sent to the DLQ, and when it gets automatically deleted by the source".
 *
 * @param pipe - an `aws_pipes_pipe` block
 * @returns violations; none for a pipe whose source is not a DynamoDB stream
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-error-troubleshooting.html
 * @example
 * ```ts
 * pipeRecoveryViolations({ source_parameters: { dynamodb_stream_parameters: { maximum_record_age_in_seconds: 64800, dead_letter_config: { arn: 'q' } } } });
 * //=> ['pipe maximum_record_age_in_seconds is 64800; at most 43200 leaves 12 h of the stream's 24 h retention to replay the dead-letter queue (see https://...)']
 * ```
 */
export function pipeRecoveryViolations(pipe: ResourceBlock): string[] {
  const source = block(block(pipe['source_parameters'])?.['dynamodb_stream_parameters']);
  if (source === undefined) return [];
  const { streamRetentionHours, minimumReplayHours } = PIPE_RECOVERY;
  const maximum = (streamRetentionHours - minimumReplayHours) * 3600;
  const messages: string[] = [];
  if (typeof block(source['dead_letter_config'])?.['arn'] !== 'string') {
    messages.push(
      `pipe has no dead-letter queue (dead_letter_config), so batches that fail every retry are lost (see ${PIPES_ERROR_HANDLING})`,
    );
  }
  const age = source['maximum_record_age_in_seconds'];
  if (typeof age !== 'number' || age < 0 || age > maximum) {
    messages.push(
      `pipe maximum_record_age_in_seconds is ${age === undefined ? 'unset (-1, infinite)' : String(age)}; at most ${maximum} leaves ` +
        `${minimumReplayHours} h of the stream's ${streamRetentionHours} h retention to replay the dead-letter queue (see ${PIPES_ERROR_HANDLING})`,
    );
  }
  return messages;
}
