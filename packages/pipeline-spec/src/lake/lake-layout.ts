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
