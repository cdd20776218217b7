/**
 * Terraform references in a synthesized stack (`${aws_s3_bucket.Lake_Bucket_….arn}`) replaced with the values AWS
 * would give them in one fixed account and region, so the policies can be evaluated as IAM would see them.
 */

/** The account, region and partition the stack is evaluated in. */
export interface EvaluationAccount {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
}

/** The account the simulations run in. */
export const TEST_ACCOUNT: EvaluationAccount = { accountId: '123456789012', region: 'eu-west-1', partition: 'aws' };

/** A fixed key id and stream label: AWS makes them up at apply time. */
const KEY_ID = '11111111-2222-3333-4444-555555555555';
const STREAM_LABEL = '2025-01-01T00:00:00.000';

type Config = Record<string, unknown>;
type Attributes = (config: Config, value: (field: string) => string, a: EvaluationAccount) => Record<string, string>;

const arn = (a: EvaluationAccount, service: string, resource: string, global = false) =>
  `arn:${a.partition}:${service}:${global ? '' : a.region}:${global ? '' : a.accountId}:${resource}`;

/**
 * The attributes the stack references, per resource type, as the AWS provider reports them (ARN formats from the
 * Service Authorization Reference). A reference to any other type or attribute throws, so a new one is noticed.
 */
const ATTRIBUTES: Record<string, Attributes> = {
  aws_s3_bucket: (_, v) => ({ arn: `arn:aws:s3:::${v('bucket')}`, id: v('bucket'), bucket: v('bucket') }),
  aws_dynamodb_table: (_, v, a) => {
    const table = arn(a, 'dynamodb', `table/${v('name')}`);
    return { arn: table, name: v('name'), stream_arn: `${table}/stream/${STREAM_LABEL}` };
  },
  aws_kms_key: (_, __, a) => ({ arn: arn(a, 'kms', `key/${KEY_ID}`), key_id: KEY_ID }),
  aws_kinesis_stream: (_, v, a) => ({ arn: arn(a, 'kinesis', `stream/${v('name')}`), name: v('name') }),
  aws_sqs_queue: (_, v, a) => ({
    arn: arn(a, 'sqs', v('name')),
    name: v('name'),
    url: `https://sqs.${a.region}.amazonaws.com/${a.accountId}/${v('name')}`,
  }),
  aws_athena_workgroup: (_, v, a) => ({ arn: arn(a, 'athena', `workgroup/${v('name')}`), name: v('name') }),
  aws_glue_catalog_database: (_, v, a) => ({ arn: arn(a, 'glue', `database/${v('name')}`), name: v('name') }),
  aws_glue_catalog_table: (_, v, a) => ({
    arn: arn(a, 'glue', `table/${v('database_name')}/${v('name')}`),
    name: v('name'),
  }),
  aws_lambda_function: (_, v, a) => ({
    arn: arn(a, 'lambda', `function:${v('function_name')}`),
    function_name: v('function_name'),
  }),
  aws_cloudwatch_log_group: (_, v, a) => ({ arn: arn(a, 'logs', `log-group:${v('name')}`), name: v('name') }),
  aws_cloudwatch_log_stream: (_, v) => ({ name: v('name') }),
  aws_iam_role: (_, v, a) => ({ arn: `arn:${a.partition}:iam::${a.accountId}:role/${v('name')}`, id: v('name') }),
  aws_iam_policy: (_, v, a) => ({ arn: `arn:${a.partition}:iam::${a.accountId}:policy/${v('name')}` }),
  aws_sns_topic: (_, v, a) => ({ arn: arn(a, 'sns', v('name')), name: v('name') }),
  aws_kinesis_firehose_delivery_stream: (_, v, a) => ({
    arn: arn(a, 'firehose', `deliverystream/${v('name')}`),
    name: v('name'),
  }),
  aws_pipes_pipe: (_, v, a) => ({ arn: arn(a, 'pipes', `pipe/${v('name')}`), name: v('name') }),
  aws_glue_crawler: (_, v) => ({ name: v('name') }),
  aws_glue_security_configuration: (_, v) => ({ name: v('name') }),
  aws_cloudwatch_dashboard: (_, v) => ({ dashboard_name: v('dashboard_name') }),
  aws_sfn_state_machine: (_, v, a) => ({ arn: arn(a, 'states', `stateMachine:${v('name')}`), name: v('name') }),
  aws_scheduler_schedule_group: (_, v, a) => ({
    arn: arn(a, 'scheduler', `schedule-group/${v('name')}`),
    name: v('name'),
  }),
  aws_scheduler_schedule: (_, v) => ({ name: v('name') }),
};

/** `${type.id.attribute}` or `${data.type.id.attribute}`; `$${…}` is Terraform's escape for a literal `${…}`. */
const REFERENCE = /(?<!\$)\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}/g;

/**
 * Replaces every reference in a synthesized stack with the value it has in `account`.
 *
 * @param stack - `JSON.parse(Testing.synth(stack))`.
 * @param account - Where the stack is deployed. @defaultValue {@link TEST_ACCOUNT}
 * @returns The same JSON with concrete names and ARNs.
 * @throws Error for a reference to a resource type or attribute {@link ATTRIBUTES} does not know.
 * @example
 * ```ts
 * resolveTokens(json).resource.aws_s3_bucket.Lake_Bucket_6F7C9FF1.bucket; //=> 'sales-dev-lake-123456789012-eu-west-1'
 * ```
 */
export function resolveTokens<T>(stack: T, account: EvaluationAccount = TEST_ACCOUNT): T {
  const json = stack as { resource: Record<string, Record<string, Config>>; data?: Record<string, unknown> };
  const resolve = (text: string): string =>
    text.replace(REFERENCE, (whole, data: string | undefined, type: string, id: string, attribute: string) => {
      if (data !== undefined) {
        if (type === 'aws_caller_identity' && attribute === 'account_id') return account.accountId;
        if (type === 'aws_partition' && attribute === 'partition') return account.partition;
        if (type === 'aws_region' && (attribute === 'name' || attribute === 'region')) return account.region;
        throw new Error(`resolveTokens: no value for ${whole}`);
      }
      const config = json.resource[type]?.[id];
      const attributes = ATTRIBUTES[type];
      if (config === undefined || attributes === undefined) throw new Error(`resolveTokens: no value for ${whole}`);
      const value = attributes(config, (field) => resolve(String(config[field])), account)[attribute];
      if (value === undefined) throw new Error(`resolveTokens: no value for ${whole}`);
      return value;
    });
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return resolve(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    return value;
  };
  return walk(stack) as T;
}
