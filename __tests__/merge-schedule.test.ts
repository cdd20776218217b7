import 'cdktf/lib/testing/adapters/jest';
import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule';
import { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { mergeScheduleExpression } from '@sales/pipeline-spec';
import { MergeSchedule, type MergeScheduleProps } from '../constructs/current-state/merge-schedule';
import { TEST_AWS, TEST_KEY_ARN, roleStatements } from './helpers/context';
import { synthChecked } from './helpers/synth-checked';

function schedule(scope: Construct, props: Partial<MergeScheduleProps> = {}): MergeSchedule {
  const stateMachine = new SfnStateMachine(scope, 'Machine', {
    name: 'sales-test-current-state-merge',
    roleArn: 'arn:aws:iam::123456789012:role/sales-test-current-state-merge',
    definition: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}',
  });
  return new MergeSchedule(scope, 'Schedule', {
    baseName: 'sales-test',
    aws: TEST_AWS,
    kmsKeyArn: TEST_KEY_ARN,
    stateMachine,
    ...props,
  });
}

describe('MergeSchedule', () => {
  const synthesized = synthChecked((stack) => schedule(stack));

  test('Test default behaviors: every 5 minutes on time, retried within one interval, then to the dead-letter queue', () => {
    expect(synthesized).toHaveResourceWithProperties(SchedulerSchedule, {
      name: 'sales-test-current-state-merge',
      group_name: expect.stringMatching(/^\$\{aws_scheduler_schedule_group\.Schedule_Group_[A-F0-9]+\.name\}$/),
      schedule_expression: 'rate(5 minutes)',
      flexible_time_window: { mode: 'OFF' },
      target: {
        arn: '${aws_sfn_state_machine.Machine.arn}',
        role_arn: expect.stringMatching(/^\$\{aws_iam_role\.Schedule_Role_[A-F0-9]+\.arn\}$/),
        dead_letter_config: {
          arn: expect.stringMatching(/^\$\{aws_sqs_queue\.Schedule_DeadLetterQueue_[A-F0-9]+\.arn\}$/),
        },
        retry_policy: { maximum_event_age_in_seconds: 300, maximum_retry_attempts: 3 },
      },
    });
  });

  test.each([
    [1, 'rate(1 minute)'],
    [5, 'rate(5 minutes)'],
    [60, 'rate(60 minutes)'],
  ])('writes %d minutes as %s (singular unit for 1)', (minutes, expression) => {
    expect(mergeScheduleExpression(minutes)).toBe(expression);
    const schedule = Object.values(
      JSON.parse(Testing.synthScope((scope) => void scheduleOf(scope, minutes))).resource.aws_scheduler_schedule,
    )[0] as { schedule_expression: string; target: { retry_policy: Record<string, number> } };
    expect(schedule.schedule_expression).toBe(expression);
    expect(schedule.target.retry_policy['maximum_event_age_in_seconds']).toBe(minutes * 60);
  });
  const scheduleOf = (scope: Construct, intervalMinutes: number) => schedule(scope, { intervalMinutes });

  test('refuses an interval outside 1 to 60 minutes', () => {
    expect(() => Testing.synthScope((scope) => void schedule(scope, { intervalMinutes: 0 }))).toThrow(
      'intervalMinutes must be between 1 and 60, received 0',
    );
  });

  test('encrypts the dead-letter queue with the key, keeps starts 14 days, and refuses plain HTTP', () => {
    expect(synthesized).toHaveResourceWithProperties(SqsQueue, {
      name: 'sales-test-current-state-merge-dlq',
      kms_master_key_id: TEST_KEY_ARN,
      message_retention_seconds: 1209600,
    });
    const policy = Object.values(JSON.parse(synthesized).resource.aws_sqs_queue_policy)[0] as { policy: string };
    expect(JSON.parse(policy.policy).Statement[0]).toMatchObject({
      Effect: 'Deny',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });

  test('trusts EventBridge Scheduler of this account, for schedules of its own group only', () => {
    const role = Object.values(JSON.parse(synthesized).resource.aws_iam_role)[0] as { assume_role_policy: string };
    expect(JSON.parse(role.assume_role_policy).Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Service: 'scheduler.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: {
          'aws:SourceAccount': '123456789012',
          'aws:SourceArn': expect.stringMatching(/^\$\{aws_scheduler_schedule_group\.Schedule_Group_[A-F0-9]+\.arn\}$/),
        },
      },
    });
  });

  test('lets the role start this state machine only, and send to its queue through SQS', () => {
    const statements = roleStatements(synthesized, 'sales-test-current-state-merge-schedule');
    expect(statements.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
      [
        'StartMerge',
        ['states:StartExecution'],
        ['arn:aws:states:eu-west-1:123456789012:stateMachine:sales-test-current-state-merge'],
      ],
      [
        'SendToDeadLetterQueue',
        ['sqs:SendMessage'],
        [expect.stringMatching(/aws_sqs_queue\.Schedule_DeadLetterQueue_/)],
      ],
      ['UseKeyForDeadLetters', ['kms:Decrypt', 'kms:GenerateDataKey'], [TEST_KEY_ARN]],
    ]);
    expect(statements[2]!.Condition).toEqual({ StringEquals: { 'kms:ViaService': ['sqs.eu-west-1.amazonaws.com'] } });
  });
});
