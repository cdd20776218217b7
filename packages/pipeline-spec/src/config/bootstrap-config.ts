import { ENVIRONMENT_NAMES, type EnvironmentName } from '../registry/setting-entry';
import { loadConfig, type PipelineConfig } from './config';
import { ConfigError, MissingSettingError } from '../registry/config-error';
import { readVariable, VARIABLE_PREFIX } from './config-names';

/**
 * The bootstrap stack's configuration: what the GitHub OIDC provider, the plan role and the deploy roles are scoped
 * to. It is read from the same `SALES_*` variables as the stacks (loaded through `loadConfig` for every environment,
 * so every value is checked the same way), plus `SALES_GITHUB_REPOSITORY`, which only this stack reads.
 */

/** Everything the bootstrap stack needs. */
export interface BootstrapConfig {
  /** `<owner>/<repo>` whose workflows may assume the roles (`SALES_GITHUB_REPOSITORY`). */
  readonly githubRepository: string;
  /** `SALES_NAME_PREFIX`: role names (`<prefix>-github-plan`, `<prefix>-<env>-github-deploy`) and state keys. */
  readonly namePrefix: string;
  /** `SALES_REGION`: the provider's region (IAM itself is global). */
  readonly region: string;
  /** The first environment's tags (`SALES_TAGS` merged over `project`) without `environment`, for `default_tags`. */
  readonly tags: Readonly<Record<string, string>>;
  /** The state bucket every stack keeps its state in (`SALES_STATE_BUCKET`). */
  readonly stateBucket: string;
  /** Its region (`SALES_STATE_REGION`). @defaultValue - {@link region} */
  readonly stateRegion: string;
  /**
   * Where the bootstrap stack keeps its own state: `s3` (`<prefix>/bootstrap/terraform.tfstate` in the state bucket),
   * or `local` with `SALES_STATE_BACKEND=local`, for the first deploy before the state is migrated.
   * @defaultValue 's3'
   */
  readonly ownStateBackend: 'local' | 's3';
  /** The environments that get a deploy role: every one in `ENVIRONMENT_NAMES`. */
  readonly environments: readonly EnvironmentName[];
}

type Vars = Readonly<Record<string, string | undefined>>;

/** The one value every environment's configuration gives `setting`; a different one in some environment throws. */
function sameInEvery<K extends keyof PipelineConfig>(
  configs: readonly PipelineConfig[],
  setting: K,
  name: string,
  vars: Vars,
): PipelineConfig[K] {
  const [first, ...rest] = configs as [PipelineConfig, ...PipelineConfig[]];
  const other = rest.find((config) => config[setting] !== first[setting]);
  if (other === undefined) return first[setting];
  const variable = readVariable(other.environment, name, vars)?.name ?? `${VARIABLE_PREFIX}${name}`;
  throw new ConfigError(
    variable,
    String(other[setting] ?? ''),
    `the same for every environment in the bootstrap stack, whose roles serve them all (${first.environment} has ${JSON.stringify(first[setting] ?? '')})`,
  );
}

/** The state bucket every environment names, whichever backend `SALES_STATE_BACKEND` chose for the stacks. */
function stateBucketOf(configs: readonly PipelineConfig[], vars: Vars): { bucket: string; region: string } {
  const found = configs.map((config) => {
    const raw = readVariable(config.environment, 'STATE_BUCKET', vars);
    if (raw === undefined)
      throw new MissingSettingError(
        `${VARIABLE_PREFIX}STATE_BUCKET`,
        "the plan and deploy roles are scoped to the stacks' state bucket (create it first, see docs/review-and-release.md)",
      );
    const region = readVariable(config.environment, 'STATE_REGION', vars)?.raw.trim() ?? config.region;
    return { environment: config.environment, variable: raw.name, bucket: raw.raw.trim(), region };
  });
  const [first, ...rest] = found as [(typeof found)[0], ...typeof found];
  for (const other of rest) {
    const field = other.bucket !== first.bucket ? 'bucket' : other.region !== first.region ? 'region' : undefined;
    if (field === undefined) continue;
    throw new ConfigError(
      field === 'bucket' ? other.variable : `${VARIABLE_PREFIX}STATE_REGION`,
      other[field],
      `the same for every environment in the bootstrap stack, whose plan role reads every state (${first.environment} has ${JSON.stringify(first[field])})`,
    );
  }
  return { bucket: first.bucket, region: first.region };
}

/**
 * Load the bootstrap stack's configuration from `SALES_*` variables. Pure: reads only its argument.
 *
 * @param vars - the variables to read; pass `process.env` at the call site
 * @returns the configuration
 * @throws ConfigError for any value `loadConfig` refuses, or a setting that differs between environments;
 *   MissingSettingError when `SALES_GITHUB_REPOSITORY` or `SALES_STATE_BUCKET` is not set
 * @example
 * ```ts
 * loadBootstrapConfig({ SALES_GITHUB_REPOSITORY: 'acme/sales-pipeline', SALES_STATE_BUCKET: 'acme-tf-state' }).stateBucket;
 * //=> 'acme-tf-state'
 * loadBootstrapConfig({ SALES_STATE_BUCKET: 'acme-tf-state' });
 * // throws MissingSettingError: SALES_GITHUB_REPOSITORY is not set: the roles trust one repository's workflows (...)
 * ```
 */
export function loadBootstrapConfig(vars: Vars): BootstrapConfig {
  const configs = ENVIRONMENT_NAMES.map((environment) => loadConfig(environment, vars));
  const githubRepository = sameInEvery(configs, 'githubRepository', 'GITHUB_REPOSITORY', vars);
  if (githubRepository === undefined)
    throw new MissingSettingError(
      `${VARIABLE_PREFIX}GITHUB_REPOSITORY`,
      "the roles trust one repository's workflows (set it to <owner>/<repo>, e.g. acme/sales-pipeline)",
    );
  const state = stateBucketOf(configs, vars);
  const { environment: _environment, ...tags } = configs[0]!.tags;
  return {
    githubRepository,
    namePrefix: sameInEvery(configs, 'namePrefix', 'NAME_PREFIX', vars),
    region: sameInEvery(configs, 'region', 'REGION', vars),
    tags,
    stateBucket: state.bucket,
    stateRegion: state.region,
    ownStateBackend: vars[`${VARIABLE_PREFIX}STATE_BACKEND`]?.trim() === 'local' ? 'local' : 's3',
    environments: ENVIRONMENT_NAMES,
  };
}
