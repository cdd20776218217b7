import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { PolicyAspect } from '../constructs/policy-aspect';
import { assumeRolePolicy } from '../constructs/iam';
import { SERVICE_TRUST, trustPolicyViolations } from '../constructs/trust-conditions';

// Rules AWS enforces at apply time, which `terraform validate` cannot see: each builds a bad stack and
// expects the synth to fail, naming the construct and the rule.

/** A stack with the policy aspect, built by `build`, synthesized with validations. */
function synthChecked(build: (stack: TerraformStack) => void): string {
  const stack = new TerraformStack(Testing.app(), 'checked');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  build(stack);
  Aspects.of(stack).add(new PolicyAspect());
  return Testing.synth(stack, true);
}

const trustFor = (service: string, condition?: Record<string, Record<string, string>>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }] });

describe('trust policies use the condition keys their service documents', () => {
  test.each(Object.keys(SERVICE_TRUST))('accepts the trust policy assumeRolePolicy writes for %s', (service) => {
    expect(trustPolicyViolations(assumeRolePolicy(service, '123456789012'))).toEqual([]);
    expect(() => synthChecked((stack) => new IamRole(stack, 'Role', { assumeRolePolicy: assumeRolePolicy(service, '123456789012') }))).not.toThrow();
  });

  test.each([
    ['glue.amazonaws.com', { StringEquals: { 'aws:SourceAccount': '123456789012' } }, /\[checked\/GlueRole\] trust policy for glue\.amazonaws\.com uses condition key aws:SourceAccount, which it does not document \(documented: none/],
    ['firehose.amazonaws.com', { StringEquals: { 'aws:SourceAccount': '123456789012' } }, /\[checked\/GlueRole\] trust policy for firehose\.amazonaws\.com uses condition key aws:SourceAccount.*documented: sts:ExternalId/],
    ['firehose.amazonaws.com', undefined, /\[checked\/GlueRole\] trust policy for firehose\.amazonaws\.com lacks its documented confused-deputy condition sts:ExternalId/],
    ['pipes.amazonaws.com', { StringEquals: { 'sts:ExternalId': '123456789012' } }, /trust policy for pipes\.amazonaws\.com uses condition key sts:ExternalId/],
    ['states.amazonaws.com', undefined, /trust policy names service states\.amazonaws\.com, whose documented condition keys are not recorded/],
  ] as const)('fails the synth for %s with %j', (service, condition, message) => {
    expect(() => synthChecked((stack) => new IamRole(stack, 'GlueRole', { assumeRolePolicy: trustFor(service, condition) }))).toThrow(message);
  });
});
