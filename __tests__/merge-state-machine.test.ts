import 'cdktf/lib/testing/adapters/jest';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { MERGE_SUCCESS_METRIC, SETTINGS } from '@sales/pipeline-spec';
import { MergeStateMachine, type MergeStateMachineProps } from '../constructs/current-state/merge-state-machine';
import { TEST_AWS, TEST_KEY_ARN, roleStatements } from './helpers/context';
import { synthChecked } from './helpers/synth-checked';

const LAKE = 'arn:aws:s3:::lake';
const RESULTS = 'arn:aws:s3:::results';
const glue = (resource: string) => `arn:aws:glue:eu-west-1:123456789012:${resource}`;
const TABLES = ['orders_current', 'orders_current_tombstones', 'orders_current_merges'].map((t) =>
  glue(`table/sales_test/${t}`),
);

function machine(scope: Construct, props: Partial<MergeStateMachineProps> = {}): MergeStateMachine {
  return new MergeStateMachine(scope, 'Merge', {
    baseName: 'sales-test',
    aws: TEST_AWS,
    kmsKeyArn: TEST_KEY_ARN,
    logRetentionDays: 14,
    workgroupName: 'sales-test-analytics',
    databaseName: 'sales_test',
    resources: {
      lakeBucketArn: LAKE,
      resultsBucketArn: RESULTS,
      workgroupArn: 'arn:aws:athena:eu-west-1:123456789012:workgroup/sales-test-analytics',
      catalogArns: [glue('catalog'), glue('database/sales_test')],
      changesTableArn: glue('table/sales_test/order_changes'),
      currentStateTableArns: TABLES,
    },
    ...props,
  });
}

describe('MergeStateMachine', () => {
  const synthesized = synthChecked((stack) => machine(stack));
  const definition = () => {
    const sm = Object.values(JSON.parse(synthesized).resource.aws_sfn_state_machine)[0] as Record<string, string>;
    return JSON.parse(sm['definition']!) as { States: Record<string, Record<string, any>> };
  };

  test('Test default behaviors: a Standard state machine logging errors with their data to its encrypted group', () => {
    expect(synthesized).toHaveResourceWithProperties(SfnStateMachine, {
      name: 'sales-test-current-state-merge',
      logging_configuration: {
        level: 'ERROR',
        include_execution_data: true,
        log_destination: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Merge_LogGroup_[A-F0-9]+\.arn\}:\*$/),
      },
      depends_on: [expect.stringMatching(/^aws_iam_role_policy\.Merge_Role_Policy_/)],
    });
    // Standard is the provider's default type: left unset, as every default is.
    expect(Object.values(JSON.parse(synthesized).resource.aws_sfn_state_machine)[0]).not.toHaveProperty('type');
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: '/sales-test/current-state-merge',
      retention_in_days: 14,
      kms_key_id: TEST_KEY_ARN,
    });
  });

  test('reads the window with the default lateness unless given one', () => {
    expect(definition().States['FindWindow']!['Parameters']['QueryString']).toContain(
      `date_add('second', -${SETTINGS.mergeLatenessSeconds.default},`,
    );
    const custom = Testing.synthScope((scope) => machine(scope, { latenessSeconds: 3600 }));
    expect(custom).toContain("date_add('second', -3600,");
    expect(() => Testing.synthScope((scope) => machine(scope, { latenessSeconds: 10 }))).toThrow(
      'latenessSeconds must be between 300 and 604800, received 10',
    );
  });

  test('trusts Step Functions of this account only', () => {
    const role = Object.values(JSON.parse(synthesized).resource.aws_iam_role)[0] as Record<string, string>;
    expect(JSON.parse(role['assume_role_policy']!).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'states.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
      },
    ]);
  });

  test('lets the role commit to the three tables only, read the change rows, and write under current/ only', () => {
    const statements = roleStatements(synthesized, 'sales-test-current-state-merge');
    const of = (sid: string) => statements.find((s) => s.Sid === sid);
    expect(of('CommitCurrentState')).toMatchObject({
      Action: ['glue:UpdateTable'],
      Resource: [glue('catalog'), glue('database/sales_test'), ...TABLES],
    });
    expect(of('ReadChangeRows')).toMatchObject({ Action: ['s3:GetObject'], Resource: [`${LAKE}/sales/*`] });
    expect(of('ReadWriteCurrentState')?.Resource).toEqual([`${LAKE}/current/*`]);
    expect(
      statements
        .filter((s) => s.Action.some((a) => a === 's3:PutObject' || a === 's3:DeleteObject'))
        .flatMap((s) => s.Resource),
    ).toEqual([`${LAKE}/current/*`, RESULTS, `${RESULTS}/*`]);
    expect(of('ListOwnExecutions')).toMatchObject({
      Action: ['states:ListExecutions'],
      Resource: ['arn:aws:states:eu-west-1:123456789012:stateMachine:sales-test-current-state-merge'],
    });
    expect(of('PublishMergeMetric')?.Condition).toEqual({
      StringEquals: { 'cloudwatch:namespace': MERGE_SUCCESS_METRIC.namespace },
    });
    expect(of('UsePipelineKey')?.Condition).toEqual({
      StringEquals: { 'kms:ViaService': ['s3.eu-west-1.amazonaws.com'] },
    });
  });

  test('runs every statement in the given workgroup and database', () => {
    const tasks = Object.values(definition().States).filter((s) =>
      String(s['Resource']).endsWith('athena:startQueryExecution.sync'),
    );
    expect(tasks.length).toBe(8);
    for (const task of tasks)
      expect(task['Parameters']).toMatchObject({
        WorkGroup: 'sales-test-analytics',
        QueryExecutionContext: { Database: 'sales_test' },
      });
  });
});
