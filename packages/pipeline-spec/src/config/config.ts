import { ATHENA_DEFAULTS } from '../defaults/athena-defaults';
import { CURRENT_STATE_DEFAULTS } from '../defaults/current-state-defaults';
import { DYNAMODB_DEFAULTS } from '../defaults/dynamodb-defaults';
import { FIREHOSE_DEFAULTS } from '../defaults/firehose-defaults';
import { GLUE_DEFAULTS } from '../defaults/glue-defaults';
import { KINESIS_DEFAULTS, type KinesisStreamMode } from '../defaults/kinesis-defaults';
import { LAMBDA_DEFAULTS } from '../defaults/lambda-defaults';
import { LOGS_DEFAULTS } from '../defaults/logs-defaults';
import { PIPES_DEFAULTS } from '../defaults/pipes-defaults';
import { RECENT_PATH_DEFAULTS } from '../defaults/recent-path-defaults';
import { S3_DEFAULTS } from '../defaults/s3-defaults';
import { STACK_DEFAULTS } from '../defaults/stack-defaults';
import { ConfigError } from './config-error';
import { checkVariableNames, readVariable } from './config-names';
import { CONFIG_VARIABLES } from './config-variables';
import { mergeLatenessFloorSeconds, resolveMergeLateness } from './merge-lateness';
import { resolveStateBackend, type StateBackendConfig, type StateBackendSettings } from './state-backend';

/**
 * The pipeline's configuration: the only place where settings have a type. Each default and each
 * limit lives once, in the service's `*-defaults.ts` table under `src/defaults/`.
 *
 * `main.ts` calls {@link loadConfig} once per environment with `process.env`; every setting can be
 * overridden without editing code through a `SALES_*` environment variable (see `config-variables.ts`
 * and docs/infrastructure.md, "Configuration reference").
 */

/** Environments that get a stack. */
export const ENVIRONMENT_NAMES = ['dev', 'prod'] as const;
/** One of {@link ENVIRONMENT_NAMES}. */
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

/** Every setting of one environment's stack. */
export interface PipelineConfig {
  /** Environment this configuration is for; part of every physical name. */
  readonly environment: EnvironmentName;
  /** Prefix of every physical name (`<prefix>-<environment>-...`). Lower-case letters, digits, `-`; 2–16 characters. @defaultValue - `STACK_DEFAULTS.namePrefix` */
  readonly namePrefix: string;
  /** AWS region of the stack. @defaultValue - `STACK_DEFAULTS.region` */
  readonly region: string;
  /** Tags on every resource (provider `default_tags`), merged over `project` and `environment`. @defaultValue - `{ project: 'sales-pipeline', environment: <environment> }` */
  readonly tags: Readonly<Record<string, string>>;
  /**
   * Protect the environment's data from deletion: DynamoDB deletion protection on the table and Terraform
   * `prevent_destroy` on the KMS key and the lake bucket. When false, `cdktf destroy` removes everything, the lake's
   * objects and the Athena workgroup's queries included (`force_destroy`).
   * @defaultValue - `DYNAMODB_DEFAULTS.deletionProtection` in dev, true in prod
   */
  readonly deletionProtection: boolean;
  /** Kinesis capacity mode. @defaultValue - `KINESIS_DEFAULTS.streamMode` */
  readonly kinesisStreamMode: KinesisStreamMode;
  /** Shards when {@link kinesisStreamMode} is `PROVISIONED` (ignored on demand). @defaultValue - `KINESIS_DEFAULTS.shardCount` (with its limits) */
  readonly kinesisShardCount: number;
  /** Kinesis retention in hours. @defaultValue - `KINESIS_DEFAULTS.retentionHours` (with its limits) */
  readonly kinesisRetentionHours: number;
  /** Records per pipe batch. @defaultValue - `PIPES_DEFAULTS.batchSize` (with its limits) */
  readonly pipeBatchSize: number;
  /** Longest the pipe waits to fill a batch, in seconds. @defaultValue - `PIPES_DEFAULTS.batchingWindowSeconds` (with its limits) */
  readonly pipeBatchingWindowSeconds: number;
  /** Retries of a failed pipe batch before it goes to the dead-letter queue. @defaultValue - `PIPES_DEFAULTS.maximumRetryAttempts` (with its limits) */
  readonly pipeMaximumRetryAttempts: number;
  /** Oldest record the pipe still delivers, in seconds. @defaultValue - `PIPES_DEFAULTS.maximumRecordAgeSeconds` (with its limits) */
  readonly pipeMaximumRecordAgeSeconds: number;
  /** Transform Lambda memory in MB. @defaultValue - `LAMBDA_DEFAULTS.memoryMiB` (with its limits) */
  readonly lambdaMemoryMiB: number;
  /** Transform Lambda timeout in seconds. @defaultValue - `LAMBDA_DEFAULTS.timeoutSeconds` (with its limits) */
  readonly lambdaTimeoutSeconds: number;
  /** Data Firehose buffers per Lambda invocation, in MB. @defaultValue - `FIREHOSE_DEFAULTS.lambdaBufferSizeMB` (with its limits) */
  readonly lambdaBufferSizeMB: number;
  /** Longest Firehose buffers before invoking the Lambda, in seconds. @defaultValue - `FIREHOSE_DEFAULTS.lambdaBufferIntervalSeconds` (with its limits) */
  readonly lambdaBufferIntervalSeconds: number;
  /**
   * Longest Firehose buffers a partition before writing an object, in seconds. At least 60: dynamic partitioning
   * has no zero buffering (https://docs.aws.amazon.com/firehose/latest/dev/buffering.html).
   * @defaultValue - `FIREHOSE_DEFAULTS.bufferIntervalSeconds` (with its limits)
   */
  readonly bufferIntervalSeconds: number;
  /** Object size that makes Firehose write before the interval, in MiB. @defaultValue - `FIREHOSE_DEFAULTS.bufferSizeMiB` (with its limits) */
  readonly bufferSizeMiB: number;
  /**
   * Build the low-latency path: a second delivery stream with zero buffering into `recent/`, the
   * `order_changes_recent` table, the `orders_live` view, their alarm, and the pipe's batching window at 0.
   * @defaultValue - `RECENT_PATH_DEFAULTS.enabled`
   */
  readonly recentPathEnabled: boolean;
  /** Age at which objects under `recent/` expire, in days. @defaultValue - `RECENT_PATH_DEFAULTS.expirationDays` (with its limits) */
  readonly recentExpirationDays: number;
  /** Retention of every log group, in days; one of CloudWatch's allowed values. @defaultValue - `LOGS_DEFAULTS.retentionDays` in dev, 90 in prod */
  readonly logRetentionDays: number;
  /** Age at which error records expire, in days. @defaultValue - `S3_DEFAULTS.errorExpirationDays` (with its limits) */
  readonly errorExpirationDays: number;
  /** Age at which DynamoDB exports under `exports/` expire, in days. @defaultValue - `S3_DEFAULTS.exportExpirationDays` (with its limits) */
  readonly exportExpirationDays: number;
  /** Age at which noncurrent object versions expire, in days. @defaultValue - `S3_DEFAULTS.noncurrentVersionExpirationDays` (with its limits) */
  readonly noncurrentVersionExpirationDays: number;
  /** Age at which Athena query results expire, in days. @defaultValue - `S3_DEFAULTS.athenaResultsExpirationDays` (with its limits) */
  readonly athenaResultsExpirationDays: number;
  /** When the crawler looks for new columns (Glue cron expression, UTC). Queries never wait for it. @defaultValue - `GLUE_DEFAULTS.crawlerSchedule` */
  readonly crawlerSchedule: string;
  /** First year partition projection enumerates (up to the current year). @defaultValue - `GLUE_DEFAULTS.projectionStartYear` (with its limits) */
  readonly projectionStartYear: number;
  /** Athena cancels a query after scanning this many bytes. @defaultValue - `ATHENA_DEFAULTS.bytesScannedCutoffPerQuery` (with its limits) */
  readonly athenaBytesScannedCutoff: number;
  /** How often the scheduled merge brings `orders_current` up to date, in minutes. @defaultValue - `CURRENT_STATE_DEFAULTS.mergeIntervalMinutes` (with its limits) */
  readonly mergeIntervalMinutes: number;
  /**
   * How late a change may reach the lake after its event time and still be merged, in seconds: each incremental merge
   * reads the event-time hours from (last successful merge − lateness). Never below what the pipe still delivers
   * (`merge-lateness.ts`).
   * @defaultValue - `mergeLatenessFloorSeconds` of the pipe and Firehose settings (limits in `CURRENT_STATE_DEFAULTS.latenessSeconds`)
   */
  readonly mergeLatenessSeconds: number;
  /** `CurrentStateStale` fires after this many merge intervals without a successful merge. @defaultValue - `CURRENT_STATE_DEFAULTS.staleAfterIntervals` (with its limits) */
  readonly mergeStaleAfterIntervals: number;
  /** E-mail address subscribed to the alarm topic. @defaultValue - no subscription; subscribe later */
  readonly alarmEmail?: string;
  /**
   * The GitHub repository, `<owner>/<repo>`, whose workflows may assume the bootstrap stack's plan and deploy roles
   * (`bootstrap-config.ts`). The pipeline stacks do not read it.
   * @defaultValue - none; `npm run bootstrap:synth` requires it
   */
  readonly githubRepository?: string;
  /**
   * Terraform state backend (`state-backend.ts`). `npm run synth` refuses a local state in CI unless it was chosen
   * with `SALES_STATE_BACKEND=local` (`deploy-readiness.ts`).
   * @defaultValue - S3 when `SALES_STATE_BUCKET` is set, else local state in `terraform.<stack>.tfstate` at the repository root
   */
  readonly stateBackend: StateBackendConfig;
}

/**
 * Defaults shared by every environment, read from the service tables (`environment` and `tags` are
 * filled in by {@link loadConfig}).
 */
export const DEFAULTS: Omit<PipelineConfig, 'environment' | 'tags'> = {
  namePrefix: STACK_DEFAULTS.namePrefix,
  region: STACK_DEFAULTS.region,
  deletionProtection: DYNAMODB_DEFAULTS.deletionProtection,
  kinesisStreamMode: KINESIS_DEFAULTS.streamMode.default,
  kinesisShardCount: KINESIS_DEFAULTS.shardCount.default,
  kinesisRetentionHours: KINESIS_DEFAULTS.retentionHours.default,
  pipeBatchSize: PIPES_DEFAULTS.batchSize.default,
  pipeBatchingWindowSeconds: PIPES_DEFAULTS.batchingWindowSeconds.default,
  pipeMaximumRetryAttempts: PIPES_DEFAULTS.maximumRetryAttempts.default,
  pipeMaximumRecordAgeSeconds: PIPES_DEFAULTS.maximumRecordAgeSeconds.default,
  lambdaMemoryMiB: LAMBDA_DEFAULTS.memoryMiB.default,
  lambdaTimeoutSeconds: LAMBDA_DEFAULTS.timeoutSeconds.default,
  lambdaBufferSizeMB: FIREHOSE_DEFAULTS.lambdaBufferSizeMB.default,
  lambdaBufferIntervalSeconds: FIREHOSE_DEFAULTS.lambdaBufferIntervalSeconds.default,
  bufferIntervalSeconds: FIREHOSE_DEFAULTS.bufferIntervalSeconds.default,
  bufferSizeMiB: FIREHOSE_DEFAULTS.bufferSizeMiB.default,
  recentPathEnabled: RECENT_PATH_DEFAULTS.enabled,
  recentExpirationDays: RECENT_PATH_DEFAULTS.expirationDays.default,
  logRetentionDays: LOGS_DEFAULTS.retentionDays.default,
  errorExpirationDays: S3_DEFAULTS.errorExpirationDays.default,
  exportExpirationDays: S3_DEFAULTS.exportExpirationDays.default,
  noncurrentVersionExpirationDays: S3_DEFAULTS.noncurrentVersionExpirationDays.default,
  athenaResultsExpirationDays: S3_DEFAULTS.athenaResultsExpirationDays.default,
  crawlerSchedule: GLUE_DEFAULTS.crawlerSchedule,
  projectionStartYear: GLUE_DEFAULTS.projectionStartYear.default,
  athenaBytesScannedCutoff: ATHENA_DEFAULTS.bytesScannedCutoffPerQuery.default,
  mergeIntervalMinutes: CURRENT_STATE_DEFAULTS.mergeIntervalMinutes.default,
  mergeLatenessSeconds: mergeLatenessFloorSeconds({
    pipeMaximumRecordAgeSeconds: PIPES_DEFAULTS.maximumRecordAgeSeconds.default,
    pipeBatchingWindowSeconds: PIPES_DEFAULTS.batchingWindowSeconds.default,
    lambdaBufferIntervalSeconds: FIREHOSE_DEFAULTS.lambdaBufferIntervalSeconds.default,
    bufferIntervalSeconds: FIREHOSE_DEFAULTS.bufferIntervalSeconds.default,
  }),
  mergeStaleAfterIntervals: CURRENT_STATE_DEFAULTS.staleAfterIntervals.default,
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
 * @throws ConfigError naming the variable, the value received and what is allowed; MissingSettingError for
 *   `SALES_STATE_BACKEND=s3` without a bucket; UnknownVariableError for a
 *   `SALES_*` name the configuration does not read, with a "did you mean" suggestion
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
  checkVariableNames(vars, ENVIRONMENT_NAMES);
  const settings: Record<string, unknown> = { ...DEFAULTS, ...ENVIRONMENTS[env] };
  let tags: Record<string, string> = { project: 'sales-pipeline', environment: env };
  const state: StateBackendSettings = {};
  let lateness: { name: string; raw: string } | undefined;
  for (const variable of CONFIG_VARIABLES) {
    const found = readVariable(env, variable.name, vars);
    if (found === undefined) continue;
    const value = variable.parse(found.name, found.raw);
    if (variable.setting === 'mergeLatenessSeconds') lateness = found;
    if (variable.setting === 'tags') tags = { ...tags, ...(value as Record<string, string>) };
    else if (variable.setting === 'stateBucket' || variable.setting === 'stateRegion')
      state[variable.setting] = value as string;
    else if (variable.setting === 'stateBackendType')
      Object.assign(state, { stateBackendType: value, stateBackendVariable: found.name });
    else settings[variable.setting] = value;
  }
  const stateBackend = resolveStateBackend(state, settings['region'] as string);
  const resolved = settings as Omit<PipelineConfig, 'environment' | 'tags' | 'stateBackend'>;
  const mergeLatenessSeconds = resolveMergeLateness(resolved, lateness);
  return { ...resolved, mergeLatenessSeconds, environment: env, tags, stateBackend };
}
