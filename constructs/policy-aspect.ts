import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import { trustPolicyViolations } from './trust-conditions';

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** Resolve tokens to their Terraform text (e.g. `${aws_s3_bucket.x.id}`), to compare references. */
function resolveIn(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, { scope, resolver: RESOLVER });
}

/**
 * Policy as code, checked at synth time: every bucket is encrypted and blocks public access, no IAM
 * policy allows a wildcard action, every log group has a retention. Each violation becomes a
 * validation error on the offending construct, so `cdktf synth` (and `Testing.synth(stack, true)`)
 * fails before writing the stack, with messages like
 * `[sales-dev/Lake/Bucket] bucket has no public access block (S3BucketPublicAccessBlock with all four settings true)`.
 *
 * @example
 * ```ts
 * Aspects.of(stack).add(new PolicyAspect());
 * ```
 */
export class PolicyAspect implements IAspect {
  /** Adds the checks that apply to `node` as validations on it. */
  visit(node: IConstruct): void {
    if (node instanceof S3Bucket) {
      node.node.addValidation({ validate: () => bucketViolations(node) });
    } else if (node instanceof IamRolePolicy || node instanceof IamPolicy) {
      node.node.addValidation({ validate: () => wildcardActions(node.policyInput ?? '') });
    } else if (node instanceof IamRole) {
      node.node.addValidation({ validate: () => [...inlinePolicyViolations(node), ...trustPolicyViolations(node.assumeRolePolicyInput ?? '')] });
    } else if (node instanceof CloudwatchLogGroup) {
      node.node.addValidation({
        validate: () => {
          const days = node.retentionInDaysInput;
          return typeof days === 'number' && days > 0 ? [] : ['log group has no retention (set retention_in_days)'];
        },
      });
    }
  }
}

/**
 * Actions an IAM policy document allows with a wildcard (`*`, `s3:*`, `kms:Get*`) or through `NotAction`.
 *
 * @param policy - the policy JSON text (ARNs may be Terraform tokens)
 * @returns one message per offending action; a policy that is not literal JSON is an error too
 * @example
 * ```ts
 * wildcardActions('{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}');
 * //=> ['policy allows wildcard action "s3:*"']
 * ```
 */
export function wildcardActions(policy: string): string[] {
  let document: { Statement?: unknown };
  try {
    document = JSON.parse(policy) as { Statement?: unknown };
  } catch {
    return ['policy is not literal JSON, so it cannot be checked for wildcard actions'];
  }
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const messages: string[] = [];
  for (const statement of statements as Array<Record<string, unknown> | undefined>) {
    if (statement === undefined || statement['Effect'] !== 'Allow') continue;
    if (statement['NotAction'] !== undefined) messages.push('policy allows actions through NotAction');
    const actions = ([] as unknown[]).concat(statement['Action'] ?? []);
    for (const action of actions) {
      if (typeof action !== 'string' || action.includes('*')) messages.push(`policy allows wildcard action ${JSON.stringify(action)}`);
    }
  }
  return messages;
}

function inlinePolicyViolations(role: IamRole): string[] {
  const inline = resolveIn(role, role.inlinePolicyInput) as Array<{ policy?: string }> | undefined;
  return (inline ?? []).flatMap((entry) => (entry.policy === undefined ? [] : wildcardActions(entry.policy)));
}

function bucketViolations(bucket: S3Bucket): string[] {
  const references = new Set([resolveIn(bucket, bucket.id), resolveIn(bucket, bucket.bucket)]);
  const constructs = TerraformStack.of(bucket).node.findAll();
  const refersToBucket = (value: string | undefined) => references.has(resolveIn(bucket, value));
  const encryption = constructs.find(
    (c): c is S3BucketServerSideEncryptionConfigurationA => c instanceof S3BucketServerSideEncryptionConfigurationA && refersToBucket(c.bucketInput),
  );
  const publicAccessBlock = constructs.find(
    (c): c is S3BucketPublicAccessBlock => c instanceof S3BucketPublicAccessBlock && refersToBucket(c.bucketInput),
  );
  const messages: string[] = [];
  if (encryption === undefined) messages.push('bucket has no encryption (S3BucketServerSideEncryptionConfigurationA)');
  const blocksAll =
    publicAccessBlock !== undefined &&
    [publicAccessBlock.blockPublicAclsInput, publicAccessBlock.blockPublicPolicyInput, publicAccessBlock.ignorePublicAclsInput, publicAccessBlock.restrictPublicBucketsInput].every(
      (setting) => setting === true,
    );
  if (!blocksAll) messages.push('bucket has no public access block (S3BucketPublicAccessBlock with all four settings true)');
  return messages;
}
