import { ConfigError, loadBootstrapConfig, MissingSettingError } from '@sales/pipeline-spec';

const REQUIRED = { SALES_GITHUB_REPOSITORY: 'acme/sales-pipeline', SALES_STATE_BUCKET: 'acme-tf-state' };

describe('loadBootstrapConfig', () => {
  test('reads the repository and the state bucket, with the stacks defaults for the rest', () => {
    expect(loadBootstrapConfig(REQUIRED)).toEqual({
      githubRepository: 'acme/sales-pipeline',
      namePrefix: 'sales',
      region: 'eu-west-1',
      tags: { project: 'sales-pipeline' },
      stateBucket: 'acme-tf-state',
      stateRegion: 'eu-west-1',
      ownStateBackend: 's3',
      environments: ['dev', 'prod'],
    });
  });

  test('keeps its own state local with SALES_STATE_BACKEND=local, still scoping the roles to the bucket', () => {
    const config = loadBootstrapConfig({ ...REQUIRED, SALES_STATE_BACKEND: 'local' });
    expect([config.ownStateBackend, config.stateBucket]).toEqual(['local', 'acme-tf-state']);
  });

  test.each([
    [
      { SALES_STATE_BUCKET: 'acme-tf-state' },
      MissingSettingError,
      "SALES_GITHUB_REPOSITORY is not set: the roles trust one repository's workflows (set it to <owner>/<repo>, e.g. acme/sales-pipeline)",
    ],
    [
      { SALES_GITHUB_REPOSITORY: 'acme/sales-pipeline' },
      MissingSettingError,
      "SALES_STATE_BUCKET is not set: the plan and deploy roles are scoped to the stacks' state bucket (create it first, see docs/review-and-release.md)",
    ],
    [
      { ...REQUIRED, SALES_GITHUB_REPOSITORY: 'acme/*' },
      ConfigError,
      'SALES_GITHUB_REPOSITORY must be <owner>/<repo>, e.g. acme/sales-pipeline, received "acme/*"',
    ],
    [
      { ...REQUIRED, SALES_PROD_NAME_PREFIX: 'acme' },
      ConfigError,
      'SALES_PROD_NAME_PREFIX must be the same for every environment in the bootstrap stack, whose roles serve them all (dev has "sales"), received "acme"',
    ],
    [
      { ...REQUIRED, SALES_DEV_STATE_BUCKET: 'other-tf-state' },
      ConfigError,
      'SALES_STATE_BUCKET must be the same for every environment in the bootstrap stack, whose plan role reads every state (dev has "other-tf-state"), received "acme-tf-state"',
    ],
    [
      { ...REQUIRED, SALES_KINESIS_SHARD: '4' },
      ConfigError,
      'SALES_KINESIS_SHARD is not a configuration variable (did you mean SALES_KINESIS_SHARDS?), received "4"',
    ],
  ])('refuses %j', (vars, type, message) => {
    expect(() => loadBootstrapConfig(vars)).toThrow(type);
    expect(() => loadBootstrapConfig(vars)).toThrow(message);
  });
});
