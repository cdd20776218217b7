import {
  checkDeployReadiness,
  deployReadinessWarnings,
  isContinuousIntegration,
  loadConfig,
  MissingSettingError,
} from '@sales/pipeline-spec';

/** Runs the check for one environment as `npm run synth` does: load, then check. */
const check = (environment: string, vars: Record<string, string>) => () =>
  checkDeployReadiness(loadConfig(environment, vars), vars);

const DEPLOYABLE = { SALES_STATE_BUCKET: 'acme-tf-state', SALES_PROD_ALARM_EMAIL: 'ops@example.com' };

describe('isContinuousIntegration', () => {
  test.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'TRUE' }, true],
    [{ CI: 'false' }, false],
    [{ CI: '0' }, false],
    [{ CI: '' }, false],
    [{}, false],
  ])('%j -> %s', (vars, expected) => {
    expect(isContinuousIntegration(vars)).toBe(expected);
  });
});

describe('checkDeployReadiness', () => {
  test.each(['dev', 'prod'])('passes %s on a laptop with nothing set', (environment) => {
    expect(check(environment, {})).not.toThrow();
  });

  test.each(['dev', 'prod'])('refuses local state by default for %s in CI', (environment) => {
    const vars = { CI: 'true', SALES_PROD_ALARM_EMAIL: 'ops@example.com' };
    expect(check(environment, vars)).toThrow(MissingSettingError);
    expect(check(environment, vars)).toThrow(
      `SALES_STATE_BUCKET is not set: with CI="true" ${environment}'s Terraform state would stay on this runner and be lost (set SALES_STATE_BUCKET, or SALES_${environment.toUpperCase()}_STATE_BACKEND=local to keep local state on purpose)`,
    );
  });

  test.each([
    { CI: 'true', SALES_STATE_BACKEND: 'local', SALES_PROD_ALARM_EMAIL: 'ops@example.com' },
    { CI: 'true', SALES_PROD_STATE_BACKEND: 'local', SALES_PROD_ALARM_EMAIL: 'ops@example.com' },
    { CI: 'true', ...DEPLOYABLE },
  ])('accepts prod in CI with local state chosen or a bucket: %j', (vars) => {
    expect(check('prod', vars)).not.toThrow();
  });

  test('refuses prod alarms without a receiver in CI, and accepts an address for every stack', () => {
    const vars = { CI: 'true', SALES_STATE_BUCKET: 'acme-tf-state' };
    expect(check('prod', vars)).toThrow(
      `SALES_PROD_ALARM_EMAIL is not set: with CI="true" prod's alarms would notify nobody (set SALES_PROD_ALARM_EMAIL, or SALES_ALARM_EMAIL for every stack)`,
    );
    expect(check('dev', vars)).not.toThrow();
    expect(check('prod', { ...vars, SALES_ALARM_EMAIL: 'ops@example.com' })).not.toThrow();
  });
});

describe('deployReadinessWarnings', () => {
  test('warns that prod keeps its state on a laptop, and says how to fix or confirm it', () => {
    expect(deployReadinessWarnings(loadConfig('prod', {}), {})).toEqual([
      'prod keeps its Terraform state on this machine (terraform.prod.tfstate): set SALES_STATE_BUCKET before deploying prod, or SALES_PROD_STATE_BACKEND=local to keep it local on purpose',
    ]);
  });

  test.each([
    ['dev', {}],
    ['prod', { SALES_PROD_STATE_BACKEND: 'local' }],
    ['prod', { SALES_STATE_BUCKET: 'acme-tf-state' }],
  ] as const)('says nothing for %s with %j', (environment, vars) => {
    expect(deployReadinessWarnings(loadConfig(environment, vars), vars)).toEqual([]);
  });
});
