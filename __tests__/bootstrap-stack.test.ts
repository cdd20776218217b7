import 'cdktf/lib/testing/adapters/jest';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { deployRoleStatements } from '../constructs/bootstrap/deploy-role-statements';
import { githubRoleNames } from '../constructs/bootstrap/github-role-names';
import { BOOTSTRAP_VARS, synthBootstrap } from './helpers/bootstrap';
import { referenceTo, resources, type SynthesizedStack } from './helpers/pipeline';

const { text, json } = synthBootstrap();

/** The role named `name`, its parsed trust policy and its parsed inline policy. */
function role(stack: SynthesizedStack, name: string) {
  const [id, found] = Object.entries(resources(stack, 'aws_iam_role')).find(([, r]) => r['name'] === name) ?? [];
  if (found === undefined) throw new Error(`no role ${name}`);
  const policy = Object.values(resources(stack, 'aws_iam_role_policy')).find(
    (p) => p['role'] === `\${aws_iam_role.${id}.id}`,
  );
  return {
    id: id as string,
    trust: JSON.parse(found['assume_role_policy'] as string),
    policy: JSON.parse(policy?.['policy'] as string),
  };
}

describe('BootstrapStack', () => {
  test('creates the GitHub OIDC provider for sts.amazonaws.com, with no thumbprint', () => {
    expect(text).toHaveResourceWithProperties(IamOpenidConnectProvider, {
      url: 'https://token.actions.githubusercontent.com',
      client_id_list: ['sts.amazonaws.com'],
    });
    expect(Object.values(resources(json, 'aws_iam_openid_connect_provider'))).toEqual([
      { url: 'https://token.actions.githubusercontent.com', client_id_list: ['sts.amazonaws.com'] },
    ]);
  });

  test.each([
    ['plan', githubRoleNames('sales').plan, 'repo:acme/sales-pipeline:pull_request'],
    ['deploy dev', githubRoleNames('sales').deploy('dev'), 'repo:acme/sales-pipeline:environment:dev'],
    ['deploy prod', githubRoleNames('sales').deploy('prod'), 'repo:acme/sales-pipeline:environment:prod'],
  ])('the %s role (%s) trusts only %s, through the provider, for sts.amazonaws.com', (_role, name, subject) => {
    const [statement, ...others] = role(json, name).trust.Statement;
    expect(others).toEqual([]);
    expect(statement).toEqual({
      Effect: 'Allow',
      Principal: { Federated: expect.stringMatching(referenceTo('aws_iam_openid_connect_provider', 'arn')) },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': [subject],
        },
      },
    });
  });

  test('gives the plan role the refresh reads and the state, and nothing else', () => {
    expect(role(json, 'sales-github-plan').policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'RefreshStackResources',
      'ListState',
      'ReadState',
    ]);
  });

  test('gives each deploy role the statements of its own environment', () => {
    for (const environment of ['dev', 'prod']) {
      const statements = role(json, githubRoleNames('sales').deploy(environment)).policy.Statement;
      const expected = deployRoleStatements({
        accountId: 'ACCOUNT',
        stateBucket: BOOTSTRAP_VARS.SALES_STATE_BUCKET,
        namePrefix: 'sales',
        environment,
      });
      expect(statements.map((s: { Sid: string }) => s.Sid)).toEqual(expected.map((s) => s.sid));
      expect(statements.at(-1).Resource).toEqual([`arn:aws:s3:::acme-sales-tfstate/sales/${environment}/*`]);
    }
  });

  test('names no role where a deploy role may create, change or pass roles', () => {
    const managed = ['dev', 'prod'].map((environment) => new RegExp(`^sales-${environment}-`));
    const names = Object.values(resources(json, 'aws_iam_role')).map((r) => r['name'] as string);
    expect(names.filter((name) => managed.some((pattern) => pattern.test(name)))).toEqual([]);
    expect(names.sort()).toEqual(['sales-github-deploy-dev', 'sales-github-deploy-prod', 'sales-github-plan']);
  });

  test('outputs the role ARNs the workflows read', () => {
    expect(Object.keys(json.output).sort()).toEqual(['deploy_role_arn_dev', 'deploy_role_arn_prod', 'plan_role_arn']);
    expect(json.output['plan_role_arn']?.value).toBe(`\${aws_iam_role.${role(json, 'sales-github-plan').id}.arn}`);
    expect(json.output['deploy_role_arn_prod']?.value).toBe(
      `\${aws_iam_role.${role(json, 'sales-github-deploy-prod').id}.arn}`,
    );
  });

  test('keeps its state under <prefix>/bootstrap/ in the state bucket, with a lock file', () => {
    expect(json.terraform['backend']).toEqual({
      s3: {
        bucket: 'acme-sales-tfstate',
        key: 'sales/bootstrap/terraform.tfstate',
        region: 'eu-west-1',
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  test('keeps local state at the repository root with SALES_STATE_BACKEND=local, for the first deploy', () => {
    const local = synthBootstrap({ ...BOOTSTRAP_VARS, SALES_STATE_BACKEND: 'local' }).json;
    expect(local.terraform['backend']).toEqual({ local: { path: '../../../terraform.bootstrap.tfstate' } });
  });

  test('matches the snapshot', () => {
    expect(text).toMatchSnapshot();
  });

  test('synthesizes byte-identical output twice', () => {
    expect(synthBootstrap().text).toBe(text);
  });
});
