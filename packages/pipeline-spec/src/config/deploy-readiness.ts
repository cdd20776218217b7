import type { EnvironmentName } from '../registry/setting-entry';
import type { PipelineConfig } from './config';
import { MissingSettingError } from '../registry/config-error';
import { readVariable, VARIABLE_PREFIX } from './config-names';

/**
 * What a deployable synth needs beyond valid values: somewhere lasting for the Terraform state, and someone to tell
 * when prod's alarms fire. A laptop synth (tests, docs, review) needs neither; a CI synth feeds a deploy, so there a
 * missing one stops the synth (`npm run synth`, exit 2).
 *
 * `main.ts` does not run this check: `npm run synth` runs cdktf with `CI=1` when stdout is not a terminal (so its
 * progress renderer stays quiet), and that must not turn a laptop synth into a CI one. The workflows synthesize
 * with `npm run synth`.
 */

/** Environments whose alarms must reach someone, and whose local state is worth a warning even on a laptop. */
export const PRODUCTION_ENVIRONMENTS: readonly EnvironmentName[] = ['prod'];

/**
 * Whether the synth runs in CI: `CI` is set to anything but `false` or `0` (GitHub Actions sets `CI=true`; the
 * same rule as the `is-ci` package that cdktf's renderer uses).
 *
 * @param vars - the environment variables
 * @returns true in CI
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables
 * @example
 * ```ts
 * isContinuousIntegration({ CI: 'true' }); //=> true
 * isContinuousIntegration({ CI: 'false' }); //=> false
 * ```
 */
export function isContinuousIntegration(vars: Readonly<Record<string, string | undefined>>): boolean {
  const ci = vars['CI']?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** Whether the stack keeps local state only because no state bucket is set (not chosen with `STATE_BACKEND`). */
function localStateByDefault(config: PipelineConfig, vars: Readonly<Record<string, string | undefined>>): boolean {
  return config.stateBackend.type === 'local' && readVariable(config.environment, 'STATE_BACKEND', vars) === undefined;
}

/**
 * Refuse a configuration that would deploy badly from CI: a local state by default (it stays on the runner and is
 * lost with it) and, for prod, alarms without a receiver.
 *
 * @param config - one environment's configuration, from `loadConfig(environment, vars)`
 * @param vars - the environment variables it was loaded from
 * @throws MissingSettingError naming the variable to set, with `CI`'s value and the way out
 * @example
 * ```ts
 * checkDeployReadiness(loadConfig('dev', {}), {}); // a laptop: passes
 * checkDeployReadiness(loadConfig('dev', { CI: 'true' }), { CI: 'true' });
 * // throws MissingSettingError: SALES_STATE_BUCKET is not set: with CI="true" dev's Terraform state would stay on
 * // this runner and be lost (set SALES_STATE_BUCKET, or SALES_DEV_STATE_BACKEND=local to keep local state on purpose)
 * ```
 */
export function checkDeployReadiness(config: PipelineConfig, vars: Readonly<Record<string, string | undefined>>): void {
  if (!isContinuousIntegration(vars)) return;
  const { environment } = config;
  const scoped = `${VARIABLE_PREFIX}${environment.toUpperCase()}_`;
  const ci = `with CI=${JSON.stringify(vars['CI'])}`;
  if (localStateByDefault(config, vars)) {
    throw new MissingSettingError(
      `${VARIABLE_PREFIX}STATE_BUCKET`,
      `${ci} ${environment}'s Terraform state would stay on this runner and be lost (set ${VARIABLE_PREFIX}STATE_BUCKET, or ${scoped}STATE_BACKEND=local to keep local state on purpose)`,
    );
  }
  if (PRODUCTION_ENVIRONMENTS.includes(environment) && config.alarmEmail === undefined) {
    throw new MissingSettingError(
      `${scoped}ALARM_EMAIL`,
      `${ci} ${environment}'s alarms would notify nobody (set ${scoped}ALARM_EMAIL, or ${VARIABLE_PREFIX}ALARM_EMAIL for every stack)`,
    );
  }
}

/**
 * Warnings for a deployable configuration outside CI: prod keeping its state on this machine by default. A laptop
 * synth of prod is normal (tests, docs, review); a laptop deploy of prod with that state is not.
 *
 * @param config - one environment's configuration
 * @param vars - the environment variables it was loaded from
 * @returns one sentence per warning; empty in CI (there {@link checkDeployReadiness} refuses instead)
 * @example
 * ```ts
 * deployReadinessWarnings(loadConfig('prod', {}), {});
 * //=> ['prod keeps its Terraform state on this machine (terraform.prod.tfstate): set SALES_STATE_BUCKET before deploying prod, or SALES_PROD_STATE_BACKEND=local to keep it local on purpose']
 * ```
 */
export function deployReadinessWarnings(
  config: PipelineConfig,
  vars: Readonly<Record<string, string | undefined>>,
): string[] {
  const { environment } = config;
  if (isContinuousIntegration(vars) || !PRODUCTION_ENVIRONMENTS.includes(environment)) return [];
  if (!localStateByDefault(config, vars)) return [];
  return [
    `${environment} keeps its Terraform state on this machine (terraform.${environment}.tfstate): set ${VARIABLE_PREFIX}STATE_BUCKET before deploying ${environment}, or ${VARIABLE_PREFIX}${environment.toUpperCase()}_STATE_BACKEND=local to keep it local on purpose`,
  ];
}
