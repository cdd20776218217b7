import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import { GlueCatalogTableOptimizer } from '@cdktf/provider-aws/lib/glue-catalog-table-optimizer';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { PipesPipe } from '@cdktf/provider-aws/lib/pipes-pipe';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import {
  DefaultTokenResolver,
  StringConcat,
  type TerraformResource,
  TerraformStack,
  Tokenization,
  type IAspect,
} from 'cdktf';
import type { IConstruct } from 'constructs';
import {
  block,
  bucketNameViolations,
  firehoseBufferViolations,
  lifecycleTransitionViolations,
  processorParameterViolations,
  type ResourceBlock,
} from './apply-time-rules';
import { kinesisReadBudgetViolations } from './kinesis-read-budget';
import {
  icebergLifecycleViolations,
  icebergLocationViolations,
  isIcebergTable,
  tableLocation,
  tableOptimizerViolations,
} from './iceberg-rules';
import { metricFilterDimensionViolations } from './metric-filter-rules';
import { pipeRecoveryViolations } from './recovery-rules';
import { policyStatements, trustPolicyViolations } from './trust-conditions';

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** Resolve tokens to their Terraform text (e.g. `${aws_s3_bucket.x.id}`), to compare references. */
function resolveIn(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, { scope, resolver: RESOLVER });
}

/** The resource's block exactly as synthesized (snake_case, overrides applied, references as `${...}`). */
function terraformBlock(resource: TerraformResource): ResourceBlock {
  const byType = (
    resolveIn(resource, resource.toTerraform()) as { resource: Record<string, Record<string, ResourceBlock>> }
  ).resource;
  return Object.values(Object.values(byType)[0] ?? {})[0] ?? {};
}

/**
 * Policy as code, checked at synth time: every bucket is encrypted and blocks public access, no IAM
 * policy allows a wildcard action, every log group has a retention, every trust policy uses only the
 * condition keys its service documents, and the apply-time rules of `apply-time-rules.ts` hold (Firehose
 * dynamic-partitioning buffers, Lambda processor parameters, bucket names, lifecycle transitions), metric filter
 * dimensions hold CloudWatch's rules (`metric-filter-rules.ts`), a pipe
 * leaves time to replay its dead-letter queue (`recovery-rules.ts`), a Kinesis stream's standard consumers fit its
 * read limits (`kinesis-read-budget.ts`), and Iceberg tables keep locations of their own, optimizers that cannot
 * reach another table's files, and no lifecycle rule under them (`iceberg-rules.ts`). Each violation becomes a
 * validation error on the offending construct, so `cdktf synth` (and `Testing.synth(stack, true)`)
 * fails before writing the stack, with messages like
 * `[sales-dev/Lake/Bucket] bucket has no public access block (S3BucketPublicAccessBlock with all four settings true)`.
 *
 * @example
 * ```ts
 * Aspects.of(stack).add(new PolicyAspect());
 * ```
 */
export class PolicyAspect implements IAspect {
  /** Adds the checks that apply to `node` as validations on it. */
  visit(node: IConstruct): void {
    if (node instanceof S3Bucket) {
      node.node.addValidation({
        validate: () => [
          ...bucketViolations(node),
          ...bucketNameViolations(String(terraformBlock(node)['bucket'] ?? '')),
        ],
      });
    } else if (node instanceof KinesisFirehoseDeliveryStream) {
      node.node.addValidation({
        validate: () => [
          ...firehoseBufferViolations(terraformBlock(node)),
          ...processorParameterViolations(terraformBlock(node)),
        ],
      });
    } else if (node instanceof KinesisStream) {
      node.node.addValidation({
        validate: () => kinesisReadBudgetViolations(terraformBlock(node), standardConsumersOf(node)),
      });
    } else if (node instanceof PipesPipe) {
      node.node.addValidation({ validate: () => pipeRecoveryViolations(terraformBlock(node)) });
    } else if (node instanceof CloudwatchLogMetricFilter) {
      node.node.addValidation({ validate: () => metricFilterDimensionViolations(terraformBlock(node)) });
    } else if (node instanceof S3BucketLifecycleConfiguration) {
      node.node.addValidation({
        validate: () => [
          ...lifecycleTransitionViolations(terraformBlock(node)),
          ...icebergLifecycleViolations(terraformBlock(node), icebergKeyPrefixesIn(node)),
        ],
      });
    } else if (node instanceof GlueCatalogTable) {
      node.node.addValidation({
        validate: () =>
          icebergLocationViolations(
            terraformBlock(node),
            otherTables(node).map((t) => t.block),
          ),
      });
    } else if (node instanceof GlueCatalogTableOptimizer) {
      node.node.addValidation({
        validate: () => {
          const optimizer = terraformBlock(node);
          const tables = otherTables(node);
          const target = tables.find((t) => [t.reference, t.block['name']].includes(optimizer['table_name']));
          const others = tables.filter((t) => t !== target).map((t) => t.block);
          return tableOptimizerViolations(optimizer, target?.block, others);
        },
      });
    } else if (node instanceof IamRolePolicy || node instanceof IamPolicy) {
      node.node.addValidation({ validate: () => wildcardActions(node.policyInput ?? '') });
    } else if (node instanceof IamRole) {
      node.node.addValidation({
        validate: () => [...inlinePolicyViolations(node), ...trustPolicyViolations(node.assumeRolePolicyInput ?? '')],
      });
    } else if (node instanceof CloudwatchLogGroup) {
      node.node.addValidation({
        validate: () => {
          const days = node.retentionInDaysInput;
          return typeof days === 'number' && days > 0 ? [] : ['log group has no retention (set retention_in_days)'];
        },
      });
    }
  }
}

/**
 * Actions an IAM policy document allows with a wildcard (`*`, `s3:*`, `kms:Get*`) or through `NotAction`.
 *
 * @param policy - the policy JSON text (ARNs may be Terraform tokens)
 * @returns one message per offending action; a policy that is not literal JSON is an error too
 * @example
 * ```ts
 * wildcardActions('{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}');
 * //=> ['policy allows wildcard action "s3:*"']
 * ```
 */
export function wildcardActions(policy: string): string[] {
  const statements = policyStatements(policy);
  if (statements === undefined) return ['policy is not literal JSON, so it cannot be checked for wildcard actions'];
  const messages: string[] = [];
  for (const statement of statements) {
    if (statement['Effect'] !== 'Allow') continue;
    if (statement['NotAction'] !== undefined) messages.push('policy allows actions through NotAction');
    const actions = ([] as unknown[]).concat(statement['Action'] ?? []);
    for (const action of actions) {
      if (typeof action !== 'string' || action.includes('*'))
        messages.push(`policy allows wildcard action ${JSON.stringify(action)}`);
    }
  }
  return messages;
}

/** The stack's Glue tables other than `node`: each block, and the `${…name}` reference an optimizer names it by. */
function otherTables(node: IConstruct): { block: ResourceBlock; reference: unknown }[] {
  return TerraformStack.of(node)
    .node.findAll()
    .filter((c): c is GlueCatalogTable => c instanceof GlueCatalogTable && c !== node)
    .map((table) => ({ block: terraformBlock(table), reference: resolveIn(table, table.name) }));
}

/** `aws_s3_bucket.<id>` of a `${aws_s3_bucket.<id>.id|bucket}` reference, else the literal bucket name. */
const bucketKey = (text: string) => /\$\{(aws_s3_bucket\.[^.}]+)\.(?:id|bucket)\}/.exec(text)?.[1] ?? text;

/** Key prefixes of the Iceberg tables in the bucket a lifecycle configuration belongs to. */
function icebergKeyPrefixesIn(configuration: S3BucketLifecycleConfiguration): string[] {
  const bucket = bucketKey(String(terraformBlock(configuration)['bucket'] ?? ''));
  return otherTables(configuration).flatMap(({ block }) => {
    const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(tableLocation(block) ?? '');
    return isIcebergTable(block) && match !== null && bucketKey(match[1]!) === bucket ? [match[2]!] : [];
  });
}

function inlinePolicyViolations(role: IamRole): string[] {
  const inline = resolveIn(role, role.inlinePolicyInput) as Array<{ policy?: string }> | undefined;
  return (inline ?? []).flatMap((entry) => (entry.policy === undefined ? [] : wildcardActions(entry.policy)));
}

/**
 * The constructs of the stack that read `stream` with `GetRecords` (shared throughput): Firehose delivery streams
 * with it as their source, Lambda event source mappings and pipes on its ARN. A consumer with enhanced fan-out reads
 * through a registered consumer's ARN, so it is not counted.
 */
function standardConsumersOf(stream: KinesisStream): string[] {
  const arn = resolveIn(stream, stream.arn);
  const sourceOf = (resource: TerraformResource): unknown => {
    const config = terraformBlock(resource);
    if (resource instanceof KinesisFirehoseDeliveryStream)
      return block(config['kinesis_source_configuration'])?.['kinesis_stream_arn'];
    if (resource instanceof LambdaEventSourceMapping) return config['event_source_arn'];
    return config['source'];
  };
  return TerraformStack.of(stream)
    .node.findAll()
    .filter(
      (c): c is TerraformResource =>
        c instanceof KinesisFirehoseDeliveryStream || c instanceof LambdaEventSourceMapping || c instanceof PipesPipe,
    )
    .filter((consumer) => sourceOf(consumer) === arn)
    .map((consumer) => consumer.node.path);
}

function bucketViolations(bucket: S3Bucket): string[] {
  const references = new Set([resolveIn(bucket, bucket.id), resolveIn(bucket, bucket.bucket)]);
  const constructs = TerraformStack.of(bucket).node.findAll();
  const refersToBucket = (value: string | undefined) => references.has(resolveIn(bucket, value));
  const encryption = constructs.find(
    (c): c is S3BucketServerSideEncryptionConfigurationA =>
      c instanceof S3BucketServerSideEncryptionConfigurationA && refersToBucket(c.bucketInput),
  );
  const publicAccessBlock = constructs.find(
    (c): c is S3BucketPublicAccessBlock => c instanceof S3BucketPublicAccessBlock && refersToBucket(c.bucketInput),
  );
  const messages: string[] = [];
  if (encryption === undefined) messages.push('bucket has no encryption (S3BucketServerSideEncryptionConfigurationA)');
  const blocksAll =
    publicAccessBlock !== undefined &&
    [
      publicAccessBlock.blockPublicAclsInput,
      publicAccessBlock.blockPublicPolicyInput,
      publicAccessBlock.ignorePublicAclsInput,
      publicAccessBlock.restrictPublicBucketsInput,
    ].every((setting) => setting === true);
  if (!blocksAll)
    messages.push('bucket has no public access block (S3BucketPublicAccessBlock with all four settings true)');
  return messages;
}
