/**
 * The shape of one alarm, as plain data: what the alarm definitions (`alarms/alarm-definitions.ts`) and the
 * current-state alarms produce, and what the alarms construct turns into CloudWatch metric alarms. Its own file, so
 * the folders that define alarms import it without a cycle.
 */

/** One alarm. */
export interface AlarmDefinition {
  /** Construct id and alarm-name suffix. */
  readonly id: string;
  /** What went wrong, for the person who gets the notification. */
  readonly description: string;
  /** CloudWatch namespace, e.g. `AWS/Kinesis`. */
  readonly namespace: string;
  /** Metric name, e.g. `GetRecords.IteratorAgeMilliseconds`. */
  readonly metricName: string;
  /** Metric dimensions, e.g. `{ StreamName: 'sales-dev-changes' }`. */
  readonly dimensions: Readonly<Record<string, string>>;
  /** Statistic compared with the threshold. */
  readonly statistic: 'Sum' | 'Maximum' | 'Minimum' | 'Average' | 'SampleCount';
  /** How the statistic is compared with the threshold. */
  readonly comparisonOperator: 'GreaterThanThreshold' | 'LessThanThreshold';
  /** Threshold, in the metric's unit. */
  readonly threshold: number;
  /** Evaluation period, in seconds. */
  readonly periodSeconds: number;
  /** Periods that must breach before the alarm fires. */
  readonly evaluationPeriods: number;
  /**
   * How a period without data counts.
   * @defaultValue 'notBreaching'
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-missing-data
   */
  readonly treatMissingData?: 'notBreaching' | 'breaching' | 'ignore' | 'missing';
}
