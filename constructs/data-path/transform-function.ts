import type { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AssetType, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { type AwsContext, resolveSetting, SETTINGS } from '@sales/pipeline-spec';
import { ServiceRole } from '../security/iam';
import { createLogGroup } from '../observability/log-group';
import { createRejectedValuesFilter } from '../observability/rejected-values-filter';
import type { TransformBundle } from './transform-bundle';

/**
 * The Lambda runtime of the transform; the bundle targets the same Node major (`LAMBDA_BUILD_OPTIONS.target`).
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
 */
export const LAMBDA_RUNTIME = 'nodejs24.x';

/** Props for {@link TransformFunction}. */
export interface TransformFunctionProps {
  /** Physical function name. */
  readonly functionName: string;
  /** Account, region and partition tokens. */
  readonly aws: AwsContext;
  /** The packaged handler (see `bundleTransformHandler`). */
  readonly bundle: TransformBundle;
  /** KMS key ARN that encrypts the function's log group. */
  readonly kmsKeyArn: string;
  /** Retention of the log group, in days. */
  readonly logRetentionDays: number;
  /**
   * Memory in MB. A 3 MB Firehose batch peaks at about 90 MB RSS.
   * @defaultValue - {@link SETTINGS.lambdaMemoryMiB}, with its limits; the stack passes `PipelineConfig.lambdaMemoryMiB`
   */
  readonly memoryMiB?: number;
  /**
   * Timeout in seconds; Firehose gives up on an invocation after 5 minutes.
   * @defaultValue - {@link SETTINGS.lambdaTimeoutSeconds}, with its limits; the stack passes `PipelineConfig.lambdaTimeoutSeconds`
   * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
   */
  readonly timeoutSeconds?: number;
}

/**
 * The Firehose transformation Lambda: Node.js 24 on arm64 (`nodejs24.x`, the current LTS runtime; `nodejs22.x`
 * is deprecated on 2027-04-30, see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), the bundle's deterministic zip as a
 * `TerraformAsset` whose path carries the bundle's content hash (and `source_code_hash` the zip's
 * SHA-256), a log group with retention and a `RejectedValues` metric filter, and a role that can only write
 * that log group.
 */
export class TransformFunction extends Construct {
  /** The function. */
  readonly function: LambdaFunction;
  /** The deployment package. */
  readonly asset: TerraformAsset;
  /** Publishes the batch summaries' `rejectedValues` as a metric. */
  readonly rejectedValuesFilter: CloudwatchLogMetricFilter;

  constructor(scope: Construct, id: string, props: TransformFunctionProps) {
    super(scope, id);
    const memory = resolveSetting('memoryMiB', props.memoryMiB, SETTINGS.lambdaMemoryMiB);
    const timeout = resolveSetting('timeoutSeconds', props.timeoutSeconds, SETTINGS.lambdaTimeoutSeconds);
    this.asset = new TerraformAsset(this, 'Bundle', {
      path: props.bundle.zipFile,
      type: AssetType.FILE,
      assetHash: props.bundle.contentHash,
    });
    const logGroup = createLogGroup(this, 'LogGroup', {
      name: `/aws/lambda/${props.functionName}`,
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    this.rejectedValuesFilter = createRejectedValuesFilter(this, 'RejectedValues', props.functionName, logGroup.name);
    const role = new ServiceRole(this, 'Role', {
      name: `${props.functionName}-lambda`,
      service: 'lambda.amazonaws.com',
      accountId: props.aws.accountId,
      statements: [
        {
          sid: 'WriteOwnLogs',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [`${logGroup.arn}:*`],
        },
      ],
    });
    this.function = new LambdaFunction(this, 'Function', {
      functionName: props.functionName,
      description: 'Firehose transformation: DynamoDB change records to flat JSON lines (@sales/transform)',
      role: role.role.arn,
      runtime: LAMBDA_RUNTIME,
      architectures: ['arm64'],
      handler: 'index.handler',
      filename: this.asset.path,
      sourceCodeHash: props.bundle.zipSha256,
      memorySize: memory,
      timeout,
      loggingConfig: { logFormat: 'Text', logGroup: logGroup.name },
      dependsOn: [logGroup, role.policy],
    });
  }
}
