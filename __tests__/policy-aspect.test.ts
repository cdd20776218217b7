import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { Aspects, Fn, TerraformStack, Testing } from 'cdktf';
import { createLogGroup } from '../constructs/observability/log-group';
import { PolicyAspect, wildcardActions } from '../constructs/security/policy-aspect';
import { SecureBucket } from '../constructs/data-path/secure-bucket';
import { TEST_KEY_ARN } from './helpers/context';
import { trustFor } from './helpers/trust-policy';

/** A stack with the policy aspect, built by `build`, synthesized with validations. */
function synthChecked(build: (stack: TerraformStack) => void): string {
  const stack = new TerraformStack(Testing.app(), 'checked');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  build(stack);
  Aspects.of(stack).add(new PolicyAspect());
  return Testing.synth(stack, true);
}

const statement = (action: unknown) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: 'arn:aws:s3:::b/*' }],
  });
const trust = trustFor('lambda.amazonaws.com', { StringEquals: { 'aws:SourceAccount': '123456789012' } });

describe('PolicyAspect', () => {
  test('passes a secure bucket, a scoped policy and a log group with retention', () => {
    expect(() =>
      synthChecked((stack) => {
        new SecureBucket(stack, 'Good', { bucketName: 'good', kmsKeyArn: TEST_KEY_ARN });
        const role = new IamRole(stack, 'Role', { assumeRolePolicy: trust });
        new IamRolePolicy(stack, 'Policy', { role: role.id, policy: statement(['s3:GetObject']) });
        createLogGroup(stack, 'Logs', { name: '/x', retentionDays: 14, kmsKeyArn: TEST_KEY_ARN });
      }),
    ).not.toThrow();
  });

  test('fails a bucket without encryption or public access block, naming the construct', () => {
    expect(() => synthChecked((stack) => new S3Bucket(stack, 'Bare', { bucket: 'bare' }))).toThrow(
      /\[checked\/Bare\] bucket has no encryption[\s\S]*\[checked\/Bare\] bucket has no public access block/,
    );
  });

  test('fails a bucket whose public access block leaves one setting off', () => {
    const build = (stack: TerraformStack) => {
      const bucket = new S3Bucket(stack, 'Leaky', { bucket: 'leaky' });
      new S3BucketServerSideEncryptionConfigurationA(stack, 'Sse', {
        bucket: bucket.id,
        rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' } }],
      });
      new S3BucketPublicAccessBlock(stack, 'Pab', {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: false,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
    };
    expect(() => synthChecked(build)).toThrow(/\[checked\/Leaky\] bucket has no public access block/);
    expect(() => synthChecked(build)).not.toThrow(/no encryption/);
  });

  test('does not accept another bucket’s encryption as this bucket’s', () => {
    expect(() =>
      synthChecked((stack) => {
        new SecureBucket(stack, 'Good', { bucketName: 'good', kmsKeyArn: TEST_KEY_ARN });
        new S3Bucket(stack, 'Bare', { bucket: 'bare' });
      }),
    ).toThrow(/\[checked\/Bare\] bucket has no encryption/);
  });

  test('accepts encryption and public access block that refer to the bucket by name', () => {
    expect(() =>
      synthChecked((stack) => {
        const bucket = new S3Bucket(stack, 'ByName', { bucket: 'by-name' });
        new S3BucketServerSideEncryptionConfigurationA(stack, 'Sse', {
          bucket: bucket.bucket,
          rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' } }],
        });
        new S3BucketPublicAccessBlock(stack, 'Pab', {
          bucket: bucket.bucket,
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        });
      }),
    ).not.toThrow();
  });

  test('fails a role policy with a wildcard action', () => {
    expect(() =>
      synthChecked((stack) => {
        const role = new IamRole(stack, 'Role', { assumeRolePolicy: trust });
        new IamRolePolicy(stack, 'Greedy', { role: role.id, policy: statement(['s3:GetObject', 's3:*']) });
      }),
    ).toThrow(/\[checked\/Greedy\] policy allows wildcard action "s3:\*"/);
  });

  test('fails a managed policy and an inline role policy with wildcard actions', () => {
    expect(() => synthChecked((stack) => new IamPolicy(stack, 'Admin', { policy: statement('*') }))).toThrow(
      /\[checked\/Admin\] policy allows wildcard action "\*"/,
    );
    expect(() =>
      synthChecked(
        (stack) =>
          new IamRole(stack, 'Inline', {
            assumeRolePolicy: trust,
            inlinePolicy: [{ name: 'p', policy: statement('kms:Get*') }],
          }),
      ),
    ).toThrow(/\[checked\/Inline\] policy allows wildcard action "kms:Get\*"/);
  });

  test('fails a policy it cannot read', () => {
    expect(() =>
      synthChecked((stack) => {
        const role = new IamRole(stack, 'Role', { assumeRolePolicy: trust });
        new IamRolePolicy(stack, 'Opaque', { role: role.id, policy: Fn.jsonencode({ Statement: [] }) });
      }),
    ).toThrow(/\[checked\/Opaque\] policy is not literal JSON/);
  });

  test('fails a log group without retention', () => {
    expect(() => synthChecked((stack) => new CloudwatchLogGroup(stack, 'Forever', { name: '/forever' }))).toThrow(
      /\[checked\/Forever\] log group has no retention/,
    );
  });
});

describe('wildcardActions', () => {
  test.each([
    [statement('s3:GetObject'), []],
    [statement(['s3:GetObject', 's3:Get*']), ['policy allows wildcard action "s3:Get*"']],
    [JSON.stringify({ Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }), []],
    [
      JSON.stringify({ Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } }),
      ['policy allows actions through NotAction'],
    ],
  ])('%s -> %p', (policy, expected) => {
    expect(wildcardActions(policy)).toEqual(expected);
  });
});
