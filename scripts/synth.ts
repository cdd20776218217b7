/**
 * `npm run synth`: check every stack's configuration first, then run `cdktf synth`.
 *
 * A bad or unknown `SALES_*` variable prints one line and exits 2 before cdktf starts (cdktf would bury
 * the message in stack traces and spinner frames), and so does, in CI, a configuration a deploy cannot use:
 * local state by default, or prod alarms without a receiver (`checkDeployReadiness`). Settings the chosen mode
 * ignores, and prod's local state on a laptop, print a warning.
 * `--check` runs the check only (`runCheckedSynth`).
 */
import {
  ConfigError,
  checkDeployReadiness,
  configWarnings,
  deployReadinessWarnings,
  ENVIRONMENT_NAMES,
  loadConfig,
} from '@sales/pipeline-spec';
import { REPO_ROOT, runCheckedSynth } from './run-checked-synth';

const BIN = 'sales-synth';

/**
 * Load every environment's configuration from `vars`.
 *
 * @param vars - the environment
 * @returns the exit code (0 or 2) and the lines for stderr
 * @example
 * ```ts
 * checkConfig({ SALES_KINESIS_MODE: 'fast' });
 * //=> { code: 2, lines: ['sales-synth: SALES_KINESIS_MODE must be ON_DEMAND or PROVISIONED, received "fast"'] }
 * checkConfig({ CI: 'true', SALES_STATE_BUCKET: 'acme-tf-state' });
 * //=> { code: 2, lines: ['sales-synth: SALES_PROD_ALARM_EMAIL is not set: with CI="true" prod\'s alarms would notify nobody (...)'] }
 * ```
 */
export function checkConfig(vars: Readonly<Record<string, string | undefined>>): { code: 0 | 2; lines: string[] } {
  const lines: string[] = [];
  for (const environment of ENVIRONMENT_NAMES) {
    try {
      const config = loadConfig(environment, vars);
      checkDeployReadiness(config, vars);
      const warnings = [...configWarnings(config, vars), ...deployReadinessWarnings(config, vars)];
      lines.push(...warnings.map((warning) => `${BIN}: warning: ${warning}`));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return { code: 2, lines: [`${BIN}: ${error.message}`] };
    }
  }
  return { code: 0, lines: [...new Set(lines)] };
}

if (require.main === module) runCheckedSynth(checkConfig(process.env), REPO_ROOT);
