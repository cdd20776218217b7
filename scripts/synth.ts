/**
 * `npm run synth`: check every stack's configuration first, then run `cdktf synth`.
 *
 * A bad or unknown `SALES_*` variable prints one line and exits 2 before cdktf starts (cdktf would bury
 * the message in stack traces and spinner frames), and so does, in CI, a configuration a deploy cannot use:
 * local state by default, or prod alarms without a receiver (`checkDeployReadiness`). Settings the chosen mode
 * ignores, and prod's local state on a laptop, print a warning.
 * When stdout is not a terminal, cdktf runs with `CI=1`, which makes its ink renderer write only the
 * final frame instead of spinner frames, and `FORCE_COLOR=0` (no escape codes).
 *
 * `--check` runs the check only.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  ConfigError,
  checkDeployReadiness,
  configWarnings,
  deployReadinessWarnings,
  ENVIRONMENT_NAMES,
  loadConfig,
} from '@sales/pipeline-spec';

const BIN = 'sales-synth';
const REPO_ROOT = join(__dirname, '..');

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

if (require.main === module) {
  const { code, lines } = checkConfig(process.env);
  for (const line of lines) process.stderr.write(`${line}\n`);
  if (code !== 0 || process.argv.includes('--check')) process.exitCode = code;
  else {
    const quiet = process.stdout.isTTY ? {} : { CI: '1', FORCE_COLOR: '0' };
    const cdktf = join(REPO_ROOT, 'node_modules', '.bin', 'cdktf');
    const child = spawn(cdktf, ['synth', ...process.argv.slice(2)], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, CHECKPOINT_DISABLE: '1', ...quiet },
    });
    child.on('close', (status, signal) => (process.exitCode = status ?? (signal === 'SIGTERM' ? 143 : 130)));
  }
}
