import { ConfigError } from './config-error';
import { CONFIG_VARIABLES, type KINESIS_STREAM_MODES } from './config-variables';

/**
 * The pipeline's configuration: the only place where settings have a type and a default.
 *
 * `main.ts` calls {@link loadConfig} once per environment with `process.env`; every setting can be
 * overridden without editing code through a `SALES_*` environment variable (see `config-variables.ts`
 * and docs/infrastructure.md, "Configuration reference").
 */

/** Environments that get a stack. */
export const ENVIRONMENT_NAMES = ['dev', 'prod'] as const;
/** One of {@link ENVIRONMENT_NAMES}. */
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];
/** One of the Kinesis Data Streams capacity modes (`KINESIS_STREAM_MODES` in `config-variables.ts`). */
export type KinesisStreamMode = (typeof KINESIS_STREAM_MODES)[number];

/** Where Terraform keeps the state of a stack. */
export type StateBackendConfig =
  | { readonly type: 'local' }
  | { readonly type: 's3'; readonly bucket: string; readonly region: string };

/** Every setting of one environment's stack. */
export interface PipelineConfig {
  /** Environment this configuration is for; part of every physical name. */
  readonly environment: EnvironmentName;
  /** Prefix of every physical name (`<prefix>-<environment>-...`). Lower-case letters, digits, `-`; 2–16 characters. @defaultValue 'sales' */
  readonly namePrefix: string;
  /** AWS region of the stack. @defaultValue 'eu-west-1' */
  readonly region: string;
  /** Tags on every resource (provider `default_tags`), merged over `project` and `environment`. @defaultValue - `{ project: 'sales-pipeline', environment: <environment> }` */
  readonly tags: Readonly<Record<string, string>>;
  /** Protect the table from deletion (DynamoDB deletion protection). @defaultValue false in dev, true in prod */
  readonly deletionProtection: boolean;
  /** Kinesis capacity mode. @defaultValue 'ON_DEMAND' */
  readonly kinesisStreamMode: KinesisStreamMode;
  /** Shards when {@link kinesisStreamMode} is `PROVISIONED` (ignored on demand). Minimum 1, maximum 4096. @defaultValue 1 */
  readonly kinesisShardCount: number;
  /** Kinesis retention in hours. Minimum 24, maximum 8760. @defaultValue 24 */
  readonly kinesisRetentionHours: number;
  /** Records per pipe batch. Minimum 1, maximum 500 (the Kinesis PutRecords limit). @defaultValue 100 */
  readonly pipeBatchSize: number;
  /** Longest the pipe waits to fill a batch, in seconds. Minimum 0, maximum 300. @defaultValue 1 */
  readonly pipeBatchingWindowSeconds: number;
  /** Retries of a failed pipe batch before it goes to the dead-letter queue. Minimum 0, maximum 10000. @defaultValue 10 */
  readonly pipeMaximumRetryAttempts: number;
  /** Oldest record the pipe still delivers, in seconds; below the stream's 24 h retention. Minimum 60, maximum 86399. @defaultValue 21600 */
  readonly pipeMaximumRecordAgeSeconds: number;
  /** Transform Lambda memory in MB. A 3 MB batch peaked at 90 MB RSS (docs/infrastructure.md), so 256 leaves 2.8x headroom. Minimum 256, maximum 10240. @defaultValue 256 */
  readonly lambdaMemoryMiB: number;
  /** Transform Lambda timeout in seconds (Firehose stops waiting after 5 minutes). Minimum 60, maximum 300. @defaultValue 120 */
  readonly lambdaTimeoutSeconds: number;
  /** Data Firehose buffers per Lambda invocation, in MB. Minimum 0.2, maximum 3. @defaultValue 3 */
  readonly lambdaBufferSizeMB: number;
  /** Longest Firehose buffers before invoking the Lambda, in seconds. Minimum 0, maximum 900. @defaultValue 5 */
  readonly lambdaBufferIntervalSeconds: number;
  /** Longest Firehose buffers a partition before writing an object, in seconds. Minimum 60 (dynamic partitioning has no zero buffering, https://docs.aws.amazon.com/firehose/latest/dev/buffering.html), maximum 900. @defaultValue 60 */
  readonly bufferIntervalSeconds: number;
  /** Object size that makes Firehose write before the interval, in MiB. Minimum 64 (dynamic partitioning), maximum 128. @defaultValue 64 */
  readonly bufferSizeMiB: number;
  /** Retention of every log group, in days; one of CloudWatch's allowed values. @defaultValue 14 in dev, 90 in prod */
  readonly logRetentionDays: number;
  /** Age at which error records expire, in days. Minimum 1, maximum 3650. @defaultValue 30 */
  readonly errorExpirationDays: number;
  /** Age at which noncurrent object versions expire, in days. Minimum 1, maximum 3650. @defaultValue 30 */
  readonly noncurrentVersionExpirationDays: number;
  /** Age at which Athena query results expire, in days. Minimum 1, maximum 3650. @defaultValue 7 */
  readonly athenaResultsExpirationDays: number;
  /** When the crawler looks for new columns (Glue cron expression, UTC). Queries never wait for it. @defaultValue 'cron(0 3 * * ? *)' (daily, 03:00 UTC) */
  readonly crawlerSchedule: string;
  /** First year partition projection enumerates (up to the current year). Minimum 2000, maximum 2100. @defaultValue 2025 */
  readonly projectionStartYear: number;
  /** Athena cancels a query after scanning this many bytes. Minimum 10485760 (10 MB). @defaultValue 10737418240 (10 GiB) */
  readonly athenaBytesScannedCutoff: number;
  /** E-mail address subscribed to the alarm topic. @defaultValue - no subscription; subscribe later */
  readonly alarmEmail?: string;
  /** Terraform state backend. @defaultValue - local state in `terraform.<stack>.tfstate` at the repository root */
  readonly stateBackend: StateBackendConfig;
}

/** Defaults shared by every environment (`environment` and `tags` are filled in by {@link loadConfig}). */
export const DEFAULTS: Omit<PipelineConfig, 'environment' | 'tags'> = {
  namePrefix: 'sales',
  region: 'eu-west-1',
  deletionProtection: false,
  kinesisStreamMode: 'ON_DEMAND',
  kinesisShardCount: 1,
  kinesisRetentionHours: 24,
  pipeBatchSize: 100,
  pipeBatchingWindowSeconds: 1,
  pipeMaximumRetryAttempts: 10,
  pipeMaximumRecordAgeSeconds: 21600,
  lambdaMemoryMiB: 256,
  lambdaTimeoutSeconds: 120,
  lambdaBufferSizeMB: 3,
  lambdaBufferIntervalSeconds: 5,
  bufferIntervalSeconds: 60,
  bufferSizeMiB: 64,
  logRetentionDays: 14,
  errorExpirationDays: 30,
  noncurrentVersionExpirationDays: 30,
  athenaResultsExpirationDays: 7,
  crawlerSchedule: 'cron(0 3 * * ? *)',
  projectionStartYear: 2025,
  athenaBytesScannedCutoff: 10 * 1024 ** 3,
  stateBackend: { type: 'local' },
};

/** What each environment changes from {@link DEFAULTS}. */
export const ENVIRONMENTS: Readonly<Record<EnvironmentName, Partial<Omit<PipelineConfig, 'environment'>>>> = {
  dev: {},
  prod: { deletionProtection: true, logRetentionDays: 90 },
};

/**
 * Build one environment's configuration from {@link DEFAULTS}, {@link ENVIRONMENTS} and `SALES_*` variables.
 *
 * A variable `SALES_<SETTING>` applies to every environment; `SALES_<ENV>_<SETTING>` (e.g.
 * `SALES_PROD_LOG_RETENTION_DAYS`) to one environment and wins over the former. Empty values are ignored.
 * Pure: reads only its arguments.
 *
 * @param environment - `dev` or `prod`
 * @param vars - the variables to read; pass `process.env` at the call site
 * @returns the complete, validated configuration
 * @throws ConfigError naming the variable, the value received and what is allowed
 * @example
 * ```ts
 * loadConfig('prod', { SALES_KINESIS_MODE: 'PROVISIONED', SALES_KINESIS_SHARDS: '2' }).kinesisShardCount; //=> 2
 * loadConfig('dev', { SALES_KINESIS_MODE: 'fast' });
 * // throws ConfigError: SALES_KINESIS_MODE must be ON_DEMAND or PROVISIONED, received "fast"
 * ```
 */
export function loadConfig(environment: string, vars: Readonly<Record<string, string | undefined>>): PipelineConfig {
  const env = ENVIRONMENT_NAMES.find((name) => name === environment);
  if (env === undefined) throw new ConfigError('environment', environment, ENVIRONMENT_NAMES.join(' or '));
  const settings: Record<string, unknown> = { ...DEFAULTS, ...ENVIRONMENTS[env] };
  let tags: Record<string, string> = { project: 'sales-pipeline', environment: env };
  let stateBucket: string | undefined;
  let stateRegion: string | undefined;
  for (const variable of CONFIG_VARIABLES) {
    const scoped = `SALES_${env.toUpperCase()}_${variable.name}`;
    const name = nonEmpty(vars[scoped]) !== undefined ? scoped : `SALES_${variable.name}`;
    const raw = nonEmpty(vars[name]);
    if (raw === undefined) continue;
    const value = variable.parse(name, raw);
    if (variable.setting === 'tags') tags = { ...tags, ...(value as Record<string, string>) };
    else if (variable.setting === 'stateBucket') stateBucket = value as string;
    else if (variable.setting === 'stateRegion') stateRegion = value as string;
    else settings[variable.setting] = value;
  }
  const region = settings['region'] as string;
  const stateBackend: StateBackendConfig =
    stateBucket === undefined ? { type: 'local' } : { type: 's3', bucket: stateBucket, region: stateRegion ?? region };
  return { ...(settings as Omit<PipelineConfig, 'environment' | 'tags'>), environment: env, tags, stateBackend };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
