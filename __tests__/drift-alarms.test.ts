import { DRIFT_METRIC, reconcileStatements } from '@sales/pipeline-spec';
import type { AlarmDefinition } from '../constructs/observability/alarm-definition';
import { driftAlarmDefinitions, RECONCILE_OVERDUE_HOURS } from '../constructs/observability/alarms/drift-alarms';
import { synthPipeline } from './helpers/pipeline';

const [drift, notRun] = driftAlarmDefinitions('sales-test-orders') as [AlarmDefinition, AlarmDefinition];

/**
 * Whether an alarm is breaching at hour `now`, as CloudWatch judges a static-threshold alarm whose
 * datapointsToAlarm equals evaluationPeriods: every one of the last N periods breaches, and a period
 * without data counts as `treatMissingData` says (here `breaching`).
 */
function allPeriodsBreach(alarm: AlarmDefinition, runHours: readonly number[], now: number): boolean {
  const hours = alarm.periodSeconds / 3600;
  for (let period = 0; period < alarm.evaluationPeriods; period += 1) {
    const end = now - period * hours;
    const samples = runHours.filter((hour) => hour > end - hours && hour <= end).length;
    const breaches = samples === 0 ? alarm.treatMissingData === 'breaching' : samples < alarm.threshold;
    if (!breaches) return false;
  }
  return true;
}

describe('drift alarms', () => {
  test('watch exactly the metric the reconcile command publishes (DRIFT_METRIC)', () => {
    for (const alarm of [drift, notRun]) {
      expect(alarm).toMatchObject({
        namespace: DRIFT_METRIC.namespace,
        metricName: DRIFT_METRIC.metricName,
        dimensions: { [DRIFT_METRIC.dimensionName]: 'sales-test-orders' },
      });
    }
    expect(DRIFT_METRIC).toEqual({
      namespace: 'SalesPipeline/Lake',
      metricName: 'DriftKeys',
      dimensionName: 'Table',
      unit: 'Count',
    });
  });

  test('LakeDrift fires on any unrepaired key and keeps its verdict between daily runs', () => {
    expect(drift).toMatchObject({
      statistic: 'Maximum',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      treatMissingData: 'ignore',
    });
  });

  test('ReconcileNotRun counts a missing run as breaching, within CloudWatch evaluation limits', () => {
    expect(notRun).toMatchObject({
      statistic: 'SampleCount',
      comparisonOperator: 'LessThanThreshold',
      threshold: 1,
      treatMissingData: 'breaching',
    });
    // Periods of an hour or more may span up to 7 days (PutMetricAlarm, Period).
    expect(notRun.periodSeconds).toBeGreaterThanOrEqual(3600);
    expect(notRun.periodSeconds * notRun.evaluationPeriods).toBeLessThanOrEqual(604800);
    expect(notRun.periodSeconds * notRun.evaluationPeriods).toBe(RECONCILE_OVERDUE_HOURS * 3600);
  });

  test('ReconcileNotRun stays quiet on a daily schedule that starts up to 2 h late, and fires when a day is skipped', () => {
    const daily = [2, 26, 50.5, 74, 99.9, 122]; // 02:00 runs, one 30 min late, one almost 2 h late
    for (let now = 3; now <= 140; now += 1) expect(allPeriodsBreach(notRun, daily, now)).toBe(false);
    const skipped = [2, 26, 74]; // no run on day 3 (hour 50)
    expect(allPeriodsBreach(notRun, skipped, 51)).toBe(false);
    expect(allPeriodsBreach(notRun, skipped, 26 + RECONCILE_OVERDUE_HOURS)).toBe(true);
  });

  test("the reconcile policy may publish to the alarms' namespace only", () => {
    const arn = 'arn:aws:x';
    const statements = reconcileStatements({
      tableArn: arn,
      tableStreamArn: arn,
      lakeBucketArn: arn,
      resultsBucketArn: arn,
      kmsKeyArn: arn,
      kinesisStreamArn: arn,
      deadLetterQueueArn: arn,
      workgroupArn: arn,
      glueArns: [arn, arn, arn],
      reconcileTableArns: [arn, arn],
      currentStateTableArns: [arn, arn, arn],
      region: 'eu-west-1',
    });
    expect(statements.filter((s) => s.actions.includes('cloudwatch:PutMetricData'))).toEqual([
      {
        sid: 'PublishDriftMetric',
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': drift.namespace } },
      },
    ]);
  });

  test("the stack sends both to the alarm topic, on the table's name", () => {
    const { json } = synthPipeline('dev');
    const alarms = Object.values(json.resource['aws_cloudwatch_metric_alarm'] ?? {}).filter(
      (a) => a['namespace'] === DRIFT_METRIC.namespace,
    );
    expect(alarms.map((a) => [a['alarm_name'], a['treat_missing_data']])).toEqual([
      ['sales-dev-LakeDrift', 'ignore'],
      ['sales-dev-ReconcileNotRun', 'breaching'],
    ]);
    for (const alarm of alarms) {
      expect(alarm['dimensions']).toEqual({ Table: expect.stringMatching(/^\$\{aws_dynamodb_table\.[^.]+\.name\}$/) });
      expect(alarm['alarm_actions']).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\.[^.]+\.arn\}$/)]);
    }
  });
});
