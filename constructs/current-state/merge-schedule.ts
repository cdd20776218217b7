import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule';
import { SchedulerScheduleGroup } from '@cdktf/provider-aws/lib/scheduler-schedule-group';
import type { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import type { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import {
  type AwsContext,
  mergeScheduleExpression,
  mergeScheduleStatements,
  resolveSetting,
  SETTINGS,
} from '@sales/pipeline-spec';
import { Construct } from 'constructs';
import { ServiceRole } from '../security/iam';
import { tlsOnlyQueue } from '../security/tls-only-queue';

/** Props for {@link MergeSchedule}. */
export interface MergeScheduleProps {
  /** `<prefix>-<environment>`: names the schedule, its group, queue and role. */
  readonly baseName: string;
  /** Account, region and partition. */
  readonly aws: AwsContext;
  /** The key the dead-letter queue is encrypted with. */
  readonly kmsKeyArn: string;
  /** The merge state machine the schedule starts. */
  readonly stateMachine: SfnStateMachine;
  /**
   * Minutes between two starts.
   * @defaultValue - {@link SETTINGS.mergeIntervalMinutes}, with its limits; the stack passes `PipelineConfig.mergeIntervalMinutes`
   */
  readonly intervalMinutes?: number;
}

/** Starts a Scheduler gave up on, for 14 days (SQS's maximum), like the pipe's dead-letter queue. */
const DEAD_LETTER_RETENTION_SECONDS = 1209600;

/** Retries of one start before it goes to the dead-letter queue; Scheduler backs off between them. */
const MAXIMUM_RETRY_ATTEMPTS = 3;

/**
 * EventBridge Scheduler starting the merge every interval: a schedule group of its own (the role's trust names it as
 * `aws:SourceArn`, so no other schedule of the account can use the role), no flexible window, and a target that
 * retries a failed start up to {@link MAXIMUM_RETRY_ATTEMPTS} times within one interval (the next start does the same
 * work, so an older one is worth nothing), then sends it to an encrypted, TLS-only dead-letter queue with Scheduler's
 * error attributes. The queue has no alarm of its own: a start lost now and then is made good by the next, and lost
 * starts in a row make `CurrentStateStale` fire; its runbook reads the queue.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-templated.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
 */
export class MergeSchedule extends Construct {
  /** The schedule. */
  readonly schedule: SchedulerSchedule;
  /** Its group. */
  readonly group: SchedulerScheduleGroup;
  /** Starts it gave up on. */
  readonly deadLetterQueue: SqsQueue;

  constructor(scope: Construct, id: string, props: MergeScheduleProps) {
    super(scope, id);
    const interval = resolveSetting('intervalMinutes', props.intervalMinutes, SETTINGS.mergeIntervalMinutes);
    const name = `${props.baseName}-current-state-merge`;
    this.group = new SchedulerScheduleGroup(this, 'Group', { name: `${props.baseName}-current-state` });
    this.deadLetterQueue = tlsOnlyQueue(this, 'DeadLetterQueue', {
      name: `${name}-dlq`,
      kmsMasterKeyId: props.kmsKeyArn,
      messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
    }).queue;
    const role = new ServiceRole(this, 'Role', {
      name: `${name}-schedule`,
      service: 'scheduler.amazonaws.com',
      accountId: props.aws.accountId,
      sourceArn: this.group.arn,
      statements: mergeScheduleStatements({
        aws: props.aws,
        baseName: props.baseName,
        kmsKeyArn: props.kmsKeyArn,
        deadLetterQueueArn: this.deadLetterQueue.arn,
      }),
    });
    this.schedule = new SchedulerSchedule(this, 'Schedule', {
      name,
      groupName: this.group.name,
      description: 'Starts the merge that keeps orders_current',
      scheduleExpression: mergeScheduleExpression(interval),
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: props.stateMachine.arn,
        roleArn: role.role.arn,
        deadLetterConfig: { arn: this.deadLetterQueue.arn },
        retryPolicy: { maximumEventAgeInSeconds: interval * 60, maximumRetryAttempts: MAXIMUM_RETRY_ATTEMPTS },
      },
      dependsOn: [role.policy],
    });
  }
}
