import { PipesPipe } from '@cdktf/provider-aws/lib/pipes-pipe';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { PIPE_RECOVERY, SETTINGS } from '@sales/pipeline-spec';
import { PolicyAspect } from '../constructs/security/policy-aspect';
import { pipeRecoveryViolations } from '../constructs/security/recovery-rules';
import { onlyResource, synthPipeline } from './helpers/pipeline';
import { testApp } from './helpers/test-app';

// A dead-lettered pipe batch holds only shard and sequence numbers: replay must re-read the records from
// the table's stream before its 24 h retention trims them. These tests build pipes that leave no time for
// that and expect the synth to fail, naming the pipe and the rule.

const DLQ = 'arn:aws:sqs:eu-west-1:123456789012:sales-test-pipe-dlq';
const STREAM = 'arn:aws:dynamodb:eu-west-1:123456789012:table/sales-test-orders/stream/2025-01-01T00:00:00.000';

/** A pipe from a DynamoDB stream with the given record age (undefined: not set) and DLQ (null: none), synthesized with the policy aspect. */
function synthPipe(maximumRecordAgeInSeconds: number | undefined, deadLetterQueueArn: string | null = DLQ): string {
  const stack = new TerraformStack(testApp(), 'checked');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new PipesPipe(stack, 'Pipe', {
    name: 'sales-test-changes',
    roleArn: 'arn:aws:iam::123456789012:role/sales-test-pipe',
    source: STREAM,
    target: 'arn:aws:kinesis:eu-west-1:123456789012:stream/sales-test-changes',
    sourceParameters: {
      dynamodbStreamParameters: {
        startingPosition: 'TRIM_HORIZON',
        ...(maximumRecordAgeInSeconds === undefined ? {} : { maximumRecordAgeInSeconds }),
        ...(deadLetterQueueArn === null ? {} : { deadLetterConfig: { arn: deadLetterQueueArn } }),
      },
    },
  });
  Aspects.of(stack).add(new PolicyAspect());
  return Testing.synth(stack, true);
}

describe('a pipe leaves time to replay its dead-letter queue', () => {
  const largest = (PIPE_RECOVERY.streamRetentionHours - PIPE_RECOVERY.minimumReplayHours) * 3600;

  test.each([60, SETTINGS.pipeMaximumRecordAgeSeconds.default, largest])(
    'accepts a maximum record age of %i s',
    (age) => {
      expect(() => synthPipe(age)).not.toThrow();
    },
  );

  test.each([
    [
      largest + 1,
      /\[checked\/Pipe\] pipe maximum_record_age_in_seconds is 43201; at most 43200 leaves 12 h of the stream's 24 h retention/,
    ],
    [86399, /maximum_record_age_in_seconds is 86399; at most 43200/],
    [-1, /maximum_record_age_in_seconds is -1; at most 43200/],
    [undefined, /maximum_record_age_in_seconds is unset \(-1, infinite\)/],
  ])('refuses a maximum record age of %s', (age, message) => {
    expect(() => synthPipe(age)).toThrow(message);
  });

  test('refuses a pipe without a dead-letter queue, and cites the Pipes error-handling page', () => {
    expect(() => synthPipe(3600, null)).toThrow(
      /\[checked\/Pipe\] pipe has no dead-letter queue .*eb-pipes-error-troubleshooting\.html/,
    );
  });

  test('ignores pipes whose source is not a DynamoDB stream', () => {
    expect(pipeRecoveryViolations({ source_parameters: { sqs_queue_parameters: { batch_size: 10 } } })).toEqual([]);
  });

  test('refuses a configured record age that would leave too little time, before writing anything', () => {
    expect(() => synthPipeline('dev', { SALES_PIPE_MAX_RECORD_AGE_SECONDS: '64800' })).toThrow(
      /maximum_record_age_in_seconds is 64800; at most 43200/,
    );
  });
});

describe('the stack keeps dead-lettered batches recoverable', () => {
  const { json } = synthPipeline('prod');

  test('the pipe gives up after 6 h, the dead-letter queue keeps messages 14 days, and an alarm watches it', () => {
    const pipe = onlyResource(json, 'aws_pipes_pipe') as {
      source_parameters: { dynamodb_stream_parameters: Record<string, unknown> };
    };
    expect(pipe.source_parameters.dynamodb_stream_parameters['maximum_record_age_in_seconds']).toBe(6 * 3600);
    const queue = Object.values(json.resource['aws_sqs_queue'] ?? {}).find((q) =>
      String(q['name']).endsWith('-pipe-dlq'),
    );
    expect(queue?.['message_retention_seconds']).toBe(14 * 24 * 3600);
    const alarm = Object.values(json.resource['aws_cloudwatch_metric_alarm'] ?? {}).find((a) =>
      String(a['alarm_name']).endsWith('-DeadLetterQueueNotEmpty'),
    );
    expect(alarm).toMatchObject({
      namespace: 'AWS/SQS',
      metric_name: 'ApproximateNumberOfMessagesVisible',
      threshold: 0,
      comparison_operator: 'GreaterThanThreshold',
    });
    expect(alarm?.['dimensions']).toEqual({ QueueName: expect.stringMatching(/^\$\{aws_sqs_queue\.[^.]+\.name\}$/) });
  });
});
