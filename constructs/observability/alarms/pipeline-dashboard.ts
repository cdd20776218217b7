import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';
import { MERGE_SUCCESS_METRIC, REJECTED_VALUES_METRIC } from '@sales/pipeline-spec';
import type { MonitoredResources } from './alarm-definitions';

/** Props for {@link PipelineDashboard}. */
export interface PipelineDashboardProps {
  /** `<prefix>-<environment>`: names the dashboard. */
  readonly baseName: string;
  /** Region of the metrics (token). */
  readonly region: string;
  /** What the widgets show. */
  readonly resources: MonitoredResources & { readonly tableName: string };
}

/** A CloudWatch statistic a widget line is drawn with. */
type Stat = 'Sum' | 'Maximum' | 'Average';
/** Namespace, metric name, dimension name and value, then the line's options (its statistic). */
type Metric = [string, string, string, string, { stat: Stat }];

/**
 * One widget line with the statistic that fits its metric: `Sum` for counts, `Maximum` for ages,
 * latencies and gauges (a sum of iterator ages, durations or queue depths over a minute means nothing),
 * `Average` for Firehose's success ratio.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html#CloudWatch-Dashboard-Properties-Metrics-Array-Format
 */
const metric = (namespace: string, name: string, dimension: string, value: string, stat: Stat): Metric => [
  namespace,
  name,
  dimension,
  value,
  { stat },
];

/**
 * The dashboard body: one row of widgets per hop, in pipeline order, each line with its own statistic. The
 * transform's rejected values (the `RejectedValues` metric filter's count, {@link REJECTED_VALUES_METRIC}) sit
 * next to its Lambda metrics, for this stack's function only. The low-latency path's delivery stream, when it is on,
 * gets a widget of its own after the main one. The last widget is the current-state merge: merges that
 * succeeded ({@link MERGE_SUCCESS_METRIC}), executions that failed, and the longest execution.
 *
 * @param r - the monitored resources
 * @param region - the metrics' region
 * @returns the dashboard JSON
 */
export function dashboardBody(r: PipelineDashboardProps['resources'], region: string): string {
  const pipe = (name: string, stat: Stat) => metric('AWS/EventBridge/Pipes', name, 'PipeName', r.pipeName, stat);
  const kinesis = (name: string, stat: Stat) => metric('AWS/Kinesis', name, 'StreamName', r.streamName, stat);
  const lambda = (name: string, stat: Stat) => metric('AWS/Lambda', name, 'FunctionName', r.functionName, stat);
  const firehose = (name: string, stat: Stat) =>
    metric('AWS/Firehose', name, 'DeliveryStreamName', r.deliveryStreamName, stat);
  const merge = (name: string, stat: Stat) =>
    metric('AWS/States', name, 'StateMachineArn', r.currentState.stateMachineArn, stat);
  const widgets: [string, Metric[]][] = [
    ['DynamoDB writes', [metric('AWS/DynamoDB', 'ConsumedWriteCapacityUnits', 'TableName', r.tableName, 'Sum')]],
    [
      'Pipe',
      [
        pipe('Invocations', 'Sum'),
        pipe('ExecutionFailed', 'Sum'),
        metric('AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', r.deadLetterQueueName, 'Maximum'),
      ],
    ],
    ['Kinesis', [kinesis('IncomingRecords', 'Sum'), kinesis('GetRecords.IteratorAgeMilliseconds', 'Maximum')]],
    [
      'Transform Lambda',
      [
        lambda('Invocations', 'Sum'),
        lambda('Errors', 'Sum'),
        lambda('Throttles', 'Sum'),
        lambda('Duration', 'Maximum'),
      ],
    ],
    [
      'Transform rejected values',
      [
        metric(
          REJECTED_VALUES_METRIC.namespace,
          REJECTED_VALUES_METRIC.metricName,
          REJECTED_VALUES_METRIC.dimensionName,
          r.functionName,
          'Sum',
        ),
      ],
    ],
    [
      'Firehose',
      [
        firehose('DeliveryToS3.Records', 'Sum'),
        firehose('DeliveryToS3.DataFreshness', 'Maximum'),
        firehose('ExecuteProcessing.Success', 'Average'),
      ],
    ],
    ...(r.recentDeliveryStreamName === undefined
      ? []
      : [
          [
            'Firehose, low-latency path',
            [
              metric('AWS/Firehose', 'DeliveryToS3.Records', 'DeliveryStreamName', r.recentDeliveryStreamName, 'Sum'),
              metric(
                'AWS/Firehose',
                'DeliveryToS3.DataFreshness',
                'DeliveryStreamName',
                r.recentDeliveryStreamName,
                'Maximum',
              ),
              metric(
                'AWS/Firehose',
                'ExecuteProcessing.Success',
                'DeliveryStreamName',
                r.recentDeliveryStreamName,
                'Average',
              ),
            ],
          ] satisfies [string, Metric[]],
        ]),
    [
      'Current-state merge',
      [
        metric(
          MERGE_SUCCESS_METRIC.namespace,
          MERGE_SUCCESS_METRIC.metricName,
          MERGE_SUCCESS_METRIC.dimensionName,
          r.currentState.stateMachineName,
          'Sum',
        ),
        merge('ExecutionsFailed', 'Sum'),
        merge('ExecutionTime', 'Maximum'),
      ],
    ],
  ];
  return JSON.stringify({
    widgets: widgets.map(([title, metrics], index) => ({
      type: 'metric',
      x: (index % 2) * 12,
      y: Math.floor(index / 2) * 6,
      width: 12,
      height: 6,
      properties: { title, region, metrics, period: 60, view: 'timeSeries' },
    })),
  });
}

/** A CloudWatch dashboard of the pipeline, hop by hop. */
export class PipelineDashboard extends Construct {
  /** The dashboard. */
  readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: PipelineDashboardProps) {
    super(scope, id);
    this.dashboard = new CloudwatchDashboard(this, 'Dashboard', {
      dashboardName: `${props.baseName}-pipeline`,
      dashboardBody: dashboardBody(props.resources, props.region),
    });
  }
}
