/**
 * Kinesis Data Streams capacity modes (`SETTINGS.kinesisStreamMode` chooses one).
 *
 * @see https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html
 */
export const KINESIS_STREAM_MODES = ['ON_DEMAND', 'PROVISIONED'] as const;

/** One of {@link KINESIS_STREAM_MODES}. */
export type KinesisStreamMode = (typeof KINESIS_STREAM_MODES)[number];
