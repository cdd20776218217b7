import 'cdktf/lib/testing/adapters/jest';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { ChangeStream } from '../constructs/data-path/change-stream';
import { DeliveryStream, type DeliveryStreamProps } from '../constructs/data-path/delivery-stream';
import { PROCESSOR_DEFAULTS, processorParameters } from '@sales/pipeline-spec';
import { SecureBucket } from '../constructs/data-path/secure-bucket';
import { TransformFunction } from '../constructs/data-path/transform-function';
import { TEST_AWS, TEST_KEY_ARN, roleStatements } from './helpers/context';
import { FIXTURE_BUNDLE } from './helpers/pipeline';

function delivery(scope: Construct, props: Partial<DeliveryStreamProps> = {}): DeliveryStream {
  const source = new ChangeStream(scope, 'Stream', { streamName: 'changes', kmsKeyArn: TEST_KEY_ARN }).stream;
  const transform = new TransformFunction(scope, 'Transform', {
    functionName: 'fn',
    aws: TEST_AWS,
    bundle: FIXTURE_BUNDLE,
    kmsKeyArn: TEST_KEY_ARN,
    logRetentionDays: 14,
  }).function;
  const bucket = new SecureBucket(scope, 'Lake', { bucketName: 'lake', kmsKeyArn: TEST_KEY_ARN }).bucket;
  return new DeliveryStream(scope, 'Delivery', {
    baseName: 'sales-test',
    deliveryStreamName: 'sales-test-lake',
    aws: TEST_AWS,
    source,
    transform,
    bucket,
    kmsKeyArn: TEST_KEY_ARN,
    logRetentionDays: 14,
    ...props,
  });
}

function extendedS3(synthesized: string): any {
  return (Object.values(JSON.parse(synthesized).resource.aws_kinesis_firehose_delivery_stream)[0] as any)
    .extended_s3_configuration;
}

describe('DeliveryStream', () => {
  const synthesized = Testing.synthScope((scope) => delivery(scope));

  test('Test default behaviors: Kinesis source, extended S3, 60 s / 64 MiB buffers, GZIP .json.gz, KMS', () => {
    expect(synthesized).toHaveResourceWithProperties(KinesisFirehoseDeliveryStream, {
      name: 'sales-test-lake',
      destination: 'extended_s3',
      kinesis_source_configuration: expect.objectContaining({
        kinesis_stream_arn: expect.stringMatching(/aws_kinesis_stream\.Stream_[A-F0-9]+\.arn/),
      }),
    });
    expect(extendedS3(synthesized)).toMatchObject({
      buffering_interval: 60,
      buffering_size: 64,
      compression_format: 'GZIP',
      file_extension: '.json.gz',
      kms_key_arn: TEST_KEY_ARN,
      dynamic_partitioning_configuration: { enabled: true },
      cloudwatch_logging_options: {
        enabled: true,
        log_group_name: expect.stringMatching(/Delivery_LogGroup/),
        log_stream_name: expect.stringMatching(/Delivery_DeliveryLogStream/),
      },
    });
  });

  test('writes Hive-style partitions from the Lambda keys and errors outside the data prefix', () => {
    const s3 = extendedS3(synthesized);
    expect(s3.prefix).toBe(
      'sales/year=!{partitionKeyFromLambda:year}/month=!{partitionKeyFromLambda:month}/day=!{partitionKeyFromLambda:day}/hour=!{partitionKeyFromLambda:hour}/',
    );
    expect(s3.error_output_prefix).toBe(
      'errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/',
    );
  });

  test('calls the transform Lambda and declares only non-default processor parameters', () => {
    const [processor] = extendedS3(synthesized).processing_configuration.processors;
    expect(processor.type).toBe('Lambda');
    expect(processor.parameters).toEqual([
      {
        parameter_name: 'LambdaArn',
        parameter_value: expect.stringMatching(
          /^\$\{aws_lambda_function\.Transform_Function_[A-F0-9]+\.arn\}:\$LATEST$/,
        ),
      },
      { parameter_name: 'BufferSizeInMBs', parameter_value: '3' },
      { parameter_name: 'BufferIntervalInSeconds', parameter_value: '5' },
    ]);
  });

  test('scopes the role to the stream, the function, the two lake prefixes, the key and its log group', () => {
    const statements = roleStatements(synthesized, 'sales-test-firehose');
    expect(statements.map((s) => s.Sid)).toEqual([
      'ReadChangeStream',
      'InvokeTransform',
      'LocateLakeBucket',
      'WriteLakeObjects',
      'DecryptChangeStream',
      'UseKeyForLake',
      'WriteOwnLogs',
    ]);
    const writes = statements.find((s) => s.Sid === 'WriteLakeObjects');
    expect(writes?.Resource).toEqual([
      expect.stringMatching(/\.arn\}\/sales\/\*$/),
      expect.stringMatching(/\.arn\}\/errors\/\*$/),
    ]);
    expect(statements.find((s) => s.Sid === 'DecryptChangeStream')?.Condition).toEqual({
      StringEquals: { 'kms:ViaService': ['kinesis.eu-west-1.amazonaws.com'] },
    });
    expect(statements.find((s) => s.Sid === 'UseKeyForLake')?.Condition).toEqual({
      StringEquals: { 'kms:ViaService': ['s3.eu-west-1.amazonaws.com'] },
    });
    expect(statements.find((s) => s.Sid === 'InvokeTransform')?.Resource).toEqual([
      expect.stringMatching(/^\$\{aws_lambda_function\.Transform_Function_[A-F0-9]+\.arn\}$/),
      expect.stringMatching(/^\$\{aws_lambda_function\.Transform_Function_[A-F0-9]+\.arn\}:\*$/),
    ]);
  });

  test.each([
    [{ bufferSizeMiB: 32 }, 'bufferSizeMiB must be between 64 and 128, received 32'],
    [{ bufferIntervalSeconds: 0 }, 'bufferIntervalSeconds must be between 60 and 900, received 0'],
    [{ bufferIntervalSeconds: 59 }, 'bufferIntervalSeconds must be between 60 and 900, received 59'],
    [{ lambdaBufferSizeMB: 4 }, 'lambdaBufferSizeMB must be between 0.2 and 3, received 4'],
  ])('rejects %p', (props, message) => {
    expect(() => Testing.synthScope((scope) => delivery(scope, props))).toThrow(message);
  });
});

describe('processorParameters', () => {
  test('leaves out every value equal to the Firehose default, which would cause a perpetual diff', () => {
    expect(
      processorParameters({
        lambdaArn: 'arn',
        bufferSizeMB: PROCESSOR_DEFAULTS.BufferSizeInMBs,
        bufferIntervalSeconds: PROCESSOR_DEFAULTS.BufferIntervalInSeconds,
        numberOfRetries: PROCESSOR_DEFAULTS.NumberOfRetries,
      }),
    ).toEqual([{ parameterName: 'LambdaArn', parameterValue: 'arn' }]);
  });

  test('declares non-default values as strings', () => {
    expect(
      processorParameters({ lambdaArn: 'arn', bufferSizeMB: 0.5, bufferIntervalSeconds: 0, numberOfRetries: 5 }),
    ).toEqual([
      { parameterName: 'LambdaArn', parameterValue: 'arn' },
      { parameterName: 'BufferSizeInMBs', parameterValue: '0.5' },
      { parameterName: 'BufferIntervalInSeconds', parameterValue: '0' },
      { parameterName: 'NumberOfRetries', parameterValue: '5' },
    ]);
  });
});
