import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { PolicyStatement } from '@sales/pipeline-spec';
import { Construct } from 'constructs';
import { roleWithInlinePolicy } from '../security/iam';
import { githubTrustPolicy } from './github-oidc-trust';

/** Props for {@link GithubRole}. */
export interface GithubRoleProps {
  /** Physical role name. Keep it outside every pattern a deploy role may manage (`<prefix>-<env>-*`). */
  readonly name: string;
  /** The IAM OIDC provider's ARN (token). */
  readonly providerArn: string;
  /** The exact `sub` claims that may assume the role (`githubSubjects`). */
  readonly subjects: readonly string[];
  /** Everything the role may do. */
  readonly statements: readonly PolicyStatement[];
}

/**
 * A role that GitHub Actions assumes with its OIDC token ({@link githubTrustPolicy}), with one inline policy.
 *
 * Inline, not a managed policy: the role is the policy's only user, and an inline policy may be 10,240 characters
 * where a managed one stops at 6,144 (the plan role's refresh reads alone are about 2,500 and grow with every
 * resource type the stacks add).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length
 * @example
 * ```ts
 * new GithubRole(stack, 'Plan', { name: 'sales-github-plan', providerArn: provider.arn,
 *   subjects: [githubSubjects('acme/sales-pipeline').pullRequest], statements: planRoleStatements(resources) });
 * // aws_iam_role "sales-github-plan" + aws_iam_role_policy "sales-github-plan-policy"
 * ```
 */
export class GithubRole extends Construct {
  /** The role. */
  readonly role: IamRole;
  /** Its inline policy. */
  readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: GithubRoleProps) {
    super(scope, id);
    ({ role: this.role, policy: this.policy } = roleWithInlinePolicy(
      this,
      props.name,
      githubTrustPolicy(props.providerArn, props.subjects),
      props.statements,
    ));
  }
}
