import 'cdktf/lib/testing/adapters/jest';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { AnnotationMetadataEntryType, Testing, TerraformStack } from 'cdktf';
import {
  alarmDefinitions,
  freshnessThresholdSeconds,
  recentFreshnessAlarm,
  type MonitoredResources,
} from '../constructs/observability/alarms/alarm-definitions';
import { PipelineAlarms, noSubscriptionWarning } from '../constructs/observability/alarms/pipeline-alarms';
import { PipelineDashboard, dashboardBody } from '../constructs/observability/alarms/pipeline-dashboard';
import { TEST_KEY_ARN } from './helpers/context';
import { FIXTURE_BUNDLE } from './helpers/pipeline';
import { testApp } from './helpers/test-app';
import {
  DEFAULTS,
  FRESHNESS_TARGET_SECONDS,
  RECENT_FRESHNESS_TARGET_SECONDS,
  recentFreshnessBudgetSeconds,
  REJECTED_VALUES_METRIC,
  loadConfig,
} from '@sales/pipeline-spec';
import { PipelineStack } from '../constructs/stack/pipeline-stack';

const resources: MonitoredResources = {
  pipeName: 'pipe',
  deadLetterQueueName: 'dlq',
  streamName: 'stream',
  deliveryStreamName: 'firehose',
  functionName: 'fn',
  bufferIntervalSeconds: 60,
  tableName: 'orders',
  currentState: {
    stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:merge',
    stateMachineName: 'merge',
    mergeIntervalMinutes: 5,
    staleAfterIntervals: 3,
  },
};

describe('PipelineAlarms', () => {
  const synthesized = Testing.synthScope(
    (scope) => new PipelineAlarms(scope, 'Alarms', { baseName: 'sales-test', kmsKeyArn: TEST_KEY_ARN, resources }),
  );
  const alarms = Object.values(JSON.parse(synthesized).resource.aws_cloudwatch_metric_alarm) as Array<
    Record<string, any>
  >;

  test('encrypts the topic and subscribes no one by default', () => {
    expect(synthesized).toHaveResourceWithProperties(SnsTopic, {
      name: 'sales-test-alarms',
      kms_master_key_id: TEST_KEY_ARN,
    });
    expect(synthesized).not.toHaveResource(SnsTopicSubscription);
  });

  test('subscribes the alarm e-mail when given', () => {
    const withEmail = Testing.synthScope(
      (scope) =>
        new PipelineAlarms(scope, 'Alarms', {
          baseName: 'sales-test',
          kmsKeyArn: TEST_KEY_ARN,
          resources,
          alarmEmail: 'ops@example.com',
        }),
    );
    expect(withEmail).toHaveResourceWithProperties(SnsTopicSubscription, {
      protocol: 'email',
      endpoint: 'ops@example.com',
    });
  });

  test('watches every hop and notifies the topic on alarm and recovery', () => {
    const watched = alarms.map((a) => [a['namespace'], a['metric_name'], a['dimensions']]);
    expect(watched).toHaveLength(13);
    expect(watched).toEqual(
      expect.arrayContaining([
        ['AWS/EventBridge/Pipes', 'ExecutionFailed', { PipeName: 'pipe' }],
        ['AWS/EventBridge/Pipes', 'TargetStageFailed', { PipeName: 'pipe' }],
        ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: 'dlq' }],
        ['AWS/Kinesis', 'GetRecords.IteratorAgeMilliseconds', { StreamName: 'stream' }],
        ['AWS/Firehose', 'DeliveryToS3.DataFreshness', { DeliveryStreamName: 'firehose' }],
        ['AWS/Firehose', 'ExecuteProcessing.Success', { DeliveryStreamName: 'firehose' }],
        ['AWS/Lambda', 'Errors', { FunctionName: 'fn' }],
        ['AWS/Lambda', 'Throttles', { FunctionName: 'fn' }],
        ['SalesPipeline/Transform', 'RejectedValues', { FunctionName: 'fn' }],
        ['SalesPipeline/Lake', 'DriftKeys', { Table: 'orders' }],
        ['SalesPipeline/CurrentState', 'MergesSucceeded', { StateMachineName: 'merge' }],
        ['AWS/States', 'ExecutionsFailed', { StateMachineArn: resources.currentState.stateMachineArn }],
      ]),
    );
    for (const alarm of alarms) {
      expect(alarm['alarm_actions']).toEqual([
        expect.stringMatching(/^\$\{aws_sns_topic\.Alarms_Topic_[A-F0-9]+\.arn\}$/),
      ]);
      expect(alarm['ok_actions']).toEqual(alarm['alarm_actions']);
      const ownMissingData = ['SalesPipeline/Lake', 'SalesPipeline/CurrentState'].includes(alarm['namespace']);
      if (!ownMissingData) expect(alarm['treat_missing_data']).toBe('notBreaching');
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
    const alarms = new PipelineAlarms(stack, 'Alarms', {
      baseName: 'sales-prod',
      kmsKeyArn: TEST_KEY_ARN,
      resources,
      ...props,
    });
    return alarms.node.metadata
      .filter((entry) => entry.type === AnnotationMetadataEntryType.WARN)
      .map((entry) => entry.data);
  };

  test('warns at synth when alarms would reach nobody', () => {
    expect(warnings({ warnWithoutSubscription: true })).toEqual([noSubscriptionWarning('sales-prod-alarms')]);
    expect(noSubscriptionWarning('sales-prod-alarms')).toMatch(
      /^alarm topic sales-prod-alarms has no subscription.*SALES_PROD_ALARM_EMAIL.*confirm/,
    );
  });

  test.each([
    ['prod', {}, 1],
    ['prod', { SALES_PROD_ALARM_EMAIL: 'ops@example.com' }, 0],
    ['dev', {}, 0],
  ] as const)('the %s stack with %j has %i such warning', (environment, vars, count) => {
    const stack = new PipelineStack(testApp(), environment, {
      config: loadConfig(environment, vars),
      bundle: FIXTURE_BUNDLE,
    });
    const found = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((entry) => entry.type === AnnotationMetadataEntryType.WARN);
    expect(found).toHaveLength(count);
  });

  test('stays quiet with a subscription, or when not asked to warn', () => {
    expect(warnings({ warnWithoutSubscription: true, alarmEmail: 'ops@example.com' })).toEqual([]);
    expect(warnings({})).toEqual([]);
  });
});

type SynthesizedStack = { resource: Record<string, Record<string, Record<string, any>>> };
/** Synthesize the `dev` or `prod` stack with default config and return its JSON. */
const synthStack = (environment: 'dev' | 'prod'): SynthesizedStack =>
  JSON.parse(
    Testing.synth(
      new PipelineStack(testApp(), environment, { config: loadConfig(environment, {}), bundle: FIXTURE_BUNDLE }),
    ),
  ) as SynthesizedStack;
const resourcesOf = (json: SynthesizedStack, type: string) => Object.values(json.resource[type] ?? {});
/** Replace `${aws_lambda_function.<id>.function_name}` references with that function's name, as Terraform does. */
const resolveFunctionNames = <T>(json: SynthesizedStack, value: T): T =>
  JSON.parse(
    JSON.stringify(value).replace(
      /\$\{aws_lambda_function\.([^.]+)\.function_name\}/g,
      (_, id: string) => json.resource['aws_lambda_function']![id]!['function_name'],
    ),
  ) as T;
const rejectedValuesAlarm = (json: SynthesizedStack) =>
  resolveFunctionNames(
    json,
    resourcesOf(json, 'aws_cloudwatch_metric_alarm').find((a) => String(a['alarm_name']).endsWith('-RejectedValues')),
  );
const rejectedValuesLine = (json: SynthesizedStack) => {
  const dashboard = resourcesOf(json, 'aws_cloudwatch_dashboard')[0]!;
  const body = JSON.parse(dashboard['dashboard_body']) as { widgets: Array<{ properties: { metrics: unknown[][] } }> };
  return resolveFunctionNames(
    json,
    body.widgets.flatMap((w) => w.properties.metrics).find((m) => m[1] === 'RejectedValues'),
  );
};

describe('RejectedValues: metric filter and alarm in the stack', () => {
  const json = synthStack('dev');
  const filters = resourcesOf(json, 'aws_cloudwatch_log_metric_filter');
  const logGroups = Object.entries(json.resource['aws_cloudwatch_log_group'] ?? {});
  const alarm = rejectedValuesAlarm(json);
  const [transformFunction] = resourcesOf(json, 'aws_lambda_function');

  test('the filter matches summary lines with rejected values on the transform log group and publishes their count per function', () => {
    expect(REJECTED_VALUES_METRIC).toEqual({
      namespace: 'SalesPipeline/Transform',
      metricName: 'RejectedValues',
      filterPattern: '{ $.rejectedValues > 0 }',
      value: '$.rejectedValues',
      unit: 'Count',
      dimensionName: 'FunctionName',
      dimensionField: '$.functionName',
    });
    expect(filters).toHaveLength(1);
    const [transformGroup] = logGroups
      .filter(([, group]) => group['name'] === '/aws/lambda/sales-dev-transform')
      .map(([id]) => id);
    // toEqual: no other key, so no default_value either.
    expect(filters[0]).toEqual({
      name: 'sales-dev-transform-rejected-values',
      log_group_name: `\${aws_cloudwatch_log_group.${transformGroup}.name}`,
      pattern: '{ $.rejectedValues > 0 }',
      metric_transformation: {
        namespace: 'SalesPipeline/Transform',
        name: 'RejectedValues',
        value: '$.rejectedValues',
        unit: 'Count',
        dimensions: { FunctionName: '$.functionName' },
      },
    });
  });

  test('the filter obeys CloudWatch dimension rules: at most 3, each a field of the event, no default value', () => {
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html (up to
    // three dimensions, values from JSON fields); the provider documents default_value and dimensions as conflicting.
    const transformation = filters[0]!['metric_transformation'] as Record<string, unknown>;
    const dimensions = transformation['dimensions'] as Record<string, string>;
    expect(Object.keys(dimensions).length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(dimensions).length).toBeLessThanOrEqual(3);
    for (const field of Object.values(dimensions)) expect(field).toMatch(/^\$\.[A-Za-z_][A-Za-z0-9_]*$/);
    expect(transformation).not.toHaveProperty('default_value');
  });

  test('the alarm fires on any rejected value in 5 minutes and watches exactly the filtered metric of this function', () => {
    expect(alarm).toMatchObject({
      namespace: filters[0]!['metric_transformation']['namespace'],
      metric_name: filters[0]!['metric_transformation']['name'],
      statistic: 'Sum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      period: 300,
      evaluation_periods: 1,
      treat_missing_data: 'notBreaching',
    });
    expect(transformFunction!['function_name']).toBe('sales-dev-transform');
    expect(alarm!['dimensions']).toEqual({ FunctionName: transformFunction!['function_name'] });
    expect(Object.keys(alarm!['dimensions'])).toEqual(Object.keys(filters[0]!['metric_transformation']['dimensions']));
  });

  test('dev and prod publish and watch different metrics', () => {
    const prod = synthStack('prod');
    const [devFilter] = filters;
    const [prodFilter] = resourcesOf(prod, 'aws_cloudwatch_log_metric_filter');
    // Same selector; each filter sees only its own function's log group, so the values differ.
    expect(prodFilter!['metric_transformation']['dimensions']).toEqual(
      devFilter!['metric_transformation']['dimensions'],
    );
    expect(prodFilter!['name']).toBe('sales-prod-transform-rejected-values');
    expect(rejectedValuesAlarm(prod)!['dimensions']).toEqual({ FunctionName: 'sales-prod-transform' });
    expect(alarm!['dimensions']).toEqual({ FunctionName: 'sales-dev-transform' });
    expect(rejectedValuesLine(prod)).toEqual([
      'SalesPipeline/Transform',
      'RejectedValues',
      'FunctionName',
      'sales-prod-transform',
      { stat: 'Sum' },
    ]);
    expect(rejectedValuesLine(json)).toEqual([
      'SalesPipeline/Transform',
      'RejectedValues',
      'FunctionName',
      'sales-dev-transform',
      { stat: 'Sum' },
    ]);
  });

  test('the filter pattern selects the summary line the handler writes, only with rejected values, and reads the alarm dimension from it', async () => {
    const { createHandler, createRowSchema } = await import('@sales/transform');
    const { ORDER_CHANGE_COLUMNS } = await import('@sales/pipeline-spec');
    const change = (total: Record<string, unknown>) => ({
      eventID: 'e1',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      dynamodb: {
        ApproximateCreationDateTime: 1736937000,
        Keys: { order_id: { S: 'o-1' } },
        NewImage: { order_id: { S: 'o-1' }, total },
        SequenceNumber: '1',
        SizeBytes: 20,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    // As the Lambda runtime sets it for the deployed function.
    const saved = process.env['AWS_LAMBDA_FUNCTION_NAME'];
    process.env['AWS_LAMBDA_FUNCTION_NAME'] = transformFunction!['function_name'];
    const summaryOf = async (total: Record<string, unknown>): Promise<Record<string, unknown>> => {
      const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        await createHandler({ schema: createRowSchema(ORDER_CHANGE_COLUMNS) })({
          records: [{ recordId: 'r1', data: Buffer.from(JSON.stringify(change(total))).toString('base64') }],
        });
        const line = String(write.mock.calls[0]?.[0]);
        expect(line).toMatch(/^\{.*\}\n$/);
        return JSON.parse(line) as Record<string, unknown>;
      } finally {
        write.mockRestore();
      }
    };
    try {
      // The pattern `{ $.rejectedValues > 0 }` read as CloudWatch Logs does: the event is a JSON object, field compared numerically.
      const matches = (event: Record<string, unknown>) =>
        typeof event['rejectedValues'] === 'number' && event['rejectedValues'] > 0;
      // A `$.field` dimension selector read from the event, as the filter does.
      const dimensionsOf = (event: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(filters[0]!['metric_transformation']['dimensions'] as Record<string, string>).map(
            ([name, selector]) => [name, event[selector.replace(/^\$\./, '')]],
          ),
        );
      expect(REJECTED_VALUES_METRIC.filterPattern).toBe('{ $.rejectedValues > 0 }');
      const rejected = await summaryOf({ S: 'not a number' });
      expect(rejected['rejectedValues']).toBe(1);
      expect(matches(rejected)).toBe(true);
      expect(dimensionsOf(rejected)).toEqual(alarm!['dimensions']);
      const conforming = await summaryOf({ N: '12.50' });
      expect(conforming['rejectedValues']).toBe(0);
      expect(matches(conforming)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env['AWS_LAMBDA_FUNCTION_NAME'];
      else process.env['AWS_LAMBDA_FUNCTION_NAME'] = saved;
    }
  });
});

describe('PipelineDashboard', () => {
  test('shows one widget per hop in pipeline order', () => {
    const synthesized = Testing.synthScope(
      (scope) =>
        new PipelineDashboard(scope, 'Dashboard', {
          baseName: 'sales-test',
          region: 'eu-west-1',
          resources: { ...resources, tableName: 'orders' },
        }),
    );
    const dashboard = Object.values(JSON.parse(synthesized).resource.aws_cloudwatch_dashboard)[0] as Record<
      string,
      string
    >;
    expect(dashboard['dashboard_name']).toBe('sales-test-pipeline');
    const body = JSON.parse(dashboard['dashboard_body']!);
    expect(body.widgets.map((w: { properties: { title: string } }) => w.properties.title)).toEqual([
      'DynamoDB writes',
      'Pipe',
      'Kinesis',
      'Transform Lambda',
      'Transform rejected values',
      'Firehose',
      'Current-state merge',
    ]);
  });

  test('never sums a latency, an age or a gauge: Maximum for those, Average for the success ratio', () => {
    const body = JSON.parse(dashboardBody({ ...resources, tableName: 'orders' }, 'eu-west-1')) as {
      widgets: Array<{ properties: { metrics: unknown[][]; stat?: string } }>;
    };
    const stats = Object.fromEntries(
      body.widgets.flatMap((w) => w.properties.metrics.map((m) => [m[1], (m[4] as { stat: string }).stat])),
    );
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
      RejectedValues: 'Sum',
      'DeliveryToS3.Records': 'Sum',
      'DeliveryToS3.DataFreshness': 'Maximum',
      'ExecuteProcessing.Success': 'Average',
      MergesSucceeded: 'Sum',
      ExecutionsFailed: 'Sum',
      ExecutionTime: 'Maximum',
    });
    for (const widget of body.widgets) expect(widget.properties.stat).toBeUndefined();
  });

  test("shows the rejected values of this stack's transform function next to its Lambda metrics", () => {
    const body = JSON.parse(dashboardBody({ ...resources, tableName: 'orders' }, 'eu-west-1')) as {
      widgets: Array<{ x: number; y: number; properties: { title: string; metrics: unknown[][] } }>;
    };
    const titles = body.widgets.map((w) => w.properties.title);
    const widget = body.widgets.find((w) => w.properties.title === 'Transform rejected values');
    expect(titles.indexOf('Transform rejected values')).toBe(titles.indexOf('Transform Lambda') + 1);
    expect(widget?.properties.metrics).toEqual([
      [REJECTED_VALUES_METRIC.namespace, REJECTED_VALUES_METRIC.metricName, 'FunctionName', 'fn', { stat: 'Sum' }],
    ]);
    // The same metric, dimension and statistic as the alarm.
    const alarm = alarmDefinitions(resources).find((a) => a.id === 'RejectedValues');
    const [namespace, metricName, dimension, value, options] = widget?.properties.metrics[0] ?? [];
    expect([alarm?.namespace, alarm?.metricName, alarm?.dimensions, alarm?.statistic]).toEqual([
      namespace,
      metricName,
      { [dimension as string]: value },
      (options as { stat: string }).stat,
    ]);
    // Widgets do not overlap on the 24-column grid.
    const cells = body.widgets.map((w) => `${w.x},${w.y}`);
    expect(new Set(cells).size).toBe(cells.length);
  });
});

describe('freshness alarm', () => {
  test('alarms on Firehose data freshness at the freshness target with the default buffer interval', () => {
    expect(freshnessThresholdSeconds(DEFAULTS.bufferIntervalSeconds)).toBe(FRESHNESS_TARGET_SECONDS);
  });
});

describe('freshness alarm of the low-latency path', () => {
  const withRecent = { ...resources, recentDeliveryStreamName: 'recent' };

  test('alarms on the recent delivery stream at the path budget, and the budget keeps under it', () => {
    const alarm = alarmDefinitions(withRecent).find((a) => a.id === 'RecentDeliveryFreshness');
    expect(alarm).toEqual(recentFreshnessAlarm('recent'));
    expect(alarm).toMatchObject({
      namespace: 'AWS/Firehose',
      metricName: 'DeliveryToS3.DataFreshness',
      dimensions: { DeliveryStreamName: 'recent' },
      statistic: 'Maximum',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: RECENT_FRESHNESS_TARGET_SECONDS,
    });
    expect(recentFreshnessBudgetSeconds()).toBeLessThanOrEqual(alarm?.threshold ?? 0);
  });

  test('has no alarm and no widget without the path', () => {
    expect(alarmDefinitions(resources).map((a) => a.id)).not.toContain('RecentDeliveryFreshness');
    const titles = (
      JSON.parse(dashboardBody({ ...resources }, 'eu-west-1')).widgets as Array<{ properties: { title: string } }>
    ).map((w) => w.properties.title);
    expect(titles).not.toContain('Firehose, low-latency path');
  });

  test('draws the recent delivery stream after the main one, freshness as the alarm reads it, on a free cell', () => {
    const body = JSON.parse(dashboardBody(withRecent, 'eu-west-1')) as {
      widgets: Array<{ x: number; y: number; properties: { title: string; metrics: unknown[][] } }>;
    };
    const titles = body.widgets.map((w) => w.properties.title);
    expect(titles.indexOf('Firehose, low-latency path')).toBe(titles.indexOf('Firehose') + 1);
    expect(
      body.widgets.find((w) => w.properties.title === 'Firehose, low-latency path')?.properties.metrics,
    ).toContainEqual([
      'AWS/Firehose',
      'DeliveryToS3.DataFreshness',
      'DeliveryStreamName',
      'recent',
      { stat: 'Maximum' },
    ]);
    const cells = body.widgets.map((w) => `${w.x},${w.y}`);
    expect(new Set(cells).size).toBe(cells.length);
  });
});
