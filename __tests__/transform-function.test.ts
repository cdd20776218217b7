import 'cdktf/lib/testing/adapters/jest';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { Testing } from 'cdktf';
import { TransformFunction, type TransformFunctionProps } from '../constructs/data-path/transform-function';
import { TEST_AWS, TEST_KEY_ARN, roleStatements } from './helpers/context';
import { FIXTURE_BUNDLE } from './helpers/pipeline';

const props: TransformFunctionProps = {
  functionName: 'sales-test-transform',
  aws: TEST_AWS,
  bundle: FIXTURE_BUNDLE,
  kmsKeyArn: TEST_KEY_ARN,
  logRetentionDays: 14,
};

describe('TransformFunction', () => {
  const synthesized = Testing.synthScope((scope) => new TransformFunction(scope, 'Transform', props));

  test('Test default behaviors: Node.js 24 on arm64, index.handler, 256 MB, 120 s', () => {
    expect(synthesized).toHaveResourceWithProperties(LambdaFunction, {
      function_name: 'sales-test-transform',
      runtime: 'nodejs24.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      memory_size: 256,
      timeout: 120,
    });
  });

  test('deploys the zipped bundle from a relative path named after its content hash', () => {
    const fn = Object.values(JSON.parse(synthesized).resource.aws_lambda_function)[0] as Record<string, string>;
    expect(fn['filename']).toBe(`assets/Transform_Bundle_6AA98F70/${FIXTURE_BUNDLE.contentHash}/lambda.zip`);
    expect(fn['source_code_hash']).toBe(FIXTURE_BUNDLE.zipSha256);
  });

  test('writes to its own log group, encrypted, with retention', () => {
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: '/aws/lambda/sales-test-transform',
      retention_in_days: 14,
      kms_key_id: TEST_KEY_ARN,
    });
  });

  test('has a role that can only write its logs', () => {
    expect(roleStatements(synthesized, 'sales-test-transform-lambda')).toEqual([
      {
        Sid: 'WriteOwnLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Transform_LogGroup_[A-F0-9]+\.arn\}:\*$/)],
      },
    ]);
  });

  test.each([
    [{ memoryMiB: 128 }, 'memoryMiB must be between 256 and 10240, received 128'],
    [{ timeoutSeconds: 30 }, 'timeoutSeconds must be between 60 and 300, received 30'],
    [{ timeoutSeconds: 301 }, 'timeoutSeconds must be between 60 and 300, received 301'],
  ])('rejects %p', (override, message) => {
    expect(() =>
      Testing.synthScope((scope) => new TransformFunction(scope, 'Transform', { ...props, ...override })),
    ).toThrow(message);
  });
});
