import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { BootstrapConfig } from '@sales/pipeline-spec';
import { DISABLE_STACK_TRACE_IN_METADATA, LocalBackend, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { deployRoleStatements } from './deploy-role-statements';
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST, githubSubjects } from './github-oidc-trust';
import { GithubRole } from './github-role';
import { githubRoleNames } from './github-role-names';
import { planRoleStatements } from './plan-role-statements';

/** Props for {@link BootstrapStack}. */
export interface BootstrapStackProps {
  /** From `loadBootstrapConfig(process.env)`. */
  readonly config: BootstrapConfig;
}

/**
 * What the workflows need before they can plan or deploy, deployed once per account by an administrator: the IAM
 * OIDC provider for GitHub Actions, the pull-request plan role (configuration reads and the state, no customer data)
 * and one deploy role per environment. Outputs `plan_role_arn` (repository variable `AWS_PLAN_ROLE_ARN`) and
 * `deploy_role_arn_<env>` (variable `AWS_DEPLOY_ROLE_ARN` of GitHub environment `<env>`).
 *
 * The provider sets no `thumbprint_list`: AWS verifies GitHub's certificate against its library of trusted CAs and
 * no longer uses a thumbprint for it, the IAM API has taken none since 2024 and the AWS provider made the argument
 * optional in 5.81 (left unset, IAM records one itself, so nothing drifts).
 *
 * @see https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc_verify-thumbprint.html
 * @example
 * ```ts
 * new BootstrapStack(app, 'bootstrap', { config: loadBootstrapConfig(process.env) });
 * // aws_iam_openid_connect_provider, 3 × aws_iam_role + aws_iam_role_policy, outputs plan_role_arn, deploy_role_arn_dev, deploy_role_arn_prod
 * ```
 */
export class BootstrapStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: BootstrapStackProps) {
    super(scope, id);
    this.node.setContext(DISABLE_STACK_TRACE_IN_METADATA, true);
    const { config } = props;
    new AwsProvider(this, 'aws', { region: config.region, defaultTags: [{ tags: { ...config.tags } }] });
    if (config.ownStateBackend === 's3') {
      const backend = new S3Backend(this, {
        bucket: config.stateBucket,
        region: config.stateRegion,
        key: `${config.namePrefix}/${id}/terraform.tfstate`,
        encrypt: true,
      });
      backend.addOverride('use_lockfile', true);
    } else {
      // cdktf.out.bootstrap/stacks/<id> -> the repository root, git-ignored like the stacks' local state.
      new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    }
    const accountId = new DataAwsCallerIdentity(this, 'Account').accountId;
    const provider = new IamOpenidConnectProvider(this, 'GithubOidc', {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIdList: [GITHUB_OIDC_AUDIENCE],
    });
    const subjects = githubSubjects(config.githubRepository);
    const names = githubRoleNames(config.namePrefix);
    const plan = new GithubRole(this, 'Plan', {
      name: names.plan,
      providerArn: provider.arn,
      subjects: [subjects.pullRequest],
      statements: planRoleStatements({ stateBucket: config.stateBucket, namePrefix: config.namePrefix }),
    });
    new TerraformOutput(this, 'plan_role_arn', {
      value: plan.role.arn,
      description: 'Repository variable AWS_PLAN_ROLE_ARN',
    });
    for (const environment of config.environments) {
      const deploy = new GithubRole(this, `Deploy${environment[0]!.toUpperCase()}${environment.slice(1)}`, {
        name: names.deploy(environment),
        providerArn: provider.arn,
        subjects: [subjects.environment(environment)],
        statements: deployRoleStatements({
          accountId,
          stateBucket: config.stateBucket,
          namePrefix: config.namePrefix,
          environment,
        }),
      });
      new TerraformOutput(this, `deploy_role_arn_${environment}`, {
        value: deploy.role.arn,
        description: `Variable AWS_DEPLOY_ROLE_ARN of GitHub environment ${environment}`,
      });
    }
  }
}
