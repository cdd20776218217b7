import {
  ConfigError,
  configWarnings,
  loadConfig,
  MissingSettingError,
  resolveStateBackend,
} from '@sales/pipeline-spec';

describe('state backend', () => {
  test.each([
    [{}, { type: 'local' }],
    [{ SALES_STATE_BUCKET: 'acme-tf-state' }, { type: 's3', bucket: 'acme-tf-state', region: 'eu-west-1' }],
    [
      { SALES_STATE_BUCKET: 'acme-tf-state', SALES_STATE_REGION: 'us-east-1' },
      { type: 's3', bucket: 'acme-tf-state', region: 'us-east-1' },
    ],
    [{ SALES_STATE_BACKEND: 'local' }, { type: 'local' }],
    [{ SALES_STATE_BACKEND: 'local', SALES_STATE_BUCKET: 'acme-tf-state' }, { type: 'local' }],
    [
      { SALES_STATE_BACKEND: 's3', SALES_STATE_BUCKET: 'acme-tf-state' },
      { type: 's3', bucket: 'acme-tf-state', region: 'eu-west-1' },
    ],
  ])('%j chooses %j', (vars, backend) => {
    expect(loadConfig('dev', vars).stateBackend).toEqual(backend);
  });

  test('lets one stack keep local state beside a bucket for every stack, and says the bucket is ignored there', () => {
    const vars = { SALES_STATE_BUCKET: 'acme-tf-state', SALES_DEV_STATE_BACKEND: 'local' };

    const [dev, prod] = [loadConfig('dev', vars), loadConfig('prod', vars)];

    expect([dev.stateBackend.type, prod.stateBackend.type]).toEqual(['local', 's3']);
    expect(configWarnings(dev, vars)).toEqual([
      'SALES_STATE_BUCKET is ignored for dev: SALES_DEV_STATE_BACKEND is "local"',
    ]);
    expect(configWarnings(prod, vars)).toEqual([]);
  });

  test('refuses s3 without a bucket, naming the bucket variable and the variable that chose s3', () => {
    expect(() => loadConfig('prod', { SALES_PROD_STATE_BACKEND: 's3' })).toThrow(MissingSettingError);
    expect(() => loadConfig('prod', { SALES_PROD_STATE_BACKEND: 's3' })).toThrow(
      'SALES_STATE_BUCKET is not set: SALES_PROD_STATE_BACKEND is "s3", which needs a state bucket',
    );
  });

  test('refuses a backend it does not know, naming the variable and the value', () => {
    expect(() => loadConfig('dev', { SALES_STATE_BACKEND: 'remote' })).toThrow(ConfigError);
    expect(() => loadConfig('dev', { SALES_STATE_BACKEND: 'remote' })).toThrow(
      'SALES_STATE_BACKEND must be s3 or local, received "remote"',
    );
  });

  test('resolveStateBackend is the same rule without variables', () => {
    expect(resolveStateBackend({}, 'eu-west-1')).toEqual({ type: 'local' });
    expect(resolveStateBackend({ stateBucket: 'b-1' }, 'eu-west-2')).toEqual({
      type: 's3',
      bucket: 'b-1',
      region: 'eu-west-2',
    });
  });
});
