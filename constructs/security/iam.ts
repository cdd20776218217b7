import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { PolicyStatement } from '@sales/pipeline-spec';
import { Construct } from 'constructs';
import { trustCondition } from './trust-conditions';

/**
 * Small helpers for least-privilege IAM: policy documents as plain data (testable without synth),
 * and a role that one AWS service can assume, with one inline policy.
 */

/**
 * Render statements as an IAM policy document (JSON text). Terraform tokens inside ARNs survive as
 * interpolations.
 *
 * @param statements - the statements, in order
 * @returns the policy JSON
 * @example
 * ```ts
 * policyDocument([{ sid: 'Read', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }]);
 * //=> '{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b/*"]}]}'
 * ```
 */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map((s) => ({
      Sid: s.sid,
      Effect: 'Allow',
      Action: [...s.actions],
      Resource: [...s.resources],
      ...(s.conditions === undefined ? {} : { Condition: s.conditions }),
    })),
  });
}

/**
 * Trust policy that lets one service assume a role, with the condition that service documents (see
 * `SERVICE_TRUST`): `sts:ExternalId` = account for Firehose, `aws:SourceAccount` for Pipes and Lambda,
 * none for Glue, whose `CreateCrawler` refuses a role whose trust policy carries a key Glue does not send.
 *
 * @param service - service principal, e.g. `pipes.amazonaws.com`
 * @param accountId - the account that owns the role
 * @param sourceArn - the resource that may make the service assume the role (`aws:SourceArn`). @defaultValue - none
 * @returns the trust policy JSON
 * @throws Error when the service's documented keys are not recorded in `SERVICE_TRUST`
 * @example
 * ```ts
 * JSON.parse(assumeRolePolicy('firehose.amazonaws.com', '123456789012')).Statement[0].Condition;
 * //=> { StringEquals: { 'sts:ExternalId': '123456789012' } }
 * ```
 */
export function assumeRolePolicy(service: string, accountId: string, sourceArn?: string): string {
  const condition = trustCondition(service, accountId, sourceArn);
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: service },
        Action: 'sts:AssumeRole',
        ...(condition === undefined ? {} : { Condition: condition }),
      },
    ],
  });
}

/**
 * A role with its trust policy and one inline policy, created in `scope` with the IDs `Role` and `Policy` (the inline
 * policy is named `<name>-policy`): the shape every role of the stacks has.
 *
 * @param scope - The construct that owns both.
 * @param name - Physical role name.
 * @param trustPolicy - The assume-role policy JSON.
 * @param statements - Everything the role may do.
 * @returns The role and its policy.
 * @example
 * ```ts
 * roleWithInlinePolicy(this, 'sales-dev-pipe', assumeRolePolicy('pipes.amazonaws.com', accountId), statements);
 * ```
 */
export function roleWithInlinePolicy(
  scope: Construct,
  name: string,
  trustPolicy: string,
  statements: readonly PolicyStatement[],
): { role: IamRole; policy: IamRolePolicy } {
  const role = new IamRole(scope, 'Role', { name, assumeRolePolicy: trustPolicy });
  const policy = new IamRolePolicy(scope, 'Policy', {
    name: `${name}-policy`,
    role: role.id,
    policy: policyDocument(statements),
  });
  return { role, policy };
}

/** Props for {@link ServiceRole}. */
export interface ServiceRoleProps {
  /** Physical role name. */
  readonly name: string;
  /** Service principal that assumes the role. */
  readonly service: string;
  /** Account id (token) for the trust policy's documented condition (see {@link assumeRolePolicy}). */
  readonly accountId: string;
  /** Everything the role may do. */
  readonly statements: readonly PolicyStatement[];
  /** The only resource that may make the service assume the role (`aws:SourceArn`). @defaultValue - none */
  readonly sourceArn?: string;
}

/** A role for exactly one service, with one inline policy built from {@link PolicyStatement}s. */
export class ServiceRole extends Construct {
  /** The role. */
  readonly role: IamRole;
  /** Its inline policy. */
  readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    ({ role: this.role, policy: this.policy } = roleWithInlinePolicy(
      this,
      props.name,
      assumeRolePolicy(props.service, props.accountId, props.sourceArn),
      props.statements,
    ));
  }
}
