/**
 * `npm run bootstrap:synth`: check the bootstrap configuration, then run `cdktf synth` in `bootstrap/` (its own
 * `cdktf.json`; output in `cdktf.out.bootstrap/stacks/bootstrap`, never in the pipeline's `cdktf.out`).
 *
 * A missing or bad `SALES_GITHUB_REPOSITORY`, a missing `SALES_STATE_BUCKET`, or any value `npm run synth` would
 * refuse prints one line and exits 2 before cdktf starts. When stdout is not a terminal, cdktf runs with `CI=1` and
 * `FORCE_COLOR=0`, as in `scripts/synth.ts`. `--check` runs the check only.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadBootstrapConfig } from '@sales/pipeline-spec';

const BIN = 'sales-bootstrap-synth';
const REPO_ROOT = join(__dirname, '..');

/**
 * Load the bootstrap configuration from `vars`.
 *
 * @param vars - the environment
 * @returns the exit code (0 or 2) and the lines for stderr
 * @example
 * ```ts
 * checkBootstrapConfig({ SALES_STATE_BUCKET: 'acme-tf-state' });
 * //=> { code: 2, lines: ['sales-bootstrap-synth: SALES_GITHUB_REPOSITORY is not set: the roles trust one repository\'s workflows (...)'] }
 * ```
 */
export function checkBootstrapConfig(vars: Readonly<Record<string, string | undefined>>): {
  code: 0 | 2;
  lines: string[];
} {
  try {
    loadBootstrapConfig(vars);
    return { code: 0, lines: [] };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { code: 2, lines: [`${BIN}: ${error.message}`] };
  }
}

if (require.main === module) {
  const { code, lines } = checkBootstrapConfig(process.env);
  for (const line of lines) process.stderr.write(`${line}\n`);
  if (code !== 0 || process.argv.includes('--check')) process.exitCode = code;
  else {
    const quiet = process.stdout.isTTY ? {} : { CI: '1', FORCE_COLOR: '0' };
    const cdktf = join(REPO_ROOT, 'node_modules', '.bin', 'cdktf');
    const child = spawn(cdktf, ['synth', ...process.argv.slice(2)], {
      cwd: join(REPO_ROOT, 'bootstrap'),
      stdio: 'inherit',
      env: { ...process.env, CHECKPOINT_DISABLE: '1', ...quiet },
    });
    child.on('close', (status, signal) => (process.exitCode = status ?? (signal === 'SIGTERM' ? 143 : 130)));
  }
}
