import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { knownVariableNames, suggestVariable } from '@sales/pipeline-spec';

const ROOT = join(__dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'synth.ts');
/** The environment of a laptop: without the SALES_* variables of the machine running the tests, and outside CI. */
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('SALES_') && name !== 'CI'),
);
/** What a CI synth needs: a state bucket and a receiver for prod's alarms. */
const DEPLOYABLE = { SALES_STATE_BUCKET: 'acme-tf-state', SALES_PROD_ALARM_EMAIL: 'ops@example.com' };

const check = (vars: Record<string, string>, args = ['--check']) =>
  spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...CLEAN_ENV, ...vars },
  });
const ownLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('sales-synth:'));

describe('npm run synth, configuration check before cdktf', () => {
  test.each([
    [
      { SALES_KINESIS_MODE: 'fast' },
      'sales-synth: SALES_KINESIS_MODE must be ON_DEMAND or PROVISIONED, received "fast"',
    ],
    [
      { SALES_KINESIS_SHARD: '4' },
      'sales-synth: SALES_KINESIS_SHARD is not a configuration variable (did you mean SALES_KINESIS_SHARDS?), received "4"',
    ],
    [
      { SALES_PRODD_KINESIS_MODE: 'PROVISIONED' },
      'sales-synth: SALES_PRODD_KINESIS_MODE is not a configuration variable (did you mean SALES_PROD_KINESIS_MODE?), received "PROVISIONED"',
    ],
    [
      { SALES_WHATEVER: 'x' },
      'sales-synth: SALES_WHATEVER is not a configuration variable (see docs/infrastructure.md, "Configuration reference"), received "x"',
    ],
  ])(
    '%j: one line, exit 2, nothing else',
    (vars, line) => {
      const result = check(vars);

      expect(result.status).toBe(2);
      expect(ownLines(result.stderr)).toEqual([line]);
      expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+\)/); // no stack trace
      expect(result.stdout).toBe('');
    },
    60_000,
  );

  test('warns about a shard count that the on-demand mode ignores, and passes', () => {
    const result = check({ SALES_KINESIS_SHARDS: '4', ...DEPLOYABLE });

    expect(result.status).toBe(0);
    expect(ownLines(result.stderr)).toEqual([
      'sales-synth: warning: SALES_KINESIS_SHARDS is ignored for dev: its stream is ON_DEMAND (set SALES_KINESIS_MODE=PROVISIONED to use it)',
      'sales-synth: warning: SALES_KINESIS_SHARDS is ignored for prod: its stream is ON_DEMAND (set SALES_KINESIS_MODE=PROVISIONED to use it)',
    ]);
  }, 60_000);

  test('accepts a provisioned shard count without a warning', () => {
    const result = check({ SALES_PROD_KINESIS_MODE: 'PROVISIONED', SALES_PROD_KINESIS_SHARDS: '4', ...DEPLOYABLE });

    expect(result.status).toBe(0);
    expect(ownLines(result.stderr)).toEqual([]);
  }, 60_000);
});

describe('npm run synth in CI (CI=true): what a deploy needs', () => {
  test.each([
    [
      { CI: 'true' },
      `sales-synth: SALES_STATE_BUCKET is not set: with CI="true" dev's Terraform state would stay on this runner and be lost (set SALES_STATE_BUCKET, or SALES_DEV_STATE_BACKEND=local to keep local state on purpose)`,
    ],
    [
      { CI: 'true', SALES_STATE_BUCKET: 'acme-tf-state' },
      `sales-synth: SALES_PROD_ALARM_EMAIL is not set: with CI="true" prod's alarms would notify nobody (set SALES_PROD_ALARM_EMAIL, or SALES_ALARM_EMAIL for every stack)`,
    ],
    [
      { CI: 'true', SALES_DEV_STATE_BACKEND: 'local', SALES_PROD_ALARM_EMAIL: 'ops@example.com' },
      `sales-synth: SALES_STATE_BUCKET is not set: with CI="true" prod's Terraform state would stay on this runner and be lost (set SALES_STATE_BUCKET, or SALES_PROD_STATE_BACKEND=local to keep local state on purpose)`,
    ],
  ])(
    'refuses %j: one line naming the variable, exit 2, before cdktf starts',
    (vars, line) => {
      const result = check(vars, []);

      expect(result.status).toBe(2);
      expect(ownLines(result.stderr)).toEqual([line]);
      expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+\)/);
      expect(result.stdout).toBe('');
    },
    60_000,
  );

  test.each([
    { CI: 'true', ...DEPLOYABLE },
    { CI: 'true', SALES_STATE_BACKEND: 'local', SALES_ALARM_EMAIL: 'ops@example.com' },
  ])(
    'accepts %j without a warning',
    (vars) => {
      const result = check(vars);

      expect(result.status).toBe(0);
      expect(ownLines(result.stderr)).toEqual([]);
    },
    60_000,
  );

  test('on a laptop, passes with nothing set and warns only that prod keeps its state locally', () => {
    const result = check({});

    expect(result.status).toBe(0);
    expect(ownLines(result.stderr)).toEqual([
      'sales-synth: warning: prod keeps its Terraform state on this machine (terraform.prod.tfstate): set SALES_STATE_BUCKET before deploying prod, or SALES_PROD_STATE_BACKEND=local to keep it local on purpose',
    ]);
  }, 60_000);
});

describe('suggestVariable', () => {
  const known = knownVariableNames(['dev', 'prod']);
  test.each([
    ['SALES_KINESIS_SHARD', 'SALES_KINESIS_SHARDS'],
    ['SALES_PRODD_KINESIS_MODE', 'SALES_PROD_KINESIS_MODE'],
    ['SALES_ALARM_EMIAL', 'SALES_ALARM_EMAIL'],
    ['SALES_COMPLETELY_DIFFERENT', undefined],
  ])('%s -> %s', (name, suggestion) => {
    expect(suggestVariable(name, known)).toBe(suggestion);
  });
});
