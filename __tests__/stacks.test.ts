import 'cdktf/lib/testing/adapters/jest';
import { onlyResource, referenceTo, resources, synthPipeline, type SynthesizedStack } from './helpers/pipeline';

/**
 * Actions with no resource-level permission, so `*` is their only resource: the pipe's stream listing, the merge's
 * metric (scoped by `cloudwatch:namespace`) and the CloudWatch Logs delivery actions Step Functions logs with.
 */
const WITHOUT_RESOURCE_LEVEL_PERMISSIONS = [
  'dynamodb:ListStreams',
  'cloudwatch:PutMetricData',
  'logs:CreateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:DescribeLogGroups',
  'logs:DescribeResourcePolicies',
  'logs:GetLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:UpdateLogDelivery',
];

// Each stack is synthesized once (with validations, so the policy aspect runs) and shared by the tests.
const dev = synthPipeline('dev');
const prod = synthPipeline('prod');

describe.each([
  ['dev', dev],
  ['prod', prod],
] as const)('%s stack', (environment, { text, json }) => {
  test('matches the snapshot', () => {
    expect(text).toMatchSnapshot();
  });

  test('tears down whole in dev and refuses to lose data in prod (SALES_DELETION_PROTECTION)', () => {
    const protectedEnv = environment === 'prod';
    const lake = Object.values(resources(json, 'aws_s3_bucket')).find((b) => String(b['bucket']).includes('-lake-'));
    const key = onlyResource(json, 'aws_kms_key');
    const lifecycle = protectedEnv ? { prevent_destroy: true } : undefined;
    expect({
      table: onlyResource(json, 'aws_dynamodb_table')['deletion_protection_enabled'],
      key: key['lifecycle'],
      lake: [lake?.['lifecycle'], lake?.['force_destroy']],
      workgroup: onlyResource(json, 'aws_athena_workgroup')['force_destroy'],
    }).toEqual({
      table: protectedEnv,
      key: lifecycle,
      lake: [lifecycle, !protectedEnv],
      workgroup: protectedEnv ? undefined : true,
    });
  });

  test('names every resource after the prefix and the environment', () => {
    expect(onlyResource(json, 'aws_dynamodb_table')['name']).toBe(`sales-${environment}-orders`);
    expect(onlyResource(json, 'aws_kinesis_stream')['name']).toBe(`sales-${environment}-changes`);
    expect(Object.values(resources(json, 'aws_kinesis_firehose_delivery_stream')).map((f) => f['name'])).toEqual([
      `sales-${environment}-lake`,
      `sales-${environment}-recent`,
    ]);
  });

  test('holds no absolute path, timestamp or random suffix', () => {
    expect(text).not.toMatch(/\/work\/|\/home\/|\/tmp\/|[A-Z]:\\\\/);
    expect(text).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:\d\d/);
  });

  test('wires the pipe from the table stream to the Kinesis stream', () => {
    const pipe = onlyResource(json, 'aws_pipes_pipe');
    expect(pipe['source']).toMatch(referenceTo('aws_dynamodb_table', 'stream_arn'));
    expect(pipe['target']).toMatch(referenceTo('aws_kinesis_stream', 'arn'));
    const dlq = (pipe['source_parameters'] as any).dynamodb_stream_parameters.dead_letter_config.arn;
    expect(dlq).toMatch(referenceTo('aws_sqs_queue', 'arn'));
  });

  test('wires both delivery streams from the stream through the function into the lake bucket', () => {
    for (const firehose of Object.values(resources(json, 'aws_kinesis_firehose_delivery_stream')) as any[]) {
      expect(firehose.kinesis_source_configuration.kinesis_stream_arn).toMatch(
        referenceTo('aws_kinesis_stream', 'arn'),
      );
      const lambdaArn = firehose.extended_s3_configuration.processing_configuration.processors[0].parameters[0];
      expect(lambdaArn).toEqual({
        parameter_name: 'LambdaArn',
        parameter_value: expect.stringMatching(
          /^\$\{aws_lambda_function\.Transform_Function_[A-F0-9]+\.arn\}:\$LATEST$/,
        ),
      });
      expect(firehose.extended_s3_configuration.bucket_arn).toMatch(
        /^\$\{aws_s3_bucket\.Lake_Bucket_[A-F0-9]+\.arn\}$/,
      );
    }
  });

  test('points the Glue table and the crawler at the data prefix of the lake bucket only', () => {
    const table = Object.values(resources(json, 'aws_glue_catalog_table')).find(
      (t) => t['name'] === 'order_changes',
    ) as any;
    expect(table.storage_descriptor.location).toMatch(
      /^s3:\/\/\$\{aws_s3_bucket\.Lake_Bucket_[A-F0-9]+\.bucket\}\/sales\/$/,
    );
    const crawler = onlyResource(json, 'aws_glue_crawler') as any;
    expect(crawler.catalog_target).toEqual([
      {
        database_name: expect.stringMatching(referenceTo('aws_glue_catalog_database', 'name')),
        tables: [expect.stringMatching(referenceTo('aws_glue_catalog_table', 'name'))],
        event_queue_arn: expect.stringMatching(referenceTo('aws_sqs_queue', 'arn')),
      },
    ]);
    expect(crawler.s3_target).toBeUndefined();
  });

  test('runs the named queries in the workgroup and the Glue database', () => {
    for (const query of Object.values(resources(json, 'aws_athena_named_query'))) {
      expect(query['workgroup']).toMatch(referenceTo('aws_athena_workgroup', 'name'));
      expect(query['database']).toMatch(referenceTo('aws_glue_catalog_database', 'name'));
    }
  });

  test('gives each service its own role, trusted with the condition that service documents', () => {
    const roles = Object.values(resources(json, 'aws_iam_role')).map((role) =>
      JSON.parse(role['assume_role_policy'] as string),
    );
    const conditions = Object.fromEntries(
      roles.map((policy) => [policy.Statement[0].Principal.Service, policy.Statement[0].Condition]),
    );
    const account = expect.stringMatching(referenceTo('data.aws_caller_identity', 'account_id'));
    expect(conditions).toEqual({
      'firehose.amazonaws.com': { StringEquals: { 'sts:ExternalId': account } },
      'glue.amazonaws.com': undefined,
      'lambda.amazonaws.com': { StringEquals: { 'aws:SourceAccount': account } },
      'pipes.amazonaws.com': { StringEquals: { 'aws:SourceAccount': account } },
      'states.amazonaws.com': { StringEquals: { 'aws:SourceAccount': account } },
      'scheduler.amazonaws.com': {
        StringEquals: {
          'aws:SourceAccount': account,
          'aws:SourceArn': expect.stringMatching(referenceTo('aws_scheduler_schedule_group', 'arn')),
        },
      },
    });
  });

  test('scopes every IAM statement to ARNs, except actions without resource-level permissions', () => {
    const statements = allRoleStatements(json);
    expect(statements.length).toBeGreaterThan(10);
    for (const statement of statements) {
      for (const action of statement.Action) expect(action).not.toContain('*');
      if (statement.Resource.includes('*'))
        for (const action of statement.Action) expect(WITHOUT_RESOURCE_LEVEL_PERMISSIONS).toContain(action);
    }
  });

  test('encrypts every store with the pipeline key', () => {
    const keyArn = /^\$\{aws_kms_key\.Key_[A-F0-9]+\.arn\}$/;
    expect((onlyResource(json, 'aws_dynamodb_table') as any).server_side_encryption.kms_key_arn).toMatch(keyArn);
    expect(onlyResource(json, 'aws_kinesis_stream')['kms_key_id']).toMatch(keyArn);
    const queues = Object.values(resources(json, 'aws_sqs_queue'));
    expect(queues.find((q) => String(q['name']).endsWith('-pipe-dlq'))?.['kms_master_key_id']).toMatch(keyArn);
    expect(queues.find((q) => String(q['name']).endsWith('-current-state-merge-dlq'))?.['kms_master_key_id']).toMatch(
      keyArn,
    );
    // The crawler's event queue holds object keys, no data, and uses SSE-SQS so S3 can publish to it (catalog test).
    expect(queues.find((q) => String(q['name']).endsWith('-crawler-events'))?.['sqs_managed_sse_enabled']).toBe(true);
    expect(onlyResource(json, 'aws_sns_topic')['kms_master_key_id']).toMatch(keyArn);
    for (const group of Object.values(resources(json, 'aws_cloudwatch_log_group')))
      expect(group['kms_key_id']).toMatch(keyArn);
    for (const sse of Object.values(resources(json, 'aws_s3_bucket_server_side_encryption_configuration')) as any[]) {
      expect(sse.rule[0].apply_server_side_encryption_by_default.kms_master_key_id).toMatch(keyArn);
    }
    expect(onlyResource(json, 'aws_kms_key')['enable_key_rotation']).toBe(true);
  });

  test('exposes what a user needs next as outputs', () => {
    expect(Object.keys(json.output).sort()).toEqual(
      expect.arrayContaining([
        'table_name',
        'stream_arn',
        'lake_bucket',
        'glue_database',
        'crawler_name',
        'athena_workgroup',
      ]),
    );
    expect(json.output['table_name']?.value).toMatch(referenceTo('aws_dynamodb_table', 'name'));
  });

  test('keeps local state in a relative path at the repository root by default', () => {
    expect(json.terraform['backend']).toEqual({ local: { path: `../../../terraform.${environment}.tfstate` } });
  });
});

test('protects the prod table from deletion and keeps prod logs longer than dev', () => {
  expect(onlyResource(prod.json, 'aws_dynamodb_table')['deletion_protection_enabled']).toBe(true);
  expect(onlyResource(dev.json, 'aws_dynamodb_table')['deletion_protection_enabled']).toBe(false);
  const retention = (s: SynthesizedStack) =>
    new Set(Object.values(resources(s, 'aws_cloudwatch_log_group')).map((g) => g['retention_in_days']));
  expect(retention(dev.json)).toEqual(new Set([14]));
  expect(retention(prod.json)).toEqual(new Set([90]));
});

test('uses an S3 backend with a lock file when a state bucket is configured', () => {
  const { json } = synthPipeline('prod', {
    SALES_STATE_BUCKET: 'acme-terraform-state',
    SALES_STATE_REGION: 'eu-central-1',
  });
  expect(json.terraform['backend']).toEqual({
    s3: {
      bucket: 'acme-terraform-state',
      region: 'eu-central-1',
      key: 'sales/prod/terraform.tfstate',
      encrypt: true,
      use_lockfile: true,
    },
  });
});

test('synthesizes byte-identical output twice', () => {
  expect(synthPipeline('dev').text).toBe(dev.text);
});

interface Statement {
  Action: string[];
  Resource: string[];
}

function allRoleStatements(json: SynthesizedStack): Statement[] {
  return Object.values(resources(json, 'aws_iam_role_policy')).flatMap(
    (policy) => (JSON.parse(policy['policy'] as string) as { Statement: Statement[] }).Statement,
  );
}
