import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Construct } from 'constructs';
import {
  OPERATOR_OPERATIONS,
  type OperatorOperation,
  type OperatorResources,
  operatorPolicyName,
  operatorStatements,
} from '@sales/pipeline-spec';
import { policyDocument } from './iam';

/** Props for {@link OperatorPolicies}. */
export interface OperatorPoliciesProps {
  /** `<prefix>-<environment>`: names the policies `<base>-lake-<operation>`. */
  readonly baseName: string;
  /** The stack's ARNs the policies are scoped to. */
  readonly resources: OperatorResources;
}

/**
 * One customer-managed IAM policy per `sales-lake` command (backfill, reconcile, replay), scoped to this
 * stack's ARNs, for an operator to attach to a role. The stack creates no operator role: who operates is
 * the account's decision (docs/infrastructure.md, "Operator access").
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
 * @example
 * ```ts
 * new OperatorPolicies(stack, 'Operators', { baseName: 'sales-dev', resources }).policies.backfill.arn;
 * ```
 */
export class OperatorPolicies extends Construct {
  /** The managed policies, by operation. */
  readonly policies: Readonly<Record<OperatorOperation, IamPolicy>>;

  constructor(scope: Construct, id: string, props: OperatorPoliciesProps) {
    super(scope, id);
    const statements = operatorStatements(props.resources);
    const policy = (operation: OperatorOperation) =>
      new IamPolicy(this, operation.charAt(0).toUpperCase() + operation.slice(1), {
        name: operatorPolicyName(props.baseName, operation),
        description: `What sales-lake ${operation} needs on ${props.baseName}`,
        policy: policyDocument(statements[operation]),
      });
    this.policies = Object.fromEntries(
      OPERATOR_OPERATIONS.map((operation) => [operation, policy(operation)]),
    ) as Record<OperatorOperation, IamPolicy>;
  }
}
