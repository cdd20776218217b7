import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, DISABLE_STACK_TRACE_IN_METADATA, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { Athena } from '../data-path/athena';
import {
  type AwsContext,
  glueDatabaseName,
  type PipelineConfig,
  pipeBatchingWindowSeconds,
  resourceNames,
} from '@sales/pipeline-spec';
import { Catalog } from '../data-path/catalog';
import { ChangePipe } from '../data-path/change-pipe';
import { ChangeStream } from '../data-path/change-stream';
import { CurrentState } from '../current-state/current-state';
import { DeliveryStream } from '../data-path/delivery-stream';
import { EncryptionKey } from '../security/encryption-key';
import { lakeLifecycleRules, resultsLifecycleRules } from '../data-path/lake-lifecycle';
import { OperatorPolicies } from '../security/operator-policies';
import { PipelineAlarms } from '../observability/alarms/pipeline-alarms';
import { PipelineDashboard } from '../observability/alarms/pipeline-dashboard';
import { addPipelineOutputs } from './pipeline-outputs';
import { PolicyAspect } from '../security/policy-aspect';
import { RecentPath } from '../recent-path/recent-path';
import { ReconcileTables } from '../data-path/reconcile-tables';
import { SalesTable } from '../data-path/sales-table';
import { SecureBucket } from '../data-path/secure-bucket';
import { addStateBackend } from './state-backend';
import type { TransformBundle } from '../data-path/transform-bundle';
import { TransformFunction } from '../data-path/transform-function';

/** Props for {@link PipelineStack}. */
export interface PipelineStackProps {
  /** The environment's configuration, from `loadConfig`. */
  readonly config: PipelineConfig;
  /** The transform Lambda's bundle, from `bundleTransformHandler`. */
  readonly bundle: TransformBundle;
}

/**
 * One environment of the pipeline: DynamoDB -> Pipe -> Kinesis -> Firehose (+ Lambda) -> S3 ->
 * Glue -> Athena, and the low-latency path beside it when `recentPathEnabled`, with one KMS key, alarms, a dashboard, operator policies and outputs. Composes constructs only;
 * the policy aspect checks the result at synth time.
 */
export class PipelineStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id);
    // Synth warnings (Annotations) would otherwise carry a stack trace with absolute paths into
    // cdktf.out/manifest.json, and the output would differ between checkouts.
    this.node.setContext(DISABLE_STACK_TRACE_IN_METADATA, true);
    const { config } = props;
    const names = resourceNames(config);
    const { baseName } = names;
    new AwsProvider(this, 'aws', { region: config.region, defaultTags: [{ tags: { ...config.tags } }] });
    addStateBackend(this, config);
    const aws: AwsContext = {
      accountId: new DataAwsCallerIdentity(this, 'Account').accountId,
      partition: new DataAwsPartition(this, 'Partition').partition,
      region: config.region,
    };
    // One switch per environment (`SALES_DELETION_PROTECTION`): prod refuses to lose its data, dev tears down whole.
    const protect = config.deletionProtection;
    const kmsKeyArn = new EncryptionKey(this, 'Key', { baseName, aws, preventDestroy: protect }).key.arn;
    const logRetentionDays = config.logRetentionDays;

    const table = new SalesTable(this, 'Table', {
      tableName: names.tableName,
      kmsKeyArn,
      deletionProtection: protect,
    }).table;
    const stream = new ChangeStream(this, 'Stream', {
      streamName: names.streamName,
      kmsKeyArn,
      streamMode: config.kinesisStreamMode,
      shardCount: config.kinesisShardCount,
      retentionHours: config.kinesisRetentionHours,
    }).stream;
    const lake = new SecureBucket(this, 'Lake', {
      bucketName: `${baseName}-lake-${aws.accountId}-${config.region}`,
      kmsKeyArn,
      lifecycleRules: lakeLifecycleRules(config),
      forceDestroy: !protect,
      preventDestroy: protect,
    }).bucket;
    const results = new SecureBucket(this, 'QueryResults', {
      bucketName: `${baseName}-results-${aws.accountId}-${config.region}`,
      kmsKeyArn,
      lifecycleRules: resultsLifecycleRules(config.athenaResultsExpirationDays),
      forceDestroy: true,
    }).bucket;
    const transform = new TransformFunction(this, 'Transform', {
      functionName: names.functionName,
      aws,
      bundle: props.bundle,
      kmsKeyArn,
      logRetentionDays,
      memoryMiB: config.lambdaMemoryMiB,
      timeoutSeconds: config.lambdaTimeoutSeconds,
    }).function;
    // Both delivery streams read the stream through the transform into the lake; each has its own name.
    const wiring = { baseName, aws, source: stream, transform, bucket: lake, kmsKeyArn, logRetentionDays };
    const delivery = new DeliveryStream(this, 'Delivery', {
      ...wiring,
      deliveryStreamName: names.deliveryStreamName,
      bufferIntervalSeconds: config.bufferIntervalSeconds,
      bufferSizeMiB: config.bufferSizeMiB,
      lambdaBufferSizeMB: config.lambdaBufferSizeMB,
      lambdaBufferIntervalSeconds: config.lambdaBufferIntervalSeconds,
    }).deliveryStream;
    const catalog = new Catalog(this, 'Catalog', {
      baseName,
      aws,
      bucket: lake,
      kmsKeyArn,
      logRetentionDays,
      crawlerSchedule: config.crawlerSchedule,
      projectionStartYear: config.projectionStartYear,
    });
    const reconcileTables = new ReconcileTables(this, 'ReconcileTables', { database: catalog.database, bucket: lake });
    const athena = new Athena(this, 'Athena', {
      baseName,
      databaseName: catalog.database.name,
      resultsBucket: results,
      kmsKeyArn,
      bytesScannedCutoffPerQuery: config.athenaBytesScannedCutoff,
      forceDestroy: !protect,
    });
    const currentState = new CurrentState(this, 'CurrentState', {
      baseName,
      aws,
      kmsKeyArn,
      logRetentionDays,
      lake,
      results,
      database: catalog.database,
      changes: catalog.table,
      workgroup: athena.workgroup,
      mergeIntervalMinutes: config.mergeIntervalMinutes,
      mergeLatenessSeconds: config.mergeLatenessSeconds,
    });
    // The low-latency path (`SALES_RECENT_PATH`): a second reader of the stream, with zero buffering into `recent/`.
    const recent = config.recentPathEnabled
      ? new RecentPath(this, 'Recent', {
          ...wiring,
          deliveryStreamName: names.recentDeliveryStreamName,
          lambdaBufferSizeMB: config.lambdaBufferSizeMB,
          database: catalog.database,
          databaseName: glueDatabaseName(baseName),
          expirationDays: config.recentExpirationDays,
          latenessSeconds: config.mergeLatenessSeconds,
          currentStateTables: currentState.tables.all,
        })
      : undefined;
    const pipe = new ChangePipe(this, 'Pipe', {
      baseName,
      aws,
      table,
      target: stream,
      kmsKeyArn,
      logRetentionDays,
      batchSize: config.pipeBatchSize,
      // 0 while the low-latency path is on: its budget carries no batching window.
      batchingWindowSeconds: pipeBatchingWindowSeconds(config),
      maximumRetryAttempts: config.pipeMaximumRetryAttempts,
      maximumRecordAgeSeconds: config.pipeMaximumRecordAgeSeconds,
      // Firehose reads Kinesis from LATEST: it must exist before the first change enters the stream.
      dependsOn: [delivery, ...(recent === undefined ? [] : [recent.deliveryStream])],
    });
    const operatorPolicies = new OperatorPolicies(this, 'Operators', {
      baseName,
      resources: {
        tableArn: table.arn,
        tableStreamArn: table.streamArn,
        lakeBucketArn: lake.arn,
        resultsBucketArn: results.arn,
        kmsKeyArn,
        kinesisStreamArn: stream.arn,
        deadLetterQueueArn: pipe.deadLetterQueue.arn,
        workgroupArn: athena.workgroup.arn,
        glueArns: [
          `arn:${aws.partition}:glue:${aws.region}:${aws.accountId}:catalog`,
          catalog.database.arn,
          catalog.table.arn,
        ],
        reconcileTableArns: [reconcileTables.changeLines.arn, reconcileTables.reconcileRows.arn],
        currentStateTableArns: [
          currentState.tables.current.arn,
          currentState.tables.tombstones.arn,
          currentState.tables.mergeLog.arn,
        ],
        region: aws.region,
      },
    });
    const monitored = {
      pipeName: pipe.pipe.name,
      deadLetterQueueName: pipe.deadLetterQueue.name,
      streamName: stream.name,
      deliveryStreamName: delivery.name,
      recentDeliveryStreamName: recent?.deliveryStream.name,
      functionName: transform.functionName,
      bufferIntervalSeconds: config.bufferIntervalSeconds,
      tableName: table.name,
      currentState: {
        stateMachineArn: currentState.merge.stateMachine.arn,
        stateMachineName: currentState.merge.stateMachine.name,
        mergeIntervalMinutes: config.mergeIntervalMinutes,
        staleAfterIntervals: config.mergeStaleAfterIntervals,
      },
    };
    const alarms = new PipelineAlarms(this, 'Alarms', {
      baseName,
      kmsKeyArn,
      resources: monitored,
      alarmEmail: config.alarmEmail,
      warnWithoutSubscription: config.environment === 'prod',
    });
    const dashboard = new PipelineDashboard(this, 'Dashboard', {
      baseName,
      region: config.region,
      resources: monitored,
    });
    addPipelineOutputs(this, {
      table,
      stream,
      lake,
      results,
      delivery,
      catalog,
      athena,
      alarms,
      dashboard,
      operatorPolicies,
      currentState,
    });
    Aspects.of(this).add(new PolicyAspect());
  }
}
