import 'cdktf/lib/testing/adapters/jest';
import { PipesPipe } from '@cdktf/provider-aws/lib/pipes-pipe';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { ChangePipe, type ChangePipeProps } from '../constructs/data-path/change-pipe';
import { ChangeStream } from '../constructs/data-path/change-stream';
import { PIPE_PARTITION_KEY } from '@sales/pipeline-spec';
import { SalesTable } from '../constructs/data-path/sales-table';
import { TEST_AWS, TEST_KEY_ARN, roleStatements } from './helpers/context';

function pipe(scope: Construct, props: Partial<ChangePipeProps> = {}): ChangePipe {
  const table = new SalesTable(scope, 'Table', { tableName: 'orders', kmsKeyArn: TEST_KEY_ARN }).table;
  const target = new ChangeStream(scope, 'Stream', { streamName: 'changes', kmsKeyArn: TEST_KEY_ARN }).stream;
  return new ChangePipe(scope, 'Pipe', {
    baseName: 'sales-test',
    aws: TEST_AWS,
    table,
    target,
    kmsKeyArn: TEST_KEY_ARN,
    logRetentionDays: 14,
    ...props,
  });
}

describe('ChangePipe', () => {
  const synthesized = Testing.synthScope((scope) => pipe(scope));

  test('Test default behaviors: explicit start, small batches, bounded retries, bisect, DLQ, ERROR logs', () => {
    expect(synthesized).toHaveResourceWithProperties(PipesPipe, {
      name: 'sales-test-changes',
      source_parameters: {
        dynamodb_stream_parameters: {
          starting_position: 'TRIM_HORIZON',
          batch_size: 100,
          maximum_batching_window_in_seconds: 1,
          maximum_retry_attempts: 10,
          maximum_record_age_in_seconds: 21600,
          on_partial_batch_item_failure: 'AUTOMATIC_BISECT',
          dead_letter_config: {
            arn: expect.stringMatching(/^\$\{aws_sqs_queue\.Pipe_DeadLetterQueue_[A-F0-9]+\.arn\}$/),
          },
        },
      },
      target_parameters: { kinesis_stream_parameters: { partition_key: '$.dynamodb.Keys.order_id.S' } },
      log_configuration: {
        level: 'ERROR',
        cloudwatch_logs_log_destination: {
          log_group_arn: expect.stringMatching(/aws_cloudwatch_log_group\.Pipe_LogGroup_/),
        },
      },
    });
  });

  test('keys Kinesis records by order id so one order stays on one shard', () => {
    expect(PIPE_PARTITION_KEY).toBe('$.dynamodb.Keys.order_id.S');
  });

  test('encrypts the dead-letter queue with the key and keeps messages 14 days', () => {
    expect(synthesized).toHaveResourceWithProperties(SqsQueue, {
      name: 'sales-test-pipe-dlq',
      kms_master_key_id: TEST_KEY_ARN,
      message_retention_seconds: 1209600,
    });
  });

  test('lets the role use the key through Kinesis and SQS only', () => {
    const statements = roleStatements(synthesized, 'sales-test-pipe');
    const via = (sid: string) => statements.find((s) => s.Sid === sid)?.Condition;
    expect(via('EncryptChangeRecords')).toEqual({
      StringEquals: { 'kms:ViaService': ['kinesis.eu-west-1.amazonaws.com'] },
    });
    expect(via('UseKeyForDeadLetters')).toEqual({
      StringEquals: { 'kms:ViaService': ['sqs.eu-west-1.amazonaws.com'] },
    });
  });

  test('lets the role read the table stream, write the stream and the DLQ, and nothing else', () => {
    const statements = roleStatements(synthesized, 'sales-test-pipe');
    expect(statements.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
      [
        'ReadTableStream',
        ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        [expect.stringMatching(/aws_dynamodb_table\.Table_[A-F0-9]+\.stream_arn/)],
      ],
      ['ListTableStreams', ['dynamodb:ListStreams'], ['*']],
      [
        'WriteChangeStream',
        ['kinesis:PutRecord', 'kinesis:PutRecords'],
        [expect.stringMatching(/aws_kinesis_stream\.Stream_[A-F0-9]+\.arn/)],
      ],
      [
        'SendToDeadLetterQueue',
        ['sqs:SendMessage'],
        [expect.stringMatching(/aws_sqs_queue\.Pipe_DeadLetterQueue_[A-F0-9]+\.arn/)],
      ],
      ['EncryptChangeRecords', ['kms:GenerateDataKey'], [TEST_KEY_ARN]],
      ['UseKeyForDeadLetters', ['kms:Decrypt', 'kms:GenerateDataKey'], [TEST_KEY_ARN]],
      [
        'WriteOwnLogs',
        ['logs:CreateLogStream', 'logs:PutLogEvents'],
        [expect.stringMatching(/aws_cloudwatch_log_group\.Pipe_LogGroup_[A-F0-9]+\.arn\}:\*$/)],
      ],
    ]);
  });

  test('uses the configured batching and retry settings', () => {
    const custom = Testing.synthScope((scope) =>
      pipe(scope, { batchSize: 500, batchingWindowSeconds: 0, maximumRetryAttempts: 0, maximumRecordAgeSeconds: 60 }),
    );
    const parameters = (Object.values(JSON.parse(custom).resource.aws_pipes_pipe)[0] as any).source_parameters
      .dynamodb_stream_parameters;
    expect(parameters).toMatchObject({
      batch_size: 500,
      maximum_batching_window_in_seconds: 0,
      maximum_retry_attempts: 0,
      maximum_record_age_in_seconds: 60,
    });
  });

  test.each([
    [{ batchSize: 501 }, 'batchSize must be between 1 and 500, received 501'],
    [{ batchingWindowSeconds: 301 }, 'batchingWindowSeconds must be between 0 and 300, received 301'],
    [{ maximumRetryAttempts: -1 }, 'maximumRetryAttempts must be between 0 and 10000, received -1'],
    [{ maximumRecordAgeSeconds: 86400 }, 'maximumRecordAgeSeconds must be between 60 and 86399, received 86400'],
  ])('rejects %p', (props, message) => {
    expect(() => Testing.synthScope((scope) => pipe(scope, props))).toThrow(message);
  });
});
