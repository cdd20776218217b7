import 'cdktf/lib/testing/adapters/jest';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { DRIFT_METRIC, OPERATOR_OPERATIONS, type OperatorResources } from '@sales/pipeline-spec';
import { OperatorPolicies } from '../constructs/security/operator-policies';
import { PolicyAspect, wildcardActions } from '../constructs/security/policy-aspect';
import { TEST_KEY_ARN } from './helpers/context';
import { synthPipeline } from './helpers/pipeline';

type Statement = {
  Sid: string;
  Effect: string;
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, unknown>>;
};

const LAKE = 'arn:aws:s3:::sales-test-lake';
const RESULTS = 'arn:aws:s3:::sales-test-results';
const TABLE = 'arn:aws:dynamodb:eu-west-1:123456789012:table/sales-test-orders';
const TABLE_STREAM = `${TABLE}/stream/2025-01-01T00:00:00.000`;
const RESOURCES: OperatorResources = {
  tableArn: TABLE,
  tableStreamArn: TABLE_STREAM,
  lakeBucketArn: LAKE,
  resultsBucketArn: RESULTS,
  kmsKeyArn: TEST_KEY_ARN,
  kinesisStreamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/sales-test-changes',
  deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:sales-test-pipe-dlq',
  workgroupArn: 'arn:aws:athena:eu-west-1:123456789012:workgroup/sales-test-analytics',
  glueArns: [
    'arn:aws:glue:eu-west-1:123456789012:catalog',
    'arn:aws:glue:eu-west-1:123456789012:database/sales_test',
    'arn:aws:glue:eu-west-1:123456789012:table/sales_test/order_changes',
  ],
  reconcileTableArns: [
    'arn:aws:glue:eu-west-1:123456789012:table/sales_test/order_change_lines',
    'arn:aws:glue:eu-west-1:123456789012:table/sales_test/reconcile_rows',
  ],
  currentStateTableArns: [
    'arn:aws:glue:eu-west-1:123456789012:table/sales_test/orders_current',
    'arn:aws:glue:eu-west-1:123456789012:table/sales_test/orders_current_tombstones',
    'arn:aws:glue:eu-west-1:123456789012:table/sales_test/orders_current_merges',
  ],
  region: 'eu-west-1',
};

describe('OperatorPolicies', () => {
  const synthesized = Testing.synthScope(
    (scope) => new OperatorPolicies(scope, 'Operators', { baseName: 'sales-test', resources: RESOURCES }),
  );
  const policies = Object.values(
    JSON.parse(synthesized).resource.aws_iam_policy as Record<string, { name: string; policy: string }>,
  );
  const statementsOf = (operation: string): Statement[] => {
    const policy = policies.find((p) => p.name === `sales-test-lake-${operation}`);
    if (policy === undefined) throw new Error(`no policy for ${operation}`);
    return (JSON.parse(policy.policy) as { Statement: Statement[] }).Statement;
  };
  /** Every (action, resource) pair a policy allows, as `action on resource`. */
  const grants = (operation: string) =>
    statementsOf(operation).flatMap((s) =>
      s.Action.flatMap((action) => s.Resource.map((resource) => `${action} on ${resource}`)),
    );
  const actionsOn = (operation: string, resource: string) =>
    statementsOf(operation)
      .filter((s) => s.Resource.includes(resource))
      .flatMap((s) => s.Action)
      .sort();

  test('Test default behaviors: one managed policy per sales-lake command, named <base>-lake-<command>', () => {
    expect(policies.map((p) => p.name).sort()).toEqual([
      'sales-test-lake-backfill',
      'sales-test-lake-merge',
      'sales-test-lake-reconcile',
      'sales-test-lake-replay',
    ]);
    expect(synthesized).toHaveResourceWithProperties(IamPolicy, {
      name: 'sales-test-lake-backfill',
      description: 'What sales-lake backfill needs on sales-test',
    });
  });

  test.each(['backfill', 'reconcile', 'replay', 'merge'])(
    '%s allows exact actions on the stack ARNs only, never a wildcard action',
    (operation) => {
      const policy = policies.find((p) => p.name === `sales-test-lake-${operation}`)!.policy;
      expect(wildcardActions(policy)).toEqual([]);
      const known = [
        TABLE,
        `${TABLE}/export/*`,
        TABLE_STREAM,
        LAKE,
        RESULTS,
        `${RESULTS}/*`,
        TEST_KEY_ARN,
        RESOURCES.kinesisStreamArn,
        RESOURCES.deadLetterQueueArn,
        RESOURCES.workgroupArn,
        ...RESOURCES.glueArns,
        ...RESOURCES.reconcileTableArns,
        ...RESOURCES.currentStateTableArns,
      ];
      for (const statement of statementsOf(operation)) {
        expect(statement.Effect).toBe('Allow');
        for (const resource of statement.Resource) {
          if (resource === '*') {
            // Only PutMetricData, which has no resource-level permissions, and only in the drift namespace.
            expect(statement.Action).toEqual(['cloudwatch:PutMetricData']);
            expect(statement.Condition).toEqual({ StringEquals: { 'cloudwatch:namespace': DRIFT_METRIC.namespace } });
          } else if (resource.startsWith(`${LAKE}/`)) {
            expect(resource).toMatch(
              /^arn:aws:s3:::sales-test-lake\/(sales|errors|exports|errors\/replayed|errors\/replay-failed|reconcile|current)\/\*$/,
            );
          } else {
            expect(known).toContain(resource);
          }
        }
      }
    },
  );

  test.each(['backfill', 'reconcile', 'replay', 'merge'])(
    '%s lists the lake bucket only under the prefixes it reads',
    (operation) => {
      const lists = statementsOf(operation).filter(
        (s) => s.Action.includes('s3:ListBucket') && s.Resource.includes(LAKE),
      );
      expect(lists.length).toBeGreaterThan(0);
      for (const list of lists)
        expect(Object.values(list.Condition ?? {}).flatMap((operator) => Object.keys(operator))).toEqual(['s3:prefix']);
    },
  );

  test.each([
    ['backfill', ['sales/', 'errors/']],
    ['reconcile', ['sales/', 'errors/']],
    ['replay', ['sales/', 'errors/']],
    ['merge', ['sales/', 'errors/']],
  ])('%s may run the lake check: list exactly %j', (operation, prefixes) => {
    expect(statementsOf(operation).find((s) => s.Sid === 'CheckLake')).toEqual({
      Sid: 'CheckLake',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [LAKE],
      Condition: { StringEquals: { 's3:prefix': prefixes } },
    });
  });

  test('backfill starts and polls an export into exports/ only, and writes rows into sales/ only', () => {
    expect(actionsOn('backfill', TABLE)).toEqual([
      'dynamodb:DescribeContinuousBackups',
      'dynamodb:DescribeTable',
      'dynamodb:ExportTableToPointInTime',
      'dynamodb:Scan',
    ]);
    expect(actionsOn('backfill', `${TABLE}/export/*`)).toEqual(['dynamodb:DescribeExport']);
    expect(actionsOn('backfill', `${LAKE}/exports/*`)).toEqual([
      's3:AbortMultipartUpload',
      's3:GetObject',
      's3:PutObject',
      's3:PutObjectAcl',
    ]);
    expect(actionsOn('backfill', `${LAKE}/sales/*`)).toEqual(['s3:PutObject']);
    expect(actionsOn('backfill', TEST_KEY_ARN)).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(grants('backfill').filter((g) => g.includes(`${LAKE}/errors`))).toEqual([]);
  });

  test('reconcile queries in the stack workgroup, reads the catalog and the lake, and publishes only the drift metric', () => {
    expect(actionsOn('reconcile', RESOURCES.workgroupArn)).toEqual([
      'athena:GetQueryExecution',
      'athena:GetQueryResults',
      'athena:StartQueryExecution',
      'athena:StopQueryExecution',
    ]);
    for (const arn of RESOURCES.glueArns)
      expect(actionsOn('reconcile', arn)).toEqual(['glue:GetDatabase', 'glue:GetPartitions', 'glue:GetTable']);
    expect(actionsOn('reconcile', `${LAKE}/sales/*`)).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(actionsOn('reconcile', `${RESULTS}/*`)).toEqual([
      's3:AbortMultipartUpload',
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
    ]);
    // Scan for the table side, BatchGetItem for the strongly consistent re-check of the keys stage 2 finds.
    expect(actionsOn('reconcile', TABLE)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:Scan']);
    expect(actionsOn('backfill', TABLE)).not.toContain('dynamodb:BatchGetItem');
    expect(grants('reconcile').some((g) => g.startsWith('dynamodb:ExportTableToPointInTime'))).toBe(false);
  });

  test('reconcile reads only the definitions of its two line tables, with no GetPartitions (unpartitioned or projected)', () => {
    for (const arn of RESOURCES.reconcileTableArns) expect(actionsOn('reconcile', arn)).toEqual(['glue:GetTable']);
    // GetTable on a table also needs the catalog and the database, which ReadCatalog grants.
    for (const arn of RESOURCES.glueArns.slice(0, 2)) expect(actionsOn('reconcile', arn)).toContain('glue:GetTable');
    for (const operation of ['backfill', 'replay'])
      for (const arn of RESOURCES.reconcileTableArns) expect(actionsOn(operation, arn)).toEqual([]);
  });

  test('reconcile writes, reads and deletes its scratch rows under reconcile/ only, and lists only that prefix', () => {
    expect(actionsOn('reconcile', `${LAKE}/reconcile/*`)).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    expect(grants('reconcile').filter((g) => g.startsWith('s3:DeleteObject '))).toEqual([
      `s3:DeleteObject on ${LAKE}/reconcile/*`,
    ]);
    const scratchList = statementsOf('reconcile').find((s) => s.Sid === 'ListScratchRows');
    expect(scratchList).toEqual({
      Sid: 'ListScratchRows',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [LAKE],
      Condition: { StringLike: { 's3:prefix': ['reconcile/', 'reconcile/*'] } },
    });
    for (const operation of ['backfill', 'replay'])
      expect(grants(operation).filter((g) => g.includes('reconcile'))).toEqual([]);
  });

  test('replay reads errors/, writes rows and its markers, drains the dead-letter queue and re-puts into Kinesis', () => {
    expect(actionsOn('replay', `${LAKE}/errors/*`)).toEqual(['s3:GetObject']);
    expect(
      grants('replay')
        .filter((g) => g.startsWith('s3:PutObject '))
        .sort(),
    ).toEqual([
      `s3:PutObject on ${LAKE}/errors/replay-failed/*`,
      `s3:PutObject on ${LAKE}/errors/replayed/*`,
      `s3:PutObject on ${LAKE}/sales/*`,
    ]);
    expect(actionsOn('replay', RESOURCES.deadLetterQueueArn)).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:ReceiveMessage',
    ]);
    expect(actionsOn('replay', TABLE_STREAM)).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
    ]);
    expect(actionsOn('replay', RESOURCES.kinesisStreamArn)).toEqual(['kinesis:PutRecords']);
    expect(actionsOn('replay', TABLE)).toEqual([]);
  });

  test('merge reads the change log, commits only the three current-state tables, and writes only under current/', () => {
    const [catalog, database, changes] = RESOURCES.glueArns;
    const currentTables = RESOURCES.currentStateTableArns;
    expect(actionsOn('merge', RESOURCES.workgroupArn)).toEqual([
      'athena:GetQueryExecution',
      'athena:GetQueryResults',
      'athena:StartQueryExecution',
      'athena:StopQueryExecution',
    ]);
    expect(actionsOn('merge', changes)).toEqual(['glue:GetDatabase', 'glue:GetPartitions', 'glue:GetTable']);
    // UpdateTable needs the catalog and the database too (Glue authorizes all three), and only this stack's.
    for (const arn of [catalog, database]) expect(actionsOn('merge', arn)).toContain('glue:UpdateTable');
    for (const arn of currentTables) expect(actionsOn('merge', arn)).toEqual(['glue:GetTable', 'glue:UpdateTable']);
    expect(
      grants('merge')
        .filter((g) => g.startsWith('glue:UpdateTable '))
        .sort(),
    ).toEqual([catalog, database, ...currentTables].map((arn) => `glue:UpdateTable on ${arn}`).sort());
    expect(actionsOn('merge', `${LAKE}/current/*`)).toEqual([
      's3:AbortMultipartUpload',
      's3:DeleteObject',
      's3:GetObject',
      's3:PutObject',
    ]);
    expect(actionsOn('merge', `${LAKE}/sales/*`)).toEqual(['s3:GetObject']);
    expect(grants('merge').filter((g) => g.startsWith('s3:DeleteObject '))).toEqual([
      `s3:DeleteObject on ${LAKE}/current/*`,
    ]);
    expect(actionsOn('merge', TEST_KEY_ARN)).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(actionsOn('merge', TABLE)).toEqual([]);
    for (const operation of ['backfill', 'replay'])
      expect(grants(operation).filter((g) => g.includes('current'))).toEqual([]);
  });

  test('lets reconcile --against current read the current-state tables, never commit or write them', () => {
    const currentTables = RESOURCES.currentStateTableArns;
    for (const arn of currentTables) expect(actionsOn('reconcile', arn)).toEqual(['glue:GetTable']);
    expect(actionsOn('reconcile', `${LAKE}/current/*`)).toEqual(['s3:GetObject']);
    expect(
      grants('reconcile')
        .filter((g) => g.includes('current'))
        .sort(),
    ).toEqual([...currentTables.map((arn) => `glue:GetTable on ${arn}`), `s3:GetObject on ${LAKE}/current/*`].sort());
  });

  test('passes the policy aspect', () => {
    const stack = new TerraformStack(Testing.app(), 'checked');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new OperatorPolicies(stack, 'Operators', { baseName: 'sales-test', resources: RESOURCES });
    Aspects.of(stack).add(new PolicyAspect());
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe('OperatorPolicies in the stack', () => {
  const { json } = synthPipeline('dev');

  test('scopes the policies to the stack resources and exports each ARN', () => {
    const policies = Object.entries(json.resource['aws_iam_policy'] ?? {});
    expect(policies.map(([, p]) => p['name']).sort()).toEqual([
      'sales-dev-lake-backfill',
      'sales-dev-lake-merge',
      'sales-dev-lake-reconcile',
      'sales-dev-lake-replay',
    ]);
    // Each name sales-lake gives when a call is denied (operatorPolicyFor) is an output that exists.
    for (const operation of OPERATOR_OPERATIONS) {
      const [id] = policies.find(([, p]) => p['name'] === `sales-dev-lake-${operation}`)!;
      expect(json.output[`${operation}_policy_arn`]?.value).toBe(`\${aws_iam_policy.${id}.arn}`);
    }
    const replay = JSON.parse(
      String(policies.find(([, p]) => p['name'] === 'sales-dev-lake-replay')![1]['policy']),
    ) as { Statement: Statement[] };
    const resourcesOf = (sid: string) => replay.Statement.find((s) => s.Sid === sid)!.Resource;
    expect(resourcesOf('DrainDeadLetterQueue')).toEqual([expect.stringMatching(/^\$\{aws_sqs_queue\.[^.]+\.arn\}$/)]);
    expect(resourcesOf('ReReadTableStream')).toEqual([
      expect.stringMatching(/^\$\{aws_dynamodb_table\.[^.]+\.stream_arn\}$/),
    ]);
    expect(resourcesOf('PutChangeRecords')).toEqual([expect.stringMatching(/^\$\{aws_kinesis_stream\.[^.]+\.arn\}$/)]);
  });

  test("scopes reconcile's table reads to the two line tables of the stack", () => {
    const policies = Object.values(json.resource['aws_iam_policy'] ?? {});
    const reconcile = JSON.parse(String(policies.find((p) => p['name'] === 'sales-dev-lake-reconcile')!['policy'])) as {
      Statement: Statement[];
    };
    const tables = json.resource['aws_glue_catalog_table'] ?? {};
    const arnOf = (name: string) => {
      const id = Object.keys(tables).find((key) => tables[key]!['name'] === name);
      return `\${aws_glue_catalog_table.${id}.arn}`;
    };
    expect(reconcile.Statement.find((s) => s.Sid === 'ReadReconcileTables')?.Resource).toEqual([
      arnOf('order_change_lines'),
      arnOf('reconcile_rows'),
    ]);
  });
});
