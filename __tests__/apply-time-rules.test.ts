import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import {
  KinesisFirehoseDeliveryStream,
  type KinesisFirehoseDeliveryStreamExtendedS3Configuration,
} from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import type { TerraformStack } from 'cdktf';
import { assumeRolePolicy } from '../constructs/security/iam';
import { SERVICE_TRUST, trustPolicyViolations } from '../constructs/security/trust-conditions';
import { bucketNameViolations } from '../constructs/security/apply-time-rules';
import { SecureBucket } from '../constructs/data-path/secure-bucket';
import { TEST_KEY_ARN } from './helpers/context';
import { synthChecked } from './helpers/synth-checked';
import { trustFor } from './helpers/trust-policy';

// Rules AWS enforces at apply time, which `terraform validate` cannot see: each builds a bad stack and
// expects the synth to fail, naming the construct and the rule.

describe('trust policies use the condition keys their service documents', () => {
  test.each(Object.keys(SERVICE_TRUST))('accepts the trust policy assumeRolePolicy writes for %s', (service) => {
    expect(trustPolicyViolations(assumeRolePolicy(service, '123456789012'))).toEqual([]);
    expect(() =>
      synthChecked(
        (stack) => new IamRole(stack, 'Role', { assumeRolePolicy: assumeRolePolicy(service, '123456789012') }),
      ),
    ).not.toThrow();
  });

  test('names the source resource for a service that documents aws:SourceArn, and refuses it for one that does not', () => {
    const group = 'arn:aws:scheduler:eu-west-1:123456789012:schedule-group/sales-dev-current-state';
    const policy = assumeRolePolicy('scheduler.amazonaws.com', '123456789012', group);
    expect(JSON.parse(policy).Statement[0].Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '123456789012', 'aws:SourceArn': group },
    });
    expect(trustPolicyViolations(policy)).toEqual([]);
    expect(() => assumeRolePolicy('glue.amazonaws.com', '123456789012', group)).toThrow(
      `glue.amazonaws.com documents no aws:SourceArn condition, received sourceArn ${group}`,
    );
  });

  test.each([
    [
      'glue.amazonaws.com',
      { StringEquals: { 'aws:SourceAccount': '123456789012' } },
      /\[checked\/GlueRole\] trust policy for glue\.amazonaws\.com uses condition key aws:SourceAccount, which it does not document \(documented: none/,
    ],
    [
      'firehose.amazonaws.com',
      { StringEquals: { 'aws:SourceAccount': '123456789012' } },
      /\[checked\/GlueRole\] trust policy for firehose\.amazonaws\.com uses condition key aws:SourceAccount.*documented: sts:ExternalId/,
    ],
    [
      'firehose.amazonaws.com',
      undefined,
      /\[checked\/GlueRole\] trust policy for firehose\.amazonaws\.com lacks its documented confused-deputy condition sts:ExternalId/,
    ],
    [
      'pipes.amazonaws.com',
      { StringEquals: { 'sts:ExternalId': '123456789012' } },
      /trust policy for pipes\.amazonaws\.com uses condition key sts:ExternalId/,
    ],
    [
      'ecs-tasks.amazonaws.com',
      undefined,
      /trust policy names service ecs-tasks\.amazonaws\.com, whose documented condition keys are not recorded/,
    ],
    [
      'states.amazonaws.com',
      undefined,
      /trust policy for states\.amazonaws\.com lacks its documented confused-deputy condition aws:SourceAccount/,
    ],
    [
      'scheduler.amazonaws.com',
      { StringEquals: { 'aws:SourceAccount': '123456789012', 'sts:ExternalId': '123456789012' } },
      /trust policy for scheduler\.amazonaws\.com uses condition key sts:ExternalId/,
    ],
  ] as const)('fails the synth for %s with %j', (service, condition, message) => {
    expect(() =>
      synthChecked((stack) => new IamRole(stack, 'GlueRole', { assumeRolePolicy: trustFor(service, condition) })),
    ).toThrow(message);
  });
});

/** A Firehose stream with dynamic partitioning, built directly (bypassing DeliveryStream's own checks). */
function rawFirehose(stack: TerraformStack, s3: Partial<KinesisFirehoseDeliveryStreamExtendedS3Configuration>): void {
  new KinesisFirehoseDeliveryStream(stack, 'Firehose', {
    name: 'f',
    destination: 'extended_s3',
    extendedS3Configuration: {
      roleArn: 'arn:aws:iam::123456789012:role/r',
      bucketArn: 'arn:aws:s3:::b',
      bufferingInterval: 60,
      bufferingSize: 64,
      dynamicPartitioningConfiguration: { enabled: true },
      ...s3,
    },
  });
}

const lambdaProcessor = (parameters: Array<[string, string]>) => ({
  enabled: true,
  processors: [
    {
      type: 'Lambda',
      parameters: parameters.map(([parameterName, parameterValue]) => ({ parameterName, parameterValue })),
    },
  ],
});

describe('Firehose with dynamic partitioning buffers 60-900 s and 64-128 MiB', () => {
  test('accepts 60 s and 64 MiB with a Lambda processor in range', () => {
    expect(() =>
      synthChecked((stack) =>
        rawFirehose(stack, {
          processingConfiguration: lambdaProcessor([
            ['LambdaArn', 'arn:aws:lambda:eu-west-1:123456789012:function:f:$LATEST'],
            ['BufferSizeInMBs', '3'],
          ]),
        }),
      ),
    ).not.toThrow();
  });

  test.each([
    [
      { bufferingInterval: 30 },
      /\[checked\/Firehose\] dynamic partitioning needs buffering_interval between 60 and 900 seconds, received 30 \(no zero buffering/,
    ],
    [
      { bufferingInterval: 0 },
      /\[checked\/Firehose\] dynamic partitioning needs buffering_interval between 60 and 900 seconds, received 0/,
    ],
    [
      { bufferingSize: 5 },
      /\[checked\/Firehose\] dynamic partitioning needs buffering_size between 64 and 128 MiB, received 5/,
    ],
    [
      { bufferingSize: undefined },
      /received 5 \(see https:\/\/docs\.aws\.amazon\.com\/firehose\/latest\/dev\/buffering\.html\)/,
    ],
  ])('fails the synth for %p', (s3, message) => {
    expect(() => synthChecked((stack) => rawFirehose(stack, s3 as Parameters<typeof rawFirehose>[1]))).toThrow(message);
  });

  test('accepts zero buffering without dynamic partitioning, as the low-latency path uses it', () => {
    expect(() =>
      synthChecked((stack) =>
        rawFirehose(stack, {
          bufferingInterval: 0,
          bufferingSize: 5,
          dynamicPartitioningConfiguration: { enabled: false },
        }),
      ),
    ).not.toThrow();
  });

  test('refuses zero buffering with dynamic partitioning, which AWS does not offer', () => {
    expect(() => synthChecked((stack) => rawFirehose(stack, { bufferingInterval: 0 }))).toThrow(
      /received 0 \(no zero buffering; see https:\/\/docs\.aws\.amazon\.com\/firehose\/latest\/dev\/buffering\.html\)/,
    );
  });

  test.each([
    [
      { bufferingInterval: 901 },
      /\[checked\/Firehose\] buffering_interval must be between 0 and 900 seconds, received 901/,
    ],
    [{ bufferingSize: 129 }, /\[checked\/Firehose\] buffering_size must be between 1 and 128 MiB, received 129/],
    [
      { bufferingSize: 0 },
      /buffering_size must be between 1 and 128 MiB, received 0 \(see https:\/\/docs\.aws\.amazon\.com\/firehose\/latest\/APIReference\/API_BufferingHints\.html\)/,
    ],
  ])('refuses %p without dynamic partitioning, outside the API ranges', (s3, message) => {
    expect(() =>
      synthChecked((stack) =>
        rawFirehose(stack, {
          bufferingInterval: 0,
          bufferingSize: 5,
          dynamicPartitioningConfiguration: { enabled: false },
          ...s3,
        }),
      ),
    ).toThrow(message);
  });
});

describe("Lambda processor parameters stay within Firehose's documented ranges", () => {
  const arn: [string, string] = ['LambdaArn', 'arn:aws:lambda:eu-west-1:123456789012:function:f:$LATEST'];
  test.each([
    [
      [arn, ['BufferSizeInMBs', '4']],
      /\[checked\/Firehose\] Lambda processor BufferSizeInMBs must be between 0\.2 and 3, received 4/,
    ],
    [[arn, ['BufferSizeInMBs', '0.1']], /BufferSizeInMBs must be between 0\.2 and 3, received 0\.1/],
    [
      [arn, ['BufferIntervalInSeconds', '901']],
      /\[checked\/Firehose\] Lambda processor BufferIntervalInSeconds must be between 0 and 900, received 901/,
    ],
    [
      [arn, ['NumberOfRetries', '301']],
      /\[checked\/Firehose\] Lambda processor NumberOfRetries must be between 0 and 300, received 301/,
    ],
    [[arn, ['BufferIntervalInSeconds', '-1']], /BufferIntervalInSeconds must be between 0 and 900, received -1/],
    [[['BufferSizeInMBs', '1']], /\[checked\/Firehose\] Lambda processor has no LambdaArn parameter/],
  ] as Array<[Array<[string, string]>, RegExp]>)('fails the synth for %j', (parameters, message) => {
    expect(() =>
      synthChecked((stack) => rawFirehose(stack, { processingConfiguration: lambdaProcessor(parameters) })),
    ).toThrow(message);
  });
});

describe('bucket names avoid what S3 reserves', () => {
  test.each([
    ['xn--lake', /\[checked\/Lake\/Bucket\] bucket name "xn--lake" starts with the reserved prefix "xn--"/],
    ['sthree-lake', /\[checked\/Lake\/Bucket\] bucket name "sthree-lake" starts with the reserved prefix "sthree-"/],
    ['amzn-s3-demo-lake', /starts with the reserved prefix "amzn-s3-demo-"/],
    ['lake--x-s3', /\[checked\/Lake\/Bucket\] bucket name "lake--x-s3" ends with the reserved suffix "--x-s3"/],
    ['lake-s3alias', /ends with the reserved suffix "-s3alias"/],
    ['lake..data', /has two adjacent periods/],
    [`l${'a'.repeat(63)}`, /is longer than 63 characters/],
  ])('fails the synth for %s', (bucketName, message) => {
    expect(() =>
      synthChecked((stack) => new SecureBucket(stack, 'Lake', { bucketName, kmsKeyArn: TEST_KEY_ARN })),
    ).toThrow(message);
  });

  test('judges only the literal parts of a name with references', () => {
    expect(bucketNameViolations('sales-dev-lake-${data.aws_caller_identity.a.account_id}-eu-west-1')).toEqual([]);
    expect(bucketNameViolations('xn--dev-lake-${data.aws_caller_identity.a.account_id}')).toHaveLength(1);
  });
});

describe('lifecycle transitions respect S3 minimum ages', () => {
  test('fails the synth for a Standard-IA transition before 30 days, naming the rule', () => {
    expect(() =>
      synthChecked(
        (stack) =>
          new SecureBucket(stack, 'Lake', {
            bucketName: 'lake',
            kmsKeyArn: TEST_KEY_ARN,
            lifecycleRules: [
              {
                id: 'early',
                status: 'Enabled',
                filter: [{ prefix: 'x/' }],
                transition: [{ days: 10, storageClass: 'STANDARD_IA' }],
              },
            ],
          }),
      ),
    ).toThrow(
      /\[checked\/Lake\/Lifecycle\] lifecycle rule "early" moves objects to STANDARD_IA after 10 days; S3 requires at least 30/,
    );
  });
});
