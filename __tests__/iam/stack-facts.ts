/**
 * What the simulations read from a resolved stack: every policy document by who holds it, the resource policies by
 * the ARNs they guard, and the names and locations the services' calls are made against.
 */
import type { SynthesizedStack } from '../helpers/pipeline';
import { resolveTokens, TEST_ACCOUNT, type EvaluationAccount } from './resolve-tokens';

/** An IAM policy document. */
export interface PolicyDocument {
  readonly Version: string;
  readonly Statement: readonly Record<string, unknown>[];
}

/** A Glue table as Athena resolves it. */
export interface CatalogTable {
  readonly arn: string;
  /** `s3://bucket/prefix/`. */
  readonly location: string;
  /** `storage.location.template` of a projected table, else `undefined`. */
  readonly locationTemplate: string | undefined;
  /** Partitioned without projection: Athena reads its partitions from Glue. */
  readonly catalogPartitions: boolean;
}

/** The resolved stack, as the simulations need it. */
export interface StackFacts {
  readonly account: EvaluationAccount;
  /** Managed policies by name (`sales-dev-lake-backfill`, …). */
  readonly managedPolicies: Readonly<Record<string, PolicyDocument>>;
  /** Inline role policies by role name, and each role's ARN. */
  readonly roles: Readonly<Record<string, { readonly arn: string; readonly policy: PolicyDocument }>>;
  /** Every policy document of the stack (identity, trust and resource policies), named `<type>.<id>.<attribute>`. */
  readonly allDocuments: Readonly<Record<string, PolicyDocument>>;
  /** The resource policy guarding an ARN (bucket, object, key, queue), if any. */
  readonly resourcePolicyOf: (arn: string) => PolicyDocument | undefined;
  readonly kmsKeyArn: string;
  readonly lakeBucket: string;
  readonly resultsBucket: string;
  readonly tableArn: string;
  readonly tableStreamArn: string;
  readonly kinesisStreamArn: string;
  readonly deadLetterQueueUrl: string;
  /** The queue of the lake's S3 events the crawler consumes. */
  readonly crawlerEventQueueArn: string;
  readonly functionArn: string;
  /** Workgroups by name: ARN and results location. */
  readonly workgroups: Readonly<Record<string, { readonly arn: string; readonly outputLocation: string }>>;
  /** Glue tables by `database.table`. */
  readonly tables: Readonly<Record<string, CatalogTable>>;
  /** Log group ARNs by name. */
  readonly logGroups: Readonly<Record<string, string>>;
  readonly glueDatabase: string;
}

type Resources = Record<string, Record<string, Record<string, any>>>;

const only = (resources: Resources, type: string): Record<string, any> => {
  const all = Object.values(resources[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0]!;
};

const isDocument = (text: unknown): text is string => typeof text === 'string' && text.includes('"Statement"');

/**
 * Resolves a synthesized stack and reads its facts.
 *
 * @param json - The synthesized stack.
 * @param account - Where it is evaluated. @defaultValue {@link TEST_ACCOUNT}
 * @returns The facts.
 */
export function stackFacts(json: SynthesizedStack, account: EvaluationAccount = TEST_ACCOUNT): StackFacts {
  const resources = resolveTokens(json, account).resource as Resources;
  const all = (type: string) => Object.values(resources[type] ?? {});
  const allDocuments: Record<string, PolicyDocument> = {};
  for (const [type, byId] of Object.entries(resources))
    for (const [id, config] of Object.entries(byId))
      for (const [attribute, value] of Object.entries(config))
        if (isDocument(value)) allDocuments[`${type}.${id}.${attribute}`] = JSON.parse(value) as PolicyDocument;
  const key = only(resources, 'aws_kms_key');
  const kmsKeyArn = `arn:${account.partition}:kms:${account.region}:${account.accountId}:key/11111111-2222-3333-4444-555555555555`;
  const bucketPolicies = new Map<string, PolicyDocument>(
    all('aws_s3_bucket_policy').map((p) => [`arn:aws:s3:::${p.bucket}`, JSON.parse(p.policy) as PolicyDocument]),
  );
  const queuePolicies = new Map<string, PolicyDocument>(
    all('aws_sqs_queue_policy').map((p) => [p.queue_url as string, JSON.parse(p.policy) as PolicyDocument]),
  );
  const queueNamed = (suffix: string): Record<string, any> => {
    const found = all('aws_sqs_queue').filter((q) => String(q.name).endsWith(suffix));
    if (found.length !== 1) throw new Error(`expected one aws_sqs_queue named *${suffix}, found ${found.length}`);
    return found[0]!;
  };
  const queue = queueNamed('-pipe-dlq');
  const queueArn = `arn:${account.partition}:sqs:${account.region}:${account.accountId}:${queue.name}`;
  const queueUrl = `https://sqs.${account.region}.amazonaws.com/${account.accountId}/${queue.name}`;
  const events = queueNamed('-crawler-events');
  const eventsArn = `arn:${account.partition}:sqs:${account.region}:${account.accountId}:${events.name}`;
  const eventsUrl = `https://sqs.${account.region}.amazonaws.com/${account.accountId}/${events.name}`;
  const table = only(resources, 'aws_dynamodb_table');
  const tableArn = `arn:${account.partition}:dynamodb:${account.region}:${account.accountId}:table/${table.name}`;
  const buckets = all('aws_s3_bucket').map((b) => b.bucket as string);
  const bucketLike = (word: string) => buckets.find((b) => b.includes(`-${word}-`))!;
  const glue = (resource: string) => `arn:${account.partition}:glue:${account.region}:${account.accountId}:${resource}`;
  const fn = only(resources, 'aws_lambda_function');
  return {
    account,
    managedPolicies: Object.fromEntries(all('aws_iam_policy').map((p) => [p.name, JSON.parse(p.policy)])),
    roles: Object.fromEntries(
      all('aws_iam_role_policy').map((p) => [
        p.role,
        { arn: `arn:${account.partition}:iam::${account.accountId}:role/${p.role}`, policy: JSON.parse(p.policy) },
      ]),
    ),
    allDocuments,
    resourcePolicyOf: (arn) => {
      if (arn === kmsKeyArn) return JSON.parse(key.policy) as PolicyDocument;
      if (arn === queueArn) return queuePolicies.get(queueUrl) ?? queuePolicies.get(queue.name);
      if (arn === eventsArn) return queuePolicies.get(eventsUrl) ?? queuePolicies.get(events.name);
      if (arn.startsWith(`arn:${account.partition}:sqs:`))
        return queuePolicies.get(
          `https://sqs.${account.region}.amazonaws.com/${account.accountId}/${arn.split(':').at(-1)}`,
        );
      return bucketPolicies.get(arn.startsWith('arn:aws:s3:::') ? `arn:aws:s3:::${arn.slice(13).split('/')[0]}` : '');
    },
    kmsKeyArn,
    lakeBucket: bucketLike('lake'),
    resultsBucket: bucketLike('results'),
    tableArn,
    tableStreamArn: `${tableArn}/stream/2025-01-01T00:00:00.000`,
    kinesisStreamArn: `arn:${account.partition}:kinesis:${account.region}:${account.accountId}:stream/${only(resources, 'aws_kinesis_stream').name}`,
    deadLetterQueueUrl: queueUrl,
    crawlerEventQueueArn: eventsArn,
    functionArn: `arn:${account.partition}:lambda:${account.region}:${account.accountId}:function:${fn.function_name}`,
    workgroups: Object.fromEntries(
      all('aws_athena_workgroup').map((w) => [
        w.name,
        {
          arn: `arn:${account.partition}:athena:${account.region}:${account.accountId}:workgroup/${w.name}`,
          outputLocation: w.configuration.result_configuration.output_location as string,
        },
      ]),
    ),
    tables: Object.fromEntries(
      all('aws_glue_catalog_table').map((t) => {
        const parameters = (t.parameters ?? {}) as Record<string, string>;
        const projected = parameters['projection.enabled'] === 'true';
        const template = parameters['storage.location.template']?.replace(/\$\$\{/g, '${');
        return [
          `${t.database_name}.${t.name}`,
          {
            arn: glue(`table/${t.database_name}/${t.name}`),
            location: t.storage_descriptor.location as string,
            locationTemplate: projected ? template : undefined,
            catalogPartitions: (t.partition_keys ?? []).length > 0 && !projected,
          },
        ];
      }),
    ),
    logGroups: Object.fromEntries(
      all('aws_cloudwatch_log_group').map((g) => [
        g.name,
        `arn:${account.partition}:logs:${account.region}:${account.accountId}:log-group:${g.name}`,
      ]),
    ),
    glueDatabase: only(resources, 'aws_glue_catalog_database').name as string,
  };
}
