/**
 * Alarms on the scheduled merge that keeps `orders_current`. Pure data, like `alarm-definitions.ts`, which lists them
 * with the pipeline's alarms.
 */
import { MERGE_SUCCESS_METRIC } from '@sales/pipeline-spec';
import type { AlarmDefinition } from '../observability/alarm-definition';

/** What the merge's alarms watch. */
export interface CurrentStateMonitoring {
  /** The merge state machine's ARN (Step Functions' `StateMachineArn` dimension). */
  readonly stateMachineArn: string;
  /** Its name (the success metric's dimension). */
  readonly stateMachineName: string;
  /** Minutes between two scheduled merges. */
  readonly mergeIntervalMinutes: number;
  /** Intervals without a successful merge before `CurrentStateStale` fires. */
  readonly staleAfterIntervals: number;
}

/**
 * Two alarms on the merge:
 *
 * - `CurrentStateStale`: no successful merge in each of `staleAfterIntervals` consecutive periods of one interval
 *   (`Sum` of {@link MERGE_SUCCESS_METRIC} < 1). Missing data is `breaching`: the metric exists only when a merge
 *   succeeds, so silence is exactly what this alarm is for (schedule disabled, starts failing, a merge stuck or
 *   failing, a role broken). The metric, not Step Functions' `ExecutionsSucceeded`: a run that finds an older merge
 *   running succeeds without merging, so `ExecutionsSucceeded` would stay above 0 all the while a merge hangs. At
 *   most 24 periods of at most 60 minutes: CloudWatch's one-day evaluation limit for periods under an hour.
 * - `CurrentStateMergeFailed`: any execution `FAILED` in 5 minutes (`AWS/States` `ExecutionsFailed`): a statement
 *   failed after its retries; the execution's cause names it.
 *
 * @param m - the state machine and the schedule's settings
 * @returns the two alarm definitions
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/procedure-cw-metrics.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-missing-data
 * @example
 * ```ts
 * currentStateAlarmDefinitions({ stateMachineArn: 'arn', stateMachineName: 'm', mergeIntervalMinutes: 5, staleAfterIntervals: 3 })
 *   .map((a) => [a.id, a.periodSeconds, a.evaluationPeriods]);
 * //=> [['CurrentStateStale', 300, 3], ['CurrentStateMergeFailed', 300, 1]]
 * ```
 */
export function currentStateAlarmDefinitions(m: CurrentStateMonitoring): AlarmDefinition[] {
  return [
    {
      id: 'CurrentStateStale',
      description: `No merge of orders_current succeeded in ${m.staleAfterIntervals} intervals of ${m.mergeIntervalMinutes} min: the table is stale`,
      namespace: MERGE_SUCCESS_METRIC.namespace,
      metricName: MERGE_SUCCESS_METRIC.metricName,
      dimensions: { [MERGE_SUCCESS_METRIC.dimensionName]: m.stateMachineName },
      statistic: 'Sum',
      comparisonOperator: 'LessThanThreshold',
      threshold: 1,
      periodSeconds: m.mergeIntervalMinutes * 60,
      evaluationPeriods: m.staleAfterIntervals,
      treatMissingData: 'breaching',
    },
    {
      id: 'CurrentStateMergeFailed',
      description: 'A merge of orders_current failed after its retries; the execution cause names the statement',
      namespace: 'AWS/States',
      metricName: 'ExecutionsFailed',
      dimensions: { StateMachineArn: m.stateMachineArn },
      statistic: 'Sum',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      periodSeconds: 300,
      evaluationPeriods: 1,
    },
  ];
}
