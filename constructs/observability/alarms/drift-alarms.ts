/**
 * Alarms on the scheduled reconcile (`sales-lake reconcile`, daily), which publishes `DRIFT_METRIC` once
 * per run. Pure data, like `alarm-definitions.ts`, which lists them with the pipeline's alarms.
 */
import { DRIFT_METRIC } from '@sales/pipeline-spec';
import type { AlarmDefinition } from '../alarm-definition';

/** Hours without a reconcile datum before `ReconcileNotRun` fires: a daily schedule plus 2 h of slack. */
export const RECONCILE_OVERDUE_HOURS = 26;

/**
 * Two alarms on the drift metric, because "drift found" and "nobody looked" need different missing-data rules:
 *
 * - `LakeDrift`: the last reconcile found keys it did not repair (`Maximum` > 0). Missing data is `ignore`:
 *   between daily runs there is no datum, and the alarm keeps the last run's verdict instead of sending a
 *   false recovery an hour later; the next run with 0 drift clears it.
 * - `ReconcileNotRun`: no datum for {@link RECONCILE_OVERDUE_HOURS} hourly periods (`SampleCount` < 1 in
 *   each). Missing data is `breaching`, so a reconcile that did not run, or failed before comparing,
 *   fires instead of looking like "no drift". 26 periods of 1 h is within CloudWatch's 7-day evaluation limit.
 *
 * @param tableName - the DynamoDB table, the metric's `Table` dimension
 * @returns the two alarm definitions
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-missing-data
 * @example
 * ```ts
 * driftAlarmDefinitions('sales-dev-orders').map((a) => [a.id, a.treatMissingData]);
 * //=> [['LakeDrift', 'ignore'], ['ReconcileNotRun', 'breaching']]
 * ```
 */
export function driftAlarmDefinitions(tableName: string): AlarmDefinition[] {
  const metric = {
    namespace: DRIFT_METRIC.namespace,
    metricName: DRIFT_METRIC.metricName,
    dimensions: { [DRIFT_METRIC.dimensionName]: tableName },
  };
  return [
    {
      id: 'LakeDrift',
      description:
        'The last reconcile found lake keys that differ from the table and did not repair them (run sales-lake reconcile --repair)',
      ...metric,
      statistic: 'Maximum',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      periodSeconds: 3600,
      evaluationPeriods: 1,
      treatMissingData: 'ignore',
    },
    {
      id: 'ReconcileNotRun',
      description: `No reconcile has published a drift count for ${RECONCILE_OVERDUE_HOURS} h: the daily schedule did not run or failed`,
      ...metric,
      statistic: 'SampleCount',
      comparisonOperator: 'LessThanThreshold',
      threshold: 1,
      periodSeconds: 3600,
      evaluationPeriods: RECONCILE_OVERDUE_HOURS,
      treatMissingData: 'breaching',
    },
  ];
}
