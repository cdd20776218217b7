import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { alarmDefinitions, type MonitoredResources } from './alarm-definitions';

/** Props for {@link PipelineAlarms}. */
export interface PipelineAlarmsProps {
  /** `<prefix>-<environment>`: names the topic and the alarms. */
  readonly baseName: string;
  /** KMS key ARN that encrypts the topic. */
  readonly kmsKeyArn: string;
  /** What the alarms watch. */
  readonly resources: MonitoredResources;
  /** Address subscribed to the topic (it must confirm). @defaultValue - no subscription */
  readonly alarmEmail?: string | undefined;
  /**
   * Warn at synth (cdktf `Annotations`) when no {@link alarmEmail} is set: alarms would notify a topic
   * nobody reads. The stack sets it for prod.
   * @defaultValue false
   */
  readonly warnWithoutSubscription?: boolean;
}

/**
 * The synth-time warning for alarms that reach nobody.
 *
 * @param topicName - the alarm topic's name
 * @returns the warning text: what is wrong and the two ways to subscribe
 */
export function noSubscriptionWarning(topicName: string): string {
  return (
    `alarm topic ${topicName} has no subscription, so no one receives the alarms: set SALES_PROD_ALARM_EMAIL=<address> ` +
    `and confirm the e-mail AWS Notifications sends, or subscribe to the topic (output alarm_topic_arn) and confirm (docs/infrastructure.md, "Deploy checklist")`
  );
}

/** An encrypted SNS topic and the alarms that notify it, on alarm and on recovery. */
export class PipelineAlarms extends Construct {
  /** The topic. */
  readonly topic: SnsTopic;
  /** The alarms, in pipeline order. */
  readonly alarms: CloudwatchMetricAlarm[];

  constructor(scope: Construct, id: string, props: PipelineAlarmsProps) {
    super(scope, id);
    this.topic = new SnsTopic(this, 'Topic', { name: `${props.baseName}-alarms`, kmsMasterKeyId: props.kmsKeyArn });
    if (props.alarmEmail !== undefined) {
      new SnsTopicSubscription(this, 'EmailSubscription', {
        topicArn: this.topic.arn,
        protocol: 'email',
        endpoint: props.alarmEmail,
      });
    } else if (props.warnWithoutSubscription === true) {
      Annotations.of(this).addWarning(noSubscriptionWarning(`${props.baseName}-alarms`));
    }
    this.alarms = alarmDefinitions(props.resources).map(
      (alarm) =>
        new CloudwatchMetricAlarm(this, alarm.id, {
          alarmName: `${props.baseName}-${alarm.id}`,
          alarmDescription: alarm.description,
          namespace: alarm.namespace,
          metricName: alarm.metricName,
          dimensions: { ...alarm.dimensions },
          statistic: alarm.statistic,
          comparisonOperator: alarm.comparisonOperator,
          threshold: alarm.threshold,
          period: alarm.periodSeconds,
          evaluationPeriods: alarm.evaluationPeriods,
          treatMissingData: alarm.treatMissingData ?? 'notBreaching',
          alarmActions: [this.topic.arn],
          okActions: [this.topic.arn],
        }),
    );
  }
}
