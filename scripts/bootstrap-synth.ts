/**
 * `npm run bootstrap:synth`: check the bootstrap configuration, then run `cdktf synth` in `bootstrap/` (its own
 * `cdktf.json`; output in `cdktf.out.bootstrap/stacks/bootstrap`, never in the pipeline's `cdktf.out`).
 *
 * A missing or bad `SALES_GITHUB_REPOSITORY`, a missing `SALES_STATE_BUCKET`, or any value `npm run synth` would
 * refuse prints one line and exits 2 before cdktf starts. `--check` runs the check only (`runCheckedSynth`).
 */
import { join } from 'node:path';
import { ConfigError, loadBootstrapConfig } from '@sales/pipeline-spec';
import { REPO_ROOT, runCheckedSynth } from './run-checked-synth';

const BIN = 'sales-bootstrap-synth';

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

if (require.main === module) runCheckedSynth(checkBootstrapConfig(process.env), join(REPO_ROOT, 'bootstrap'));
