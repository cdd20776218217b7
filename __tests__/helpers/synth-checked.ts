import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { PolicyAspect } from '../../constructs/security/policy-aspect';
import { testApp } from './test-app';

/**
 * A stack `checked` with the AWS provider and the policy aspect, built by `build`, synthesized with validations:
 * throws `[checked/<construct>] <violation>` when a rule fails.
 *
 * @param build - adds the constructs under test to the stack
 * @returns the synthesized stack JSON
 */
export function synthChecked(build: (stack: TerraformStack) => void): string {
  const stack = new TerraformStack(testApp(), 'checked');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  build(stack);
  Aspects.of(stack).add(new PolicyAspect());
  return Testing.synth(stack, true);
}
