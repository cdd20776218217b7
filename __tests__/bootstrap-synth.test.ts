import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'bootstrap-synth.ts');
/** A laptop's environment, without the SALES_* variables of the machine running the tests. */
const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SALES_')));

const check = (vars: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...CLEAN_ENV, ...vars },
  });

describe('npm run bootstrap:synth, configuration check before cdktf', () => {
  test.each([
    [
      { SALES_STATE_BUCKET: 'acme-tf-state' },
      "sales-bootstrap-synth: SALES_GITHUB_REPOSITORY is not set: the roles trust one repository's workflows (set it to <owner>/<repo>, e.g. acme/sales-pipeline)\n",
    ],
    [
      { SALES_STATE_BUCKET: 'acme-tf-state', SALES_GITHUB_REPOSITORY: 'sales-pipeline' },
      'sales-bootstrap-synth: SALES_GITHUB_REPOSITORY must be <owner>/<repo>, e.g. acme/sales-pipeline, received "sales-pipeline"\n',
    ],
  ])('%j exits 2 with one line', (vars, line) => {
    const run = check(vars);
    expect({ status: run.status, stderr: run.stderr, stdout: run.stdout }).toEqual({
      status: 2,
      stderr: line,
      stdout: '',
    });
  });

  test('passes with the repository and the state bucket', () => {
    const run = check({ SALES_STATE_BUCKET: 'acme-tf-state', SALES_GITHUB_REPOSITORY: 'acme/sales-pipeline' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
