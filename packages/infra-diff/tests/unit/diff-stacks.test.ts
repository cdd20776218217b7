import { diffStacks } from '../../src/diff-stacks';
import { devStack } from '../fixtures/load-fixture';

const TABLE = 'aws_dynamodb_table.SalesTable_Table_4A1B2C3D';
const LAMBDA = 'aws_lambda_function.Transform_Function_12345678';

describe('diffStacks', () => {
  test('reports no changes when both refs synthesize the same stacks', () => {
    // Arrange
    const base = { dev: devStack(), prod: devStack() };
    // Act
    const diff = diffStacks(base, { dev: devStack(), prod: devStack() });
    // Assert
    expect(diff.stacks.map((s) => [s.stack, s.status])).toEqual([
      ['dev', 'unchanged'],
      ['prod', 'unchanged'],
    ]);
    expect(diff.stacks[0]).toMatchObject({
      added: [],
      removed: [],
      changed: [],
      totals: { added: 0, changed: 0, removed: 0 },
    });
  });

  test('ignores cdktf metadata: construct paths and the stack metadata block', () => {
    const head = devStack((s) => {
      s['//'].metadata.version = '0.22.0';
      s.resource.aws_dynamodb_table.SalesTable_Table_4A1B2C3D['//'].metadata.path = 'dev/Renamed/Table';
    });
    expect(diffStacks({ dev: devStack() }, { dev: head }).stacks[0]?.status).toBe('unchanged');
  });

  test('lists a changed attribute with its old and new value and nested path', () => {
    const head = devStack((s) => {
      s.resource.aws_kinesis_firehose_delivery_stream.DeliveryStream_Stream_DDEEFF00.extended_s3_configuration.buffering_interval = 300;
    });
    const [dev] = diffStacks({ dev: devStack() }, { dev: head }).stacks;
    expect(dev?.totals).toEqual({ added: 0, changed: 1, removed: 0 });
    expect(dev?.changed).toEqual([
      {
        kind: 'resource',
        type: 'aws_kinesis_firehose_delivery_stream',
        address: 'aws_kinesis_firehose_delivery_stream.DeliveryStream_Stream_DDEEFF00',
        changes: [{ path: 'extended_s3_configuration.buffering_interval', before: 60, after: 300 }],
        risks: [],
      },
    ]);
  });

  test('treats a Lambda asset hash change as an ordinary update', () => {
    const head = devStack((s) => {
      const fn = s.resource.aws_lambda_function.Transform_Function_12345678;
      fn.source_code_hash = 'ffff';
      fn.filename = 'assets/Transform_Asset_ABCDEF12/ffff/archive.zip';
    });
    const [dev] = diffStacks({ dev: devStack() }, { dev: head }).stacks;
    expect(dev?.changed.map((c) => [c.address, c.changes.map((x) => x.path), c.risks])).toEqual([
      [LAMBDA, ['filename', 'source_code_hash'], []],
    ]);
  });

  test('lists added and removed resources and counts only resources in the totals', () => {
    const head = devStack((s) => {
      s.resource.aws_sqs_queue = { Dlq_Queue_1: { name: 'sales-dev-dlq' } };
      delete s.resource.aws_iam_role;
      s.output.QueueUrl = { value: '${aws_sqs_queue.Dlq_Queue_1.url}' };
    });
    const [dev] = diffStacks({ dev: devStack() }, { dev: head }).stacks;
    expect(dev?.added.map((b) => b.address)).toEqual(['aws_sqs_queue.Dlq_Queue_1', 'output.QueueUrl']);
    expect(dev?.removed.map((b) => [b.address, b.risks])).toEqual([['aws_iam_role.ChangePipe_Role_99AABBCC', []]]);
    expect(dev?.totals).toEqual({ added: 1, changed: 0, removed: 1 });
  });

  test('flags a stream view type change: the new stream ARN orphans the pipe', () => {
    const head = devStack((s) => {
      s.resource.aws_dynamodb_table.SalesTable_Table_4A1B2C3D.stream_view_type = 'NEW_IMAGE';
    });
    const [dev] = diffStacks({ dev: devStack() }, { dev: head }).stacks;
    const table = dev?.changed.find((c) => c.address === TABLE);
    expect(table?.risks).toEqual([expect.objectContaining({ effect: 'data-loss', path: 'stream_view_type' })]);
    expect(table?.risks[0]?.consequence).toMatch(/stream ARN.*pipe/);
  });

  test('flags a key attribute change inside a list by its indexed path', () => {
    const head = devStack((s) => {
      s.resource.aws_dynamodb_table.SalesTable_Table_4A1B2C3D.attribute[0].type = 'N';
    });
    const table = diffStacks({ dev: devStack() }, { dev: head }).stacks[0]?.changed[0];
    expect(table?.changes).toEqual([{ path: 'attribute[0].type', before: 'S', after: 'N' }]);
    expect(table?.risks.map((r) => r.path)).toEqual(['attribute[0].type']);
  });

  test('flags the removal of the table as data loss', () => {
    const head = devStack((s) => delete s.resource.aws_dynamodb_table);
    const removed = diffStacks({ dev: devStack() }, { dev: head }).stacks[0]?.removed;
    expect(removed).toEqual([
      expect.objectContaining({
        address: TABLE,
        risks: [expect.objectContaining({ effect: 'data-loss', path: null })],
      }),
    ]);
  });

  test('compares IAM policy documents held in strings statement by statement', () => {
    const head = devStack((s) => {
      s.resource.aws_iam_role.ChangePipe_Role_99AABBCC.assume_role_policy =
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"pipes.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}';
    });
    const role = diffStacks({ dev: devStack() }, { dev: head }).stacks[0]?.changed[0];
    expect(role?.changes).toEqual([
      {
        path: 'assume_role_policy.Statement[0].Action',
        before: 'sts:AssumeRole',
        after: ['sts:AssumeRole', 'sts:TagSession'],
      },
    ]);
  });

  test('reports a stack that exists at one ref only as added or removed', () => {
    const diff = diffStacks({ dev: devStack() }, { prod: devStack() });
    expect(diff.stacks.map((s) => [s.stack, s.status, s.totals])).toEqual([
      ['dev', 'removed', { added: 0, changed: 0, removed: 8 }],
      ['prod', 'added', { added: 8, changed: 0, removed: 0 }],
    ]);
  });

  test('flags a backend change: the state moves', () => {
    const head = devStack((s) => {
      s.terraform.backend.s3.key = 'sales/dev.tfstate';
    });
    const [dev] = diffStacks({ dev: devStack() }, { dev: head }).stacks;
    expect(dev?.totals).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(dev?.status).toBe('changed');
    expect(dev?.changed[0]).toMatchObject({
      address: 'terraform.backend',
      risks: [{ effect: 'replace', path: 's3.key' }],
    });
  });
});
