import { decimal, flag, integer } from './setting-kinds';

/**
 * The transform Lambda, the delivery stream into `sales/` (Amazon Data Firehose with dynamic partitioning) and the
 * low-latency path, rows of the registry ({@link SETTINGS}).
 *
 * - `lambdaMemoryMiB`: a 3 MB batch peaked at 90 MB RSS (docs/infrastructure.md), so 256 leaves 2.8x headroom.
 * - `lambdaTimeoutSeconds`: Firehose stops waiting for the function after 5 minutes.
 * - `lambdaBufferSizeMB`: at most 3 MB in, so the Lambda's response stays under 6 MB.
 * - `bufferIntervalSeconds`: at least 60, "Zero buffering feature is not available for dynamic partitioning"
 *   (intervals below 60 s are the zero-buffering feature); objects can arrive 1.5x this late.
 * - `bufferSizeMiB`: at least 64 with dynamic partitioning.
 * - `recentPathEnabled`: on by default; the path's cost follows traffic, with no hourly fee (docs/infrastructure.md,
 *   "The low-latency path").
 * - `recentExpirationDays`: at least 1 day (S3's shortest expiration), at most 30: the path is for the last hours.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
 * @see https://docs.aws.amazon.com/firehose/latest/dev/buffering.html
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 * @example
 * ```ts
 * DELIVERY_SETTINGS.bufferIntervalSeconds.min; //=> 60
 * ```
 */
export const DELIVERY_SETTINGS = {
  lambdaMemoryMiB: integer({
    variable: 'LAMBDA_MEMORY_MB',
    doc: 'Transform Lambda memory.',
    default: 256,
    min: 256,
    max: 10240,
    unit: 'MB',
  }),
  lambdaTimeoutSeconds: integer({
    variable: 'LAMBDA_TIMEOUT_SECONDS',
    doc: 'Transform Lambda timeout.',
    default: 120,
    min: 60,
    max: 300,
    unit: 's',
  }),
  lambdaBufferSizeMB: decimal({
    variable: 'LAMBDA_BUFFER_SIZE_MB',
    doc: 'Data Firehose buffers per Lambda invocation.',
    default: 3,
    min: 0.2,
    max: 3,
    unit: 'MB',
  }),
  lambdaBufferIntervalSeconds: integer({
    variable: 'LAMBDA_BUFFER_INTERVAL_SECONDS',
    doc: 'Longest Firehose buffers before invoking the Lambda.',
    default: 5,
    min: 0,
    max: 900,
    unit: 's',
  }),
  bufferIntervalSeconds: integer({
    variable: 'FIREHOSE_BUFFER_INTERVAL_SECONDS',
    doc: 'Longest Firehose buffers a partition before writing an object (dynamic partitioning has no zero buffering).',
    default: 60,
    min: 60,
    max: 900,
    unit: 's',
  }),
  bufferSizeMiB: integer({
    variable: 'FIREHOSE_BUFFER_SIZE_MIB',
    doc: 'Object size that makes Firehose write before the interval.',
    default: 64,
    min: 64,
    max: 128,
    unit: 'MiB',
  }),
  recentPathEnabled: flag({
    variable: 'RECENT_PATH',
    doc: 'Build the low-latency path.',
    default: true,
    note: "build a second delivery stream with zero buffering into `recent/`, `order_changes_recent`, `orders_live`, their alarm, and set the pipe's batching window to 0",
  }),
  recentExpirationDays: integer({
    variable: 'RECENT_EXPIRATION_DAYS',
    doc: 'Age at which objects under `recent/` expire; `order_changes_recent` projects hours back to it.',
    default: 3,
    min: 1,
    max: 30,
    unit: 'days',
  }),
} as const;
