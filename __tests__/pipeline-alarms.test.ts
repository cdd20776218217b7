import 'cdktf/lib/testing/adapters/jest';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { AnnotationMetadataEntryType, Testing, TerraformStack } from 'cdktf';
import { alarmDefinitions, freshnessThresholdSeconds, type MonitoredResources } from '../constructs/alarm-definitions';
import { PipelineAlarms, noSubscriptionWarning } from '../constructs/pipeline-alarms';
import { PipelineDashboard, dashboardBody } from '../constructs/pipeline-dashboard';
import { TEST_KEY_ARN } from './helpers/context';
import { FIXTURE_BUNDLE } from './helpers/pipeline';
import { testApp } from './helpers/test-app';
import { DEFAULTS, FRESHNESS_TARGET_SECONDS, loadConfig } from '@sales/pipeline-spec';
import { PipelineStack } from '../constructs/pipeline-stack';

const resources: MonitoredResources = {
  pipeName: 'pipe',
  deadLetterQueueName: 'dlq',
  streamName: 'stream',
  deliveryStreamName: 'firehose',
  functionName: 'fn',
  bufferIntervalSeconds: 60,
  tableName: 'orders',
};

describe('PipelineAlarms', () => {
  const synthesized = Testing.synthScope((scope) => new PipelineAlarms(scope, 'Alarms', { baseName: 'sales-test', kmsKeyArn: TEST_KEY_ARN, resources }));
  const alarms = Object.values(JSON.parse(synthesized).resource.aws_cloudwatch_metric_alarm) as Array<Record<string, any>>;

  test('encrypts the topic and subscribes no one by default', () => {
    expect(synthesized).toHaveResourceWithProperties(SnsTopic, { name: 'sales-test-alarms', kms_master_key_id: TEST_KEY_ARN });
    expect(synthesized).not.toHaveResource(SnsTopicSubscription);
  });

  test('subscribes the alarm e-mail when given', () => {
    const withEmail = Testing.synthScope(
      (scope) => new PipelineAlarms(scope, 'Alarms', { baseName: 'sales-test', kmsKeyArn: TEST_KEY_ARN, resources, alarmEmail: 'ops@example.com' }),
    );
    expect(withEmail).toHaveResourceWithProperties(SnsTopicSubscription, { protocol: 'email', endpoint: 'ops@example.com' });
  });

  test('watches every hop and notifies the topic on alarm and recovery', () => {
    const watched = alarms.map((a) => [a['namespace'], a['metric_name'], a['dimensions']]);
    expect(watched).toHaveLength(10);
    expect(watched).toEqual(expect.arrayContaining([
      ['AWS/EventBridge/Pipes', 'ExecutionFailed', { PipeName: 'pipe' }],
      ['AWS/EventBridge/Pipes', 'TargetStageFailed', { PipeName: 'pipe' }],
      ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: 'dlq' }],
      ['AWS/Kinesis', 'GetRecords.IteratorAgeMilliseconds', { StreamName: 'stream' }],
      ['AWS/Firehose', 'DeliveryToS3.DataFreshness', { DeliveryStreamName: 'firehose' }],
      ['AWS/Firehose', 'ExecuteProcessing.Success', { DeliveryStreamName: 'firehose' }],
      ['AWS/Lambda', 'Errors', { FunctionName: 'fn' }],
      ['AWS/Lambda', 'Throttles', { FunctionName: 'fn' }],
      ['SalesPipeline/Lake', 'DriftKeys', { Table: 'orders' }],
    ]));
    for (const alarm of alarms) {
      expect(alarm['alarm_actions']).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\.Alarms_Topic_[A-F0-9]+\.arn\}$/)]);
      expect(alarm['ok_actions']).toEqual(alarm['alarm_actions']);
      if (alarm['namespace'] !== 'SalesPipeline/Lake') expect(alarm['treat_missing_data']).toBe('notBreaching');
    }
  });

  test('alarms as soon as one message waits in the dead-letter queue', () => {
    const dlq = alarmDefinitions(resources).find((a) => a.id === 'DeadLetterQueueNotEmpty');
    expect(dlq).toMatchObject({ statistic: 'Maximum', comparisonOperator: 'GreaterThanThreshold', threshold: 0 });
  });

  test('sets the freshness threshold from the buffer interval', () => {
    expect(freshnessThresholdSeconds(60)).toBe(120);
    expect(freshnessThresholdSeconds(300)).toBe(480);
  });
});

describe('alarm subscription warning', () => {
  const warnings = (props: { alarmEmail?: string; warnWithoutSubscription?: boolean }) => {
    const stack = new TerraformStack(testApp(), 'prod');
    const alarms = new PipelineAlarms(stack, 'Alarms', { baseName: 'sales-prod', kmsKeyArn: TEST_KEY_ARN, resources, ...props });
    return alarms.node.metadata.filter((entry) => entry.type === AnnotationMetadataEntryType.WARN).map((entry) => entry.data);
  };

  test('warns at synth when alarms would reach nobody', () => {
    expect(warnings({ warnWithoutSubscription: true })).toEqual([noSubscriptionWarning('sales-prod-alarms')]);
    expect(noSubscriptionWarning('sales-prod-alarms')).toMatch(/^alarm topic sales-prod-alarms has no subscription.*SALES_PROD_ALARM_EMAIL.*confirm/);
  });

  test.each([
    ['prod', {}, 1],
    ['prod', { SALES_PROD_ALARM_EMAIL: 'ops@example.com' }, 0],
    ['dev', {}, 0],
  ] as const)('the %s stack with %j has %i such warning', (environment, vars, count) => {
    const stack = new PipelineStack(testApp(), environment, { config: loadConfig(environment, vars), bundle: FIXTURE_BUNDLE });
    const found = stack.node.findAll().flatMap((c) => c.node.metadata).filter((entry) => entry.type === AnnotationMetadataEntryType.WARN);
    expect(found).toHaveLength(count);
  });

  test('stays quiet with a subscription, or when not asked to warn', () => {
    expect(warnings({ warnWithoutSubscription: true, alarmEmail: 'ops@example.com' })).toEqual([]);
    expect(warnings({})).toEqual([]);
  });
});

describe('PipelineDashboard', () => {
  test('shows one widget per hop in pipeline order', () => {
    const synthesized = Testing.synthScope(
      (scope) => new PipelineDashboard(scope, 'Dashboard', { baseName: 'sales-test', region: 'eu-west-1', resources: { ...resources, tableName: 'orders' } }),
    );
    const dashboard = Object.values(JSON.parse(synthesized).resource.aws_cloudwatch_dashboard)[0] as Record<string, string>;
    expect(dashboard['dashboard_name']).toBe('sales-test-pipeline');
    const body = JSON.parse(dashboard['dashboard_body']!);
    expect(body.widgets.map((w: { properties: { title: string } }) => w.properties.title)).toEqual(['DynamoDB writes', 'Pipe', 'Kinesis', 'Transform Lambda', 'Firehose']);
  });

  test('never sums a latency, an age or a gauge: Maximum for those, Average for the success ratio', () => {
    const body = JSON.parse(dashboardBody({ ...resources, tableName: 'orders' }, 'eu-west-1')) as { widgets: Array<{ properties: { metrics: unknown[][]; stat?: string } }> };
    const stats = Object.fromEntries(body.widgets.flatMap((w) => w.properties.metrics.map((m) => [m[1], (m[4] as { stat: string }).stat])));
    expect(stats).toEqual({
      ConsumedWriteCapacityUnits: 'Sum',
      Invocations: 'Sum',
      ExecutionFailed: 'Sum',
      ApproximateNumberOfMessagesVisible: 'Maximum',
      IncomingRecords: 'Sum',
      'GetRecords.IteratorAgeMilliseconds': 'Maximum',
      Errors: 'Sum',
      Throttles: 'Sum',
      Duration: 'Maximum',
      'DeliveryToS3.Records': 'Sum',
      'DeliveryToS3.DataFreshness': 'Maximum',
      'ExecuteProcessing.Success': 'Average',
    });
    for (const widget of body.widgets) expect(widget.properties.stat).toBeUndefined();
  });
});

describe('freshness alarm', () => {
  test('alarms on Firehose data freshness at the freshness target with the default buffer interval', () => {
    expect(freshnessThresholdSeconds(DEFAULTS.bufferIntervalSeconds)).toBe(FRESHNESS_TARGET_SECONDS);
  });
});
