import type { AwsContext } from '@sales/pipeline-spec';

/** Literal account, region and partition for construct tests (stacks use data-source tokens for account and partition). */
export const TEST_AWS: AwsContext = { accountId: '123456789012', region: 'eu-west-1', partition: 'aws' };

/** A literal KMS key ARN for construct tests. */
export const TEST_KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555';

/** Parse the statements of the first `aws_iam_role_policy` whose name ends with `roleSuffix`. */
export function roleStatements(
  synthesized: string,
  roleSuffix: string,
): Array<{ Sid: string; Action: string[]; Resource: string[]; Condition?: unknown }> {
  const json = JSON.parse(synthesized) as {
    resource: Record<string, Record<string, { name: string; policy: string }>>;
  };
  const policy = Object.values(json.resource['aws_iam_role_policy'] ?? {}).find((p) =>
    p.name.endsWith(`${roleSuffix}-policy`),
  );
  if (policy === undefined) throw new Error(`no role policy ending with ${roleSuffix}`);
  return (JSON.parse(policy.policy) as { Statement: Array<{ Sid: string; Action: string[]; Resource: string[] }> })
    .Statement;
}
