import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';
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

type Metric = [string, string, ...string[]];

/**
 * The dashboard body: one row of widgets per hop, in pipeline order.
 *
 * @param r - the monitored resources
 * @param region - the metrics' region
 * @returns the dashboard JSON
 */
export function dashboardBody(r: PipelineDashboardProps['resources'], region: string): string {
  const widgets: [string, Metric[]][] = [
    ['DynamoDB writes', [['AWS/DynamoDB', 'ConsumedWriteCapacityUnits', 'TableName', r.tableName]]],
    ['Pipe', [['AWS/EventBridge/Pipes', 'Invocations', 'PipeName', r.pipeName], ['AWS/EventBridge/Pipes', 'ExecutionFailed', 'PipeName', r.pipeName], ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', r.deadLetterQueueName]]],
    ['Kinesis', [['AWS/Kinesis', 'IncomingRecords', 'StreamName', r.streamName], ['AWS/Kinesis', 'GetRecords.IteratorAgeMilliseconds', 'StreamName', r.streamName]]],
    ['Transform Lambda', [['AWS/Lambda', 'Invocations', 'FunctionName', r.functionName], ['AWS/Lambda', 'Errors', 'FunctionName', r.functionName], ['AWS/Lambda', 'Throttles', 'FunctionName', r.functionName], ['AWS/Lambda', 'Duration', 'FunctionName', r.functionName]]],
    ['Firehose', [['AWS/Firehose', 'DeliveryToS3.Records', 'DeliveryStreamName', r.deliveryStreamName], ['AWS/Firehose', 'DeliveryToS3.DataFreshness', 'DeliveryStreamName', r.deliveryStreamName], ['AWS/Firehose', 'ExecuteProcessing.Success', 'DeliveryStreamName', r.deliveryStreamName]]],
  ];
  return JSON.stringify({
    widgets: widgets.map(([title, metrics], index) => ({
      type: 'metric',
      x: (index % 2) * 12,
      y: Math.floor(index / 2) * 6,
      width: 12,
      height: 6,
      properties: { title, region, metrics, stat: 'Sum', period: 60, view: 'timeSeries' },
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
