import { ConfigError } from '../registry/config-error';
import { type AnySettingEntry, ENVIRONMENT_NAMES, type EnvironmentName } from '../registry/setting-entry';
import { type OverridableSettings, SETTINGS, settingNames } from '../registry/settings-registry';
import { checkVariableNames, readVariable } from './config-names';
import { CONFIG_VARIABLES } from './config-variables';
import { resolveMergeLateness } from './merge-lateness';
import { resolveStateBackend, type StateBackendConfig, type StateBackendSettings } from './state-backend';

/**
 * The pipeline's configuration, typed from the registry of settings ({@link SETTINGS}, `src/registry/`): each
 * setting's default, limits, variable and doc live there, once.
 *
 * `main.ts` calls {@link loadConfig} once per environment with `process.env`; every setting can be
 * overridden without editing code through a `SALES_*` environment variable (docs/infrastructure.md,
 * "Configuration reference", generated from the registry).
 */

/** The state backend's parts, each a variable of its own, that make `PipelineConfig.stateBackend`. */
type StateBackendPart = 'stateBackendType' | 'stateBucket' | 'stateRegion';

/**
 * Every setting of one environment's stack: a field per registry entry ({@link SETTINGS}, where each is documented,
 * with its default and limits), plus the environment and the resolved state backend.
 */
export type PipelineConfig = Omit<OverridableSettings, StateBackendPart> & {
  /** Environment this configuration is for; part of every physical name. */
  readonly environment: EnvironmentName;
  /**
   * Terraform state backend (`state-backend.ts`), from `SALES_STATE_BACKEND`, `SALES_STATE_BUCKET` and
   * `SALES_STATE_REGION`. `npm run synth` refuses a local state in CI unless it was chosen with
   * `SALES_STATE_BACKEND=local` (`deploy-readiness.ts`).
   * @defaultValue - S3 when `SALES_STATE_BUCKET` is set, else local state in `terraform.<stack>.tfstate` at the repository root
   */
  readonly stateBackend: StateBackendConfig;
};

/**
 * One value per registry entry that is a config field of its own (not a state backend part, nor `tags`, which
 * {@link loadConfig} merges), where `pick` gives one.
 */
function fieldsFrom(pick: (entry: AnySettingEntry) => unknown): Record<string, unknown> {
  return Object.fromEntries(
    settingNames().flatMap((name) => {
      const entry: AnySettingEntry = SETTINGS[name];
      const value = pick(entry);
      return value === undefined || entry.partOf !== undefined || name === 'tags' ? [] : [[name, value]];
    }),
  );
}

/**
 * Defaults shared by every environment, read from the registry (`environment` and `tags` are filled in by
 * {@link loadConfig}; `mergeLatenessSeconds` follows the pipe and Firehose settings when no variable sets it).
 */
export const DEFAULTS = {
  ...fieldsFrom((entry) => entry.default),
  stateBackend: { type: 'local' },
} as Omit<PipelineConfig, 'environment' | 'tags'>;

/** What each environment changes from {@link DEFAULTS}: the registry entries' `environments`. */
export const ENVIRONMENTS = Object.fromEntries(
  ENVIRONMENT_NAMES.map((environment) => [environment, fieldsFrom((entry) => entry.environments?.[environment])]),
) as Readonly<Record<EnvironmentName, Partial<Omit<PipelineConfig, 'environment'>>>>;

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
  let tags: Record<string, string> = { ...SETTINGS.tags.default, environment: env };
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
