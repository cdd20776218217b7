import { reservedBucketPrefixOf } from './apply-time-rules';
import { ConfigError } from './config-error';
import { parseBoolean, parseChoice, parseDecimal, parseInteger, parsePattern, parseTags } from './config-parse';

/**
 * The `SALES_*` environment variables that override configuration, one row per setting.
 * docs/infrastructure.md ("Configuration reference") lists the same rows.
 */

/** CloudWatch Logs' allowed retention periods, in days (0, never expire, is not offered). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Kinesis Data Streams capacity modes. */
export const KINESIS_STREAM_MODES = ['ON_DEMAND', 'PROVISIONED'] as const;

/** One overridable setting: the variable's name without `SALES_`, the setting it sets and its parser. */
export interface ConfigVariable {
  /** Variable name after `SALES_` (or after `SALES_<ENV>_`). */
  readonly name: string;
  /** Key of `PipelineConfig` it sets, or `stateBucket`/`stateRegion` for the S3 backend. */
  readonly setting: string;
  /** Parses the raw text; throws `ConfigError` naming `variable`. */
  readonly parse: (variable: string, raw: string) => unknown;
}

const int = (min: number, max: number) => (variable: string, raw: string) => parseInteger(variable, raw, min, max);
const NAME_PREFIX = /^[a-z][a-z0-9-]{1,15}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CRON = /^cron\(\S+( \S+){5}\)$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** A name prefix: the pattern, and no bucket name starting with a prefix S3 reserves (`xn--`, `sthree-`, ...). */
function parseNamePrefix(variable: string, raw: string): string {
  const allowed = '2-16 lower-case letters, digits or "-", starting with a letter';
  const value = parsePattern(variable, raw, NAME_PREFIX, allowed);
  const reserved = reservedBucketPrefixOf(value);
  if (reserved !== undefined) throw new ConfigError(variable, raw, `${allowed}, whose bucket names do not start with S3's reserved "${reserved}"`);
  return value;
}

/** Every overridable setting. Order is the order of the documentation table. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'NAME_PREFIX', setting: 'namePrefix', parse: parseNamePrefix },
  { name: 'REGION', setting: 'region', parse: (v, raw) => parsePattern(v, raw, REGION, 'an AWS region such as eu-west-1') },
  { name: 'TAGS', setting: 'tags', parse: parseTags },
  { name: 'DELETION_PROTECTION', setting: 'deletionProtection', parse: parseBoolean },
  { name: 'KINESIS_MODE', setting: 'kinesisStreamMode', parse: (v, raw) => parseChoice(v, raw, KINESIS_STREAM_MODES) },
  { name: 'KINESIS_SHARDS', setting: 'kinesisShardCount', parse: int(1, 4096) },
  { name: 'KINESIS_RETENTION_HOURS', setting: 'kinesisRetentionHours', parse: int(24, 8760) },
  { name: 'PIPE_BATCH_SIZE', setting: 'pipeBatchSize', parse: int(1, 500) },
  { name: 'PIPE_BATCHING_WINDOW_SECONDS', setting: 'pipeBatchingWindowSeconds', parse: int(0, 300) },
  { name: 'PIPE_MAX_RETRIES', setting: 'pipeMaximumRetryAttempts', parse: int(0, 10000) },
  { name: 'PIPE_MAX_RECORD_AGE_SECONDS', setting: 'pipeMaximumRecordAgeSeconds', parse: int(60, 86399) },
  { name: 'LAMBDA_MEMORY_MB', setting: 'lambdaMemoryMiB', parse: int(256, 10240) },
  { name: 'LAMBDA_TIMEOUT_SECONDS', setting: 'lambdaTimeoutSeconds', parse: int(60, 300) },
  { name: 'LAMBDA_BUFFER_SIZE_MB', setting: 'lambdaBufferSizeMB', parse: (v, raw) => parseDecimal(v, raw, 0.2, 3) },
  { name: 'LAMBDA_BUFFER_INTERVAL_SECONDS', setting: 'lambdaBufferIntervalSeconds', parse: int(0, 900) },
  { name: 'FIREHOSE_BUFFER_INTERVAL_SECONDS', setting: 'bufferIntervalSeconds', parse: int(60, 900) },
  { name: 'FIREHOSE_BUFFER_SIZE_MIB', setting: 'bufferSizeMiB', parse: int(64, 128) },
  {
    name: 'LOG_RETENTION_DAYS',
    setting: 'logRetentionDays',
    parse: (v, raw) => Number(parseChoice(v, raw, LOG_RETENTION_DAYS.map(String))),
  },
  { name: 'ERROR_EXPIRATION_DAYS', setting: 'errorExpirationDays', parse: int(1, 3650) },
  { name: 'NONCURRENT_EXPIRATION_DAYS', setting: 'noncurrentVersionExpirationDays', parse: int(1, 3650) },
  { name: 'ATHENA_RESULTS_EXPIRATION_DAYS', setting: 'athenaResultsExpirationDays', parse: int(1, 3650) },
  { name: 'CRAWLER_SCHEDULE', setting: 'crawlerSchedule', parse: (v, raw) => parsePattern(v, raw, CRON, 'a Glue cron expression with six fields, e.g. "cron(0 */6 * * ? *)"') },
  { name: 'PROJECTION_START_YEAR', setting: 'projectionStartYear', parse: int(2000, 2100) },
  { name: 'ATHENA_BYTES_SCANNED_CUTOFF', setting: 'athenaBytesScannedCutoff', parse: int(10485760, Number.MAX_SAFE_INTEGER) },
  { name: 'ALARM_EMAIL', setting: 'alarmEmail', parse: (v, raw) => parsePattern(v, raw, EMAIL, 'an e-mail address such as ops@example.com') },
  { name: 'STATE_BUCKET', setting: 'stateBucket', parse: (v, raw) => parsePattern(v, raw, BUCKET, 'an S3 bucket name (3-63 lower-case letters, digits, "." or "-")') },
  { name: 'STATE_REGION', setting: 'stateRegion', parse: (v, raw) => parsePattern(v, raw, REGION, 'an AWS region such as eu-west-1') },
];
