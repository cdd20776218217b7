import { RECENT_FRESHNESS_TARGET_SECONDS, REJECTED_VALUES_METRIC } from '@sales/pipeline-spec';
import { type CurrentStateMonitoring, currentStateAlarmDefinitions } from '../../current-state/current-state-alarms';
import type { AlarmDefinition } from '../alarm-definition';
import { driftAlarmDefinitions } from './drift-alarms';

/**
 * The pipeline's alarms as plain data, one per failure a person must look at. Pure: the alarms
 * construct turns each into a CloudWatch metric alarm that notifies the alarm topic.
 */

/** The physical names the alarms watch. */
export interface MonitoredResources {
  /** EventBridge pipe name. */
  readonly pipeName: string;
  /** The pipe's SQS dead-letter queue name. */
  readonly deadLetterQueueName: string;
  /** Kinesis stream name. */
  readonly streamName: string;
  /** Firehose delivery stream name. */
  readonly deliveryStreamName: string;
  /** The low-latency path's delivery stream name, when the path is on. @defaultValue - no path, no alarm */
  readonly recentDeliveryStreamName?: string | undefined;
  /** Transform Lambda function name. */
  readonly functionName: string;
  /** Firehose's buffer interval, in seconds; sets the freshness threshold. */
  readonly bufferIntervalSeconds: number;
  /** DynamoDB table name: the drift metric's `Table` dimension. */
  readonly tableName: string;
  /** The merge that keeps `orders_current`, and its schedule's settings. */
  readonly currentState: CurrentStateMonitoring;
}

/**
 * Worst acceptable Firehose data freshness: the 1.5x dynamic-partitioning delay plus 30 s of slack.
 *
 * @param bufferIntervalSeconds - Firehose's buffer interval
 * @returns the threshold in seconds
 * @example
 * ```ts
 * freshnessThresholdSeconds(60); //=> 120
 * ```
 */
export function freshnessThresholdSeconds(bufferIntervalSeconds: number): number {
  return Math.ceil(1.5 * bufferIntervalSeconds) + 30;
}

/**
 * Alarms for every hop: pipe failures, DLQ not empty, Kinesis iterator age, Firehose freshness (the low-latency
 * path's too, at its budget, when it is on) and Lambda processing failures, Lambda errors and throttles, values the
 * transform rejected; then the scheduled reconcile's drift and absence, and the current-state merge's staleness and
 * failures.
 *
 * @param r - the monitored resources
 * @returns the alarm definitions, in pipeline order
 */
export function alarmDefinitions(r: MonitoredResources): AlarmDefinition[] {
  const pipe = { namespace: 'AWS/EventBridge/Pipes', dimensions: { PipeName: r.pipeName } };
  const lambda = { namespace: 'AWS/Lambda', dimensions: { FunctionName: r.functionName } };
  const firehose = { namespace: 'AWS/Firehose', dimensions: { DeliveryStreamName: r.deliveryStreamName } };
  const anyInFiveMinutes = {
    statistic: 'Sum',
    comparisonOperator: 'GreaterThanThreshold',
    threshold: 0,
    periodSeconds: 300,
    evaluationPeriods: 1,
  } as const;
  return [
    {
      id: 'PipeExecutionFailed',
      description: 'The pipe failed to deliver a batch to Kinesis',
      ...pipe,
      metricName: 'ExecutionFailed',
      ...anyInFiveMinutes,
    },
    {
      id: 'PipeTargetFailed',
      description: 'Kinesis rejected records from the pipe',
      ...pipe,
      metricName: 'TargetStageFailed',
      ...anyInFiveMinutes,
    },
    {
      id: 'DeadLetterQueueNotEmpty',
      description: 'Change records gave up on every retry and wait in the dead-letter queue',
      namespace: 'AWS/SQS',
      dimensions: { QueueName: r.deadLetterQueueName },
      metricName: 'ApproximateNumberOfMessagesVisible',
      statistic: 'Maximum',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      periodSeconds: 300,
      evaluationPeriods: 1,
    },
    {
      id: 'StreamIteratorAge',
      description: 'Firehose is more than a minute behind the Kinesis stream',
      namespace: 'AWS/Kinesis',
      dimensions: { StreamName: r.streamName },
      metricName: 'GetRecords.IteratorAgeMilliseconds',
      statistic: 'Maximum',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 60000,
      periodSeconds: 60,
      evaluationPeriods: 5,
    },
    {
      id: 'DeliveryFreshness',
      description: 'The oldest record in Firehose is older than the freshness budget allows',
      ...firehose,
      metricName: 'DeliveryToS3.DataFreshness',
      statistic: 'Maximum',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: freshnessThresholdSeconds(r.bufferIntervalSeconds),
      periodSeconds: 300,
      evaluationPeriods: 1,
    },
    ...(r.recentDeliveryStreamName === undefined ? [] : [recentFreshnessAlarm(r.recentDeliveryStreamName)]),
    {
      id: 'TransformInvocationsFailed',
      description: 'Firehose could not invoke the transform Lambda; those records go to errors/',
      ...firehose,
      metricName: 'ExecuteProcessing.Success',
      statistic: 'Minimum',
      comparisonOperator: 'LessThanThreshold',
      threshold: 1,
      periodSeconds: 300,
      evaluationPeriods: 1,
    },
    {
      id: 'TransformErrors',
      description: 'The transform Lambda threw',
      ...lambda,
      metricName: 'Errors',
      ...anyInFiveMinutes,
    },
    {
      id: 'TransformThrottles',
      description: 'The transform Lambda was throttled',
      ...lambda,
      metricName: 'Throttles',
      ...anyInFiveMinutes,
    },
    {
      id: 'RejectedValues',
      description: 'The transform kept values that do not conform to the declared schema in cdc_rejected',
      namespace: REJECTED_VALUES_METRIC.namespace,
      metricName: REJECTED_VALUES_METRIC.metricName,
      dimensions: { [REJECTED_VALUES_METRIC.dimensionName]: r.functionName },
      ...anyInFiveMinutes,
      treatMissingData: 'notBreaching',
    },
    ...driftAlarmDefinitions(r.tableName),
    ...currentStateAlarmDefinitions(r.currentState),
  ];
}

/**
 * The low-latency path's freshness alarm: its delivery stream's oldest record is older than the path's whole budget
 * (`RECENT_FRESHNESS_TARGET_SECONDS`), so `orders_live` is not seconds fresh. Zero buffering has no multiplier to allow
 * for, so the threshold is the target itself.
 *
 * @param deliveryStreamName - the recent delivery stream
 * @returns the alarm definition
 * @see https://docs.aws.amazon.com/firehose/latest/dev/monitoring-with-cloudwatch-metrics.html
 * @example
 * ```ts
 * recentFreshnessAlarm('sales-dev-recent').threshold; //=> 20
 * ```
 */
export function recentFreshnessAlarm(deliveryStreamName: string): AlarmDefinition {
  return {
    id: 'RecentDeliveryFreshness',
    description: `The low-latency path is behind: the oldest record in its delivery stream is older than its ${RECENT_FRESHNESS_TARGET_SECONDS} s budget`,
    namespace: 'AWS/Firehose',
    dimensions: { DeliveryStreamName: deliveryStreamName },
    metricName: 'DeliveryToS3.DataFreshness',
    statistic: 'Maximum',
    comparisonOperator: 'GreaterThanThreshold',
    threshold: RECENT_FRESHNESS_TARGET_SECONDS,
    periodSeconds: 300,
    evaluationPeriods: 1,
  };
}
