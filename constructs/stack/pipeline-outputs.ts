import type { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import type { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import type { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { OPERATOR_OPERATIONS } from '@sales/pipeline-spec';
import { TerraformOutput, type TerraformStack } from 'cdktf';
import type { Athena } from '../data-path/athena';
import type { Catalog } from '../data-path/catalog';
import type { CurrentState } from '../current-state/current-state';
import type { OperatorPolicies } from '../security/operator-policies';
import type { PipelineAlarms } from '../observability/alarms/pipeline-alarms';
import type { PipelineDashboard } from '../observability/alarms/pipeline-dashboard';

/** What a stack exposes as outputs. */
export interface PipelineOutputSources {
  /** The orders table. */
  readonly table: DynamodbTable;
  /** The Kinesis stream. */
  readonly stream: KinesisStream;
  /** The lake bucket. */
  readonly lake: S3Bucket;
  /** The Athena results bucket. */
  readonly results: S3Bucket;
  /** The Firehose delivery stream. */
  readonly delivery: KinesisFirehoseDeliveryStream;
  /** Glue database, table and crawler. */
  readonly catalog: Catalog;
  /** The Athena workgroup. */
  readonly athena: Athena;
  /** The alarm topic. */
  readonly alarms: PipelineAlarms;
  /** The dashboard. */
  readonly dashboard: PipelineDashboard;
  /** The managed policies for the `sales-lake` commands. */
  readonly operatorPolicies: OperatorPolicies;
  /** `orders_current`'s merge and its schedule. */
  readonly currentState: CurrentState;
}

/**
 * Outputs for what a user needs next: where to write (table), what to watch (stream, delivery
 * stream, topic, dashboard), where to query (bucket, database, crawler, workgroup), and what an
 * operator role attaches to run `sales-lake` (one policy ARN per command).
 *
 * @param stack - the stack that gets the outputs
 * @param s - the resources
 */
export function addPipelineOutputs(stack: TerraformStack, s: PipelineOutputSources): void {
  const outputs: [string, string, string][] = [
    ['table_name', s.table.name, 'DynamoDB table to write orders to (sales-generator --table)'],
    ['table_stream_arn', s.table.streamArn, 'Stream the pipe reads'],
    ['stream_arn', s.stream.arn, 'Kinesis stream between the pipe and Firehose'],
    ['delivery_stream_name', s.delivery.name, 'Firehose delivery stream'],
    ['lake_bucket', s.lake.bucket, 'S3 bucket of the data lake (sales/, errors/ and exports/)'],
    ['athena_results_bucket', s.results.bucket, 'S3 bucket of Athena query results'],
    [
      'glue_database',
      s.catalog.database.name,
      'Glue database of order_changes and the line tables sales-lake reconcile queries',
    ],
    ['glue_table', s.catalog.table.name, 'Glue table to query'],
    ['crawler_name', s.catalog.crawler.name, 'Glue crawler (aws glue start-crawler --name ...)'],
    ['athena_workgroup', s.athena.workgroup.name, 'Athena workgroup to run queries in'],
    ['alarm_topic_arn', s.alarms.topic.arn, 'SNS topic the alarms notify'],
    ['dashboard_name', s.dashboard.dashboard.dashboardName, 'CloudWatch dashboard of the pipeline'],
    [
      'merge_state_machine_arn',
      s.currentState.merge.stateMachine.arn,
      'State machine that merges the change log into orders_current (aws stepfunctions list-executions --state-machine-arn ...)',
    ],
    [
      'merge_schedule_name',
      s.currentState.schedule.schedule.name,
      'EventBridge Scheduler schedule that starts the merge (group: <prefix>-<env>-current-state)',
    ],
    ...OPERATOR_OPERATIONS.map((operation): [string, string, string] => [
      `${operation}_policy_arn`,
      s.operatorPolicies.policies[operation].arn,
      `Managed policy to attach to the role that runs sales-lake ${operation}`,
    ]),
  ];
  for (const [name, value, description] of outputs) {
    new TerraformOutput(stack, name, { value, description });
  }
}
