import type { AlarmDefinition } from '../constructs/observability/alarm-definition';
import { currentStateAlarmDefinitions } from '../constructs/current-state/current-state-alarms';
import { loadConfig, MERGE_SUCCESS_METRIC } from '@sales/pipeline-spec';
import { synthPipeline } from './helpers/pipeline';

const monitoring = {
  stateMachineArn: 'arn',
  stateMachineName: 'merge',
  mergeIntervalMinutes: 5,
  staleAfterIntervals: 3,
};
const [stale, failed] = currentStateAlarmDefinitions(monitoring) as [AlarmDefinition, AlarmDefinition];

/**
 * Whether a static-threshold alarm is in ALARM at minute `now`, as CloudWatch judges it with every datapoint required:
 * each of the last `evaluationPeriods` periods breaches; a period without data breaches only when missing data is
 * `breaching`.
 */
function inAlarm(alarm: AlarmDefinition, successMinutes: readonly number[], now: number): boolean {
  const minutes = alarm.periodSeconds / 60;
  for (let period = 0; period < alarm.evaluationPeriods; period += 1) {
    const end = now - period * minutes;
    const sum = successMinutes.filter((m) => m > end - minutes && m <= end).length;
    const breaches = sum === 0 ? alarm.treatMissingData === 'breaching' : sum < alarm.threshold;
    if (!breaches) return false;
  }
  return true;
}

describe('current-state alarms', () => {
  test('CurrentStateStale counts merges that succeeded, per interval, and treats silence as stale', () => {
    expect(stale).toMatchObject({
      namespace: MERGE_SUCCESS_METRIC.namespace,
      metricName: MERGE_SUCCESS_METRIC.metricName,
      dimensions: { StateMachineName: 'merge' },
      statistic: 'Sum',
      comparisonOperator: 'LessThanThreshold',
      threshold: 1,
      periodSeconds: 300,
      evaluationPeriods: 3,
      treatMissingData: 'breaching',
    });
  });

  const everyFiveMinutes = Array.from({ length: 24 }, (_, i) => i * 5 + 2);
  test.each([
    ['merges every interval', everyFiveMinutes, 120, false],
    ['two intervals without a merge', everyFiveMinutes.filter((m) => m < 110), 120, false],
    ['three intervals without a merge', everyFiveMinutes.filter((m) => m < 105), 120, true],
    [
      'only skipped runs for an hour (a merge stuck): they publish nothing',
      everyFiveMinutes.filter((m) => m < 60),
      120,
      true,
    ],
    ['never a merge since deploy', [], 15, true],
  ])('%s: in alarm = %s', (_case, successes, now, expected) => {
    expect(inAlarm(stale, successes, now)).toBe(expected);
  });

  test('CurrentStateMergeFailed fires on any failed execution of this state machine', () => {
    expect(failed).toMatchObject({
      namespace: 'AWS/States',
      metricName: 'ExecutionsFailed',
      dimensions: { StateMachineArn: 'arn' },
      statistic: 'Sum',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
    });
    expect(failed.treatMissingData).toBeUndefined();
  });

  test('stays within CloudWatch evaluation limits for every allowed setting: at most one day for periods under an hour', () => {
    const config = loadConfig('dev', { SALES_MERGE_INTERVAL_MINUTES: '60', SALES_MERGE_STALE_AFTER_INTERVALS: '24' });
    const [longest] = currentStateAlarmDefinitions({
      ...monitoring,
      mergeIntervalMinutes: config.mergeIntervalMinutes,
      staleAfterIntervals: config.mergeStaleAfterIntervals,
    });
    expect(longest!.periodSeconds * longest!.evaluationPeriods).toBeLessThanOrEqual(86400);
  });

  test("the stack sends both to the alarm topic, on this stack's state machine and its settings", () => {
    const { json } = synthPipeline('dev', {
      SALES_MERGE_INTERVAL_MINUTES: '10',
      SALES_MERGE_STALE_AFTER_INTERVALS: '4',
    });
    const alarms = Object.values(json.resource['aws_cloudwatch_metric_alarm'] ?? {}) as Array<Record<string, any>>;
    const named = (suffix: string) => alarms.find((a) => String(a['alarm_name']).endsWith(suffix))!;
    expect(named('-CurrentStateStale')).toMatchObject({
      period: 600,
      evaluation_periods: 4,
      treat_missing_data: 'breaching',
      dimensions: { StateMachineName: expect.stringMatching(/^\$\{aws_sfn_state_machine\.[^.]+\.name\}$/) },
      alarm_actions: [expect.stringMatching(/^\$\{aws_sns_topic\.Alarms_Topic_[A-F0-9]+\.arn\}$/)],
    });
    expect(named('-CurrentStateMergeFailed')['dimensions']).toEqual({
      StateMachineArn: expect.stringMatching(/^\$\{aws_sfn_state_machine\.[^.]+\.arn\}$/),
    });
  });
});
