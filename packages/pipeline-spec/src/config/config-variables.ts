import { ATHENA_DEFAULTS } from '../defaults/athena-defaults';
import { CURRENT_STATE_DEFAULTS } from '../defaults/current-state-defaults';
import { FIREHOSE_DEFAULTS } from '../defaults/firehose-defaults';
import { GLUE_DEFAULTS } from '../defaults/glue-defaults';
import { KINESIS_DEFAULTS } from '../defaults/kinesis-defaults';
import { LAMBDA_DEFAULTS } from '../defaults/lambda-defaults';
import { LOGS_DEFAULTS } from '../defaults/logs-defaults';
import { PIPES_DEFAULTS } from '../defaults/pipes-defaults';
import { RECENT_PATH_DEFAULTS } from '../defaults/recent-path-defaults';
import { S3_DEFAULTS } from '../defaults/s3-defaults';
import type { NumberSetting } from '../types';
import type { PipelineConfig } from './config';
import { reservedBucketPrefixOf } from '../defaults/bucket-name-rules';
import { ConfigError } from './config-error';
import { parseBoolean, parseChoice, parseDecimal, parseInteger, parsePattern, parseTags } from './config-parse';
import { STATE_BACKEND_TYPES, type StateBackendType } from './state-backend';

/**
 * The `SALES_*` environment variables that override configuration, one row per setting.
 * Defaults and limits come from the `*-defaults.ts` tables; docs/infrastructure.md ("Configuration
 * reference") lists the same rows, checked by `__tests__/docs.test.ts`.
 */

/** The settings a `SALES_*` variable can set: every configuration field, with the state backend's three parts. */
export type OverridableSettings = Omit<PipelineConfig, 'environment' | 'stateBackend'> & {
  /** `stateBackend.type`, chosen explicitly; `local` is how a CI synth keeps local state on purpose. */
  readonly stateBackendType: StateBackendType;
  /** `stateBackend.bucket`: setting it selects the S3 backend. */
  readonly stateBucket: string;
  /** `stateBackend.region`. */
  readonly stateRegion: string;
};

/** Name of an overridable setting; a misspelt name does not compile. */
export type SettingName = keyof OverridableSettings;

/**
 * One overridable setting: the variable's name without `SALES_`, the setting it sets, its parser and,
 * for a number, the `*-defaults.ts` row that holds its default and limits.
 */
export type ConfigVariable = {
  [K in SettingName]-?: {
    /** Variable name after `SALES_` (or after `SALES_<ENV>_`). */
    readonly name: string;
    /** Key of `PipelineConfig` it sets, or `stateBackendType`/`stateBucket`/`stateRegion` for the state backend. */
    readonly setting: K;
    /** Parses the raw text; throws `ConfigError` naming `variable`. */
    readonly parse: (variable: string, raw: string) => OverridableSettings[K];
    /** Default and limits of a numeric setting, as the parser checks them. */
    readonly limits?: NumberSetting;
  };
}[SettingName];

/** Parse a whole number within a table row's limits. */
const int = (limits: NumberSetting) => ({
  limits,
  parse: (variable: string, raw: string) => parseInteger(variable, raw, limits.min, limits.max),
});
/** Parse a decimal number within a table row's limits. */
const decimal = (limits: NumberSetting) => ({
  limits,
  parse: (variable: string, raw: string) => parseDecimal(variable, raw, limits.min, limits.max),
});
const NAME_PREFIX = /^[a-z][a-z0-9-]{1,15}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CRON = /^cron\(\S+( \S+){5}\)$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/**
 * A GitHub repository, `<owner>/<repo>`: an owner of letters, digits and `-`, a name of letters, digits, `.`, `_`
 * and `-`. No wildcard can match, so a trust policy built from it names exactly one repository.
 *
 * @example
 * ```ts
 * GITHUB_REPOSITORY_PATTERN.test('acme/sales-pipeline'); //=> true
 * GITHUB_REPOSITORY_PATTERN.test('acme/*'); //=> false
 * ```
 */
export const GITHUB_REPOSITORY_PATTERN = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** A name prefix: the pattern, and no bucket name starting with a prefix S3 reserves (`xn--`, `sthree-`, ...). */
function parseNamePrefix(variable: string, raw: string): string {
  const allowed = '2-16 lower-case letters, digits or "-", starting with a letter';
  const value = parsePattern(variable, raw, NAME_PREFIX, allowed);
  const reserved = reservedBucketPrefixOf(value);
  if (reserved !== undefined)
    throw new ConfigError(
      variable,
      raw,
      `${allowed}, whose bucket names do not start with S3's reserved "${reserved}"`,
    );
  return value;
}

/** Every overridable setting. Order is the order of the documentation table. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'NAME_PREFIX', setting: 'namePrefix', parse: parseNamePrefix },
  {
    name: 'REGION',
    setting: 'region',
    parse: (v, raw) => parsePattern(v, raw, REGION, 'an AWS region such as eu-west-1'),
  },
  { name: 'TAGS', setting: 'tags', parse: parseTags },
  { name: 'DELETION_PROTECTION', setting: 'deletionProtection', parse: parseBoolean },
  {
    name: 'KINESIS_MODE',
    setting: 'kinesisStreamMode',
    parse: (v, raw) => parseChoice(v, raw, KINESIS_DEFAULTS.streamMode.choices),
  },
  { name: 'KINESIS_SHARDS', setting: 'kinesisShardCount', ...int(KINESIS_DEFAULTS.shardCount) },
  { name: 'KINESIS_RETENTION_HOURS', setting: 'kinesisRetentionHours', ...int(KINESIS_DEFAULTS.retentionHours) },
  { name: 'PIPE_BATCH_SIZE', setting: 'pipeBatchSize', ...int(PIPES_DEFAULTS.batchSize) },
  {
    name: 'PIPE_BATCHING_WINDOW_SECONDS',
    setting: 'pipeBatchingWindowSeconds',
    ...int(PIPES_DEFAULTS.batchingWindowSeconds),
  },
  { name: 'PIPE_MAX_RETRIES', setting: 'pipeMaximumRetryAttempts', ...int(PIPES_DEFAULTS.maximumRetryAttempts) },
  {
    name: 'PIPE_MAX_RECORD_AGE_SECONDS',
    setting: 'pipeMaximumRecordAgeSeconds',
    ...int(PIPES_DEFAULTS.maximumRecordAgeSeconds),
  },
  { name: 'LAMBDA_MEMORY_MB', setting: 'lambdaMemoryMiB', ...int(LAMBDA_DEFAULTS.memoryMiB) },
  { name: 'LAMBDA_TIMEOUT_SECONDS', setting: 'lambdaTimeoutSeconds', ...int(LAMBDA_DEFAULTS.timeoutSeconds) },
  { name: 'LAMBDA_BUFFER_SIZE_MB', setting: 'lambdaBufferSizeMB', ...decimal(FIREHOSE_DEFAULTS.lambdaBufferSizeMB) },
  {
    name: 'LAMBDA_BUFFER_INTERVAL_SECONDS',
    setting: 'lambdaBufferIntervalSeconds',
    ...int(FIREHOSE_DEFAULTS.lambdaBufferIntervalSeconds),
  },
  {
    name: 'FIREHOSE_BUFFER_INTERVAL_SECONDS',
    setting: 'bufferIntervalSeconds',
    ...int(FIREHOSE_DEFAULTS.bufferIntervalSeconds),
  },
  { name: 'FIREHOSE_BUFFER_SIZE_MIB', setting: 'bufferSizeMiB', ...int(FIREHOSE_DEFAULTS.bufferSizeMiB) },
  { name: 'RECENT_PATH', setting: 'recentPathEnabled', parse: parseBoolean },
  {
    name: 'RECENT_EXPIRATION_DAYS',
    setting: 'recentExpirationDays',
    ...int(RECENT_PATH_DEFAULTS.expirationDays),
  },
  {
    name: 'LOG_RETENTION_DAYS',
    setting: 'logRetentionDays',
    parse: (v, raw) => Number(parseChoice(v, raw, LOGS_DEFAULTS.retentionDays.choices.map(String))),
  },
  { name: 'ERROR_EXPIRATION_DAYS', setting: 'errorExpirationDays', ...int(S3_DEFAULTS.errorExpirationDays) },
  { name: 'EXPORT_EXPIRATION_DAYS', setting: 'exportExpirationDays', ...int(S3_DEFAULTS.exportExpirationDays) },
  {
    name: 'NONCURRENT_EXPIRATION_DAYS',
    setting: 'noncurrentVersionExpirationDays',
    ...int(S3_DEFAULTS.noncurrentVersionExpirationDays),
  },
  {
    name: 'ATHENA_RESULTS_EXPIRATION_DAYS',
    setting: 'athenaResultsExpirationDays',
    ...int(S3_DEFAULTS.athenaResultsExpirationDays),
  },
  {
    name: 'CRAWLER_SCHEDULE',
    setting: 'crawlerSchedule',
    parse: (v, raw) => parsePattern(v, raw, CRON, 'a Glue cron expression with six fields, e.g. "cron(0 */6 * * ? *)"'),
  },
  { name: 'PROJECTION_START_YEAR', setting: 'projectionStartYear', ...int(GLUE_DEFAULTS.projectionStartYear) },
  {
    name: 'ATHENA_BYTES_SCANNED_CUTOFF',
    setting: 'athenaBytesScannedCutoff',
    ...int(ATHENA_DEFAULTS.bytesScannedCutoffPerQuery),
  },
  {
    name: 'MERGE_INTERVAL_MINUTES',
    setting: 'mergeIntervalMinutes',
    ...int(CURRENT_STATE_DEFAULTS.mergeIntervalMinutes),
  },
  { name: 'MERGE_LATENESS_SECONDS', setting: 'mergeLatenessSeconds', ...int(CURRENT_STATE_DEFAULTS.latenessSeconds) },
  {
    name: 'MERGE_STALE_AFTER_INTERVALS',
    setting: 'mergeStaleAfterIntervals',
    ...int(CURRENT_STATE_DEFAULTS.staleAfterIntervals),
  },
  {
    name: 'ALARM_EMAIL',
    setting: 'alarmEmail',
    parse: (v, raw) => parsePattern(v, raw, EMAIL, 'an e-mail address such as ops@example.com'),
  },
  {
    name: 'GITHUB_REPOSITORY',
    setting: 'githubRepository',
    parse: (v, raw) => parsePattern(v, raw, GITHUB_REPOSITORY_PATTERN, '<owner>/<repo>, e.g. acme/sales-pipeline'),
  },
  {
    name: 'STATE_BACKEND',
    setting: 'stateBackendType',
    parse: (v, raw) => parseChoice(v, raw, STATE_BACKEND_TYPES),
  },
  {
    name: 'STATE_BUCKET',
    setting: 'stateBucket',
    parse: (v, raw) => parsePattern(v, raw, BUCKET, 'an S3 bucket name (3-63 lower-case letters, digits, "." or "-")'),
  },
  {
    name: 'STATE_REGION',
    setting: 'stateRegion',
    parse: (v, raw) => parsePattern(v, raw, REGION, 'an AWS region such as eu-west-1'),
  },
];
