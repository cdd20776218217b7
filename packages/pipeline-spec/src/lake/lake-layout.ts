/**
 * Where the pipeline keeps its data in the lake bucket, defined once.
 *
 * The delivery stream writes with these prefixes, the Glue table and crawler read them, and the
 * local pipeline (`packages/local`) emulates the same layout, so every consumer imports them from here.
 * Pure constants and functions: importing this file creates no resources.
 */

/** Glue/Athena table that holds one row per change. Queries refer to it unqualified. */
export const TABLE_NAME = 'order_changes';

/**
 * The file `npm run local` marks its `--out` folder with: the folder is a local lake, and a later run may replace
 * its results. `sales-lake` accepts such a folder as a lake even before it holds data.
 */
export const LOCAL_LAKE_MARKER = '.sales-local';

/** Key prefix of the change rows. The crawler and the Glue table read this prefix only. */
export const DATA_PREFIX = 'sales/';

/** Key prefix of the records Firehose could not process. Outside {@link DATA_PREFIX}, so never crawled. */
export const ERROR_PREFIX = 'errors/';

/**
 * Key prefix of DynamoDB point-in-time exports (`ExportTableToPointInTime` `S3Prefix`) that backfill and
 * reconcile read. Outside {@link DATA_PREFIX} and {@link ERROR_PREFIX}, so never crawled; it expires by lifecycle.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport_Requesting.html
 */
export const EXPORT_PREFIX = 'exports/';

/** Error records Firehose could not transform (`!{firehose:error-output-type}` = `processing-failed`); replay reads them. */
export const PROCESSING_FAILED_PREFIX = `${ERROR_PREFIX}processing-failed/`;

/**
 * Records Firehose could not route: dynamic partitioning could not evaluate the `Prefix` with the keys the transform
 * returned (`!{firehose:error-output-type}` = `partitioning-failed`); replay reads them too.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/dynamic-partitioning-error-handling.html
 */
export const PARTITIONING_FAILED_PREFIX = `${ERROR_PREFIX}partitioning-failed/`;

/** Markers replay writes for each error object it has replayed, so a second run writes nothing new. */
export const REPLAYED_PREFIX = `${ERROR_PREFIX}replayed/`;

/** Records that still fail on replay, with their reasons, where an operator can see them. */
export const REPLAY_FAILED_PREFIX = `${ERROR_PREFIX}replay-failed/`;

/**
 * Key prefix of the low-latency path: the second delivery stream writes the same rows here within seconds, in
 * arrival-time folders, without dynamic partitioning. A copy for live queries that expires after a few days
 * (`recentExpirationDays`); {@link DATA_PREFIX} stays the record. Outside it, so never crawled.
 */
export const RECENT_PREFIX = 'recent/';

/**
 * Key prefix of the records the low-latency path could not process: outside {@link ERROR_PREFIX}, which
 * `sales-lake replay` reads whole (it reports any folder it does not replay there), because these are not to be
 * replayed: the main path holds the same records. Outside {@link RECENT_PREFIX} too, so `order_changes_recent` never
 * reads them. They expire with the error records (`errorExpirationDays`).
 */
export const RECENT_ERROR_PREFIX = 'recent-errors/';

/** The low-latency path's one partition column: the UTC hour the oldest record of an object arrived in. */
export const RECENT_PARTITION_KEY = 'dt';

/**
 * Format of {@link RECENT_PARTITION_KEY} values, in Firehose's and Athena's (Java) date pattern: `2026-01-15-10`.
 * Zero-padded and most significant first, so comparing two values as strings compares the hours.
 */
export const RECENT_PARTITION_FORMAT = 'yyyy-MM-dd-HH';

/** Glue/Athena table over {@link RECENT_PREFIX}: the rows of the last few days, partitioned by arrival hour. */
export const RECENT_TABLE_NAME = 'order_changes_recent';

/** Extension Firehose gives each delivered object: GZIP-compressed, newline-delimited JSON. Lower case, as Athena requires. */
export const DATA_FILE_EXTENSION = '.json.gz';

/** Hive-style partition columns, outermost first. Values are zero-padded UTC strings of `cdc_event_time`. */
export const PARTITION_KEYS = ['year', 'month', 'day', 'hour'] as const;

/** One of {@link PARTITION_KEYS}. */
export type PartitionKey = (typeof PARTITION_KEYS)[number];

/**
 * Firehose `Prefix` for the change rows: Hive-style folders named after the keys the transform Lambda returns.
 *
 * @returns the prefix with `!{partitionKeyFromLambda:...}` expressions
 * @see https://docs.aws.amazon.com/firehose/latest/dev/dynamic-partitioning.html
 * @example
 * ```ts
 * firehoseDataPrefix();
 * //=> 'sales/year=!{partitionKeyFromLambda:year}/month=!{partitionKeyFromLambda:month}/day=!{partitionKeyFromLambda:day}/hour=!{partitionKeyFromLambda:hour}/'
 * ```
 */
export function firehoseDataPrefix(): string {
  return DATA_PREFIX + PARTITION_KEYS.map((key) => `${key}=!{partitionKeyFromLambda:${key}}/`).join('');
}

/**
 * Firehose `ErrorOutputPrefix`: one folder per error type (e.g. `processing-failed`), then the arrival date.
 *
 * @returns the prefix; it contains `!{firehose:error-output-type}` as the API requires
 * @see https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html
 * @example
 * ```ts
 * firehoseErrorPrefix();
 * //=> 'errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/'
 * ```
 */
export function firehoseErrorPrefix(): string {
  return `${ERROR_PREFIX}!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/`;
}

/**
 * Firehose `Prefix` of the low-latency path: one folder per UTC hour in which the oldest record of the object
 * arrived (`!{timestamp:...}`), so a folder never receives late files for an earlier hour of event time.
 *
 * @returns the prefix
 * @see https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html
 * @example
 * ```ts
 * firehoseRecentPrefix(); //=> 'recent/dt=!{timestamp:yyyy-MM-dd-HH}/'
 * ```
 */
export function firehoseRecentPrefix(): string {
  return `${RECENT_PREFIX}${RECENT_PARTITION_KEY}=!{timestamp:${RECENT_PARTITION_FORMAT}}/`;
}

/**
 * Firehose `ErrorOutputPrefix` of the low-latency path: its own prefix, one folder per error type.
 *
 * @returns the prefix; it contains `!{firehose:error-output-type}` as the API requires
 * @see https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html
 * @example
 * ```ts
 * firehoseRecentErrorPrefix(); //=> 'recent-errors/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd-HH}/'
 * ```
 */
export function firehoseRecentErrorPrefix(): string {
  return `${RECENT_ERROR_PREFIX}!{firehose:error-output-type}/${RECENT_PARTITION_KEY}=!{timestamp:${RECENT_PARTITION_FORMAT}}/`;
}

/**
 * The folder (relative to the bucket) that holds the rows of one partition.
 *
 * @param values - zero-padded partition values, e.g. `{ year: '2025', month: '01', day: '15', hour: '10' }`
 * @returns e.g. `sales/year=2025/month=01/day=15/hour=10/`
 * @example
 * ```ts
 * partitionPath({ year: '2025', month: '01', day: '15', hour: '10' }); //=> 'sales/year=2025/month=01/day=15/hour=10/'
 * ```
 */
export function partitionPath(values: Readonly<Record<PartitionKey, string>>): string {
  return DATA_PREFIX + PARTITION_KEYS.map((key) => `${key}=${values[key]}/`).join('');
}

/**
 * Athena partition-projection `storage.location.template` for the data prefix of `bucketName`.
 *
 * The `${...}` placeholders are Athena's, so they are escaped as `$${...}` for Terraform.
 *
 * @param bucketName - the lake bucket's name (may be a Terraform token)
 * @returns e.g. `s3://lake/sales/year=$${year}/month=$${month}/day=$${day}/hour=$${hour}/`
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-setting-up.html
 */
export function projectionLocationTemplate(bucketName: string): string {
  return `s3://${bucketName}/${DATA_PREFIX}${PARTITION_KEYS.map((key) => `${key}=$\${${key}}/`).join('')}`;
}
