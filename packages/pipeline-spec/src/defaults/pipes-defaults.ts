/**
 * How long a dead-lettered pipe batch stays replayable. DynamoDB Streams keep a record 24 hours; a batch the
 * pipe gives up on after `maximumRecordAgeSeconds` must leave `minimumReplayHours` of that retention for
 * `sales-lake replay --dlq` to re-read it from the stream (the synth refuses a larger record age).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-error-troubleshooting.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html
 * @example
 * ```ts
 * (PIPE_RECOVERY.streamRetentionHours - PIPE_RECOVERY.minimumReplayHours) * 3600; //=> 43200, the largest record age allowed
 * ```
 */
export const PIPE_RECOVERY = {
  /** DynamoDB Streams retention, fixed by AWS. */
  streamRetentionHours: 24,
  /** Hours of retention a dead-lettered batch must still have for a replay. */
  minimumReplayHours: 12,
} as const;
