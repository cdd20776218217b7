import { diffValues, stripIndices } from '../../src/diff-values';

describe('diffValues', () => {
  test.each([
    ['equal scalars', 1, 1, []],
    ['changed scalar', 'a', 'b', [{ path: '', before: 'a', after: 'b' }]],
    ['nested object', { a: { b: 1 } }, { a: { b: 2 } }, [{ path: 'a.b', before: 1, after: 2 }]],
    ['added key', { a: 1 }, { a: 1, b: { c: true } }, [{ path: 'b', after: { c: true } }]],
    ['removed key', { a: 1, b: 2 }, { a: 1 }, [{ path: 'b', before: 2 }]],
    ['longer list', [1], [1, 2], [{ path: '[1]', after: 2 }]],
    ['list of blocks', { l: [{ n: 'a' }] }, { l: [{ n: 'b' }] }, [{ path: 'l[0].n', before: 'a', after: 'b' }]],
    ['type change', { a: [1] }, { a: { x: 1 } }, [{ path: 'a', before: [1], after: { x: 1 } }]],
    ['null vs value', { a: null }, { a: 0 }, [{ path: 'a', before: null, after: 0 }]],
    ['odd key', { 'a.b': 1 }, { 'a.b': 2 }, [{ path: '"a.b"', before: 1, after: 2 }]],
    ['nested odd key', { t: { 'k:v': 1 } }, { t: { 'k:v': 2 } }, [{ path: 't["k:v"]', before: 1, after: 2 }]],
    ['JSON string', { p: '{"a":1}' }, { p: '{"a":2}' }, [{ path: 'p.a', before: 1, after: 2 }]],
    [
      'reformatted JSON string',
      { p: '{"a":1}' },
      { p: '{ "a": 1 }' },
      [{ path: 'p', before: '{"a":1}', after: '{ "a": 1 }' }],
    ],
    ['broken JSON string', { p: '{"a":' }, { p: '{"a":2}' }, [{ path: 'p', before: '{"a":', after: '{"a":2}' }]],
  ])('%s', (_name, before, after, expected) => {
    expect(diffValues(before, after)).toEqual(expected);
  });

  test('returns keys in sorted order, independent of input order', () => {
    const changes = diffValues({ b: 1, a: 1 }, { a: 2, b: 2 });
    expect(changes.map((c) => c.path)).toEqual(['a', 'b']);
  });
});

describe('stripIndices', () => {
  test.each([
    ['attribute[1].type', 'attribute.type'],
    ['a[0].b[12].c', 'a.b.c'],
    ['name', 'name'],
  ])('%s -> %s', (input, expected) => expect(stripIndices(input)).toBe(expected));
});

describe('diffValues on lists whose order means nothing (IAM policies)', () => {
  const policy = (statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const logs = {
    Effect: 'Allow',
    Action: ['logs:CreateLogGroup', 'logs:PutLogEvents'],
    Resource: 'arn:aws:logs:eu-west-1:111122223333:*',
  };
  const kms = {
    Effect: 'Allow',
    Action: ['kms:Encrypt', 'kms:GenerateDataKey'],
    Resource: 'arn:aws:kms:eu-west-1:111122223333:key/k',
  };
  const s3 = { Sid: 'WriteLake', Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::lake/*' };

  it('reports an inserted statement as added, not as a swap of every later statement', () => {
    const changes = diffValues({ policy: policy([s3, logs]) }, { policy: policy([kms, s3, logs]) });
    expect(changes).toEqual([{ path: 'policy.Statement[0]', after: kms }]);
  });

  it('reports a removed statement as removed', () => {
    expect(diffValues({ policy: policy([kms, s3, logs]) }, { policy: policy([s3, logs]) })).toEqual([
      { path: 'policy.Statement[0]', before: kms },
    ]);
  });

  it('reports a statement inserted and another removed as one added and one removed, not an edit', () => {
    expect(
      diffValues({ policy: policy([logs, s3, kms]) }, { policy: policy([kms, { ...logs, Sid: 'Logs' }]) }),
    ).toEqual([
      { path: 'policy.Statement[0]', before: logs },
      { path: 'policy.Statement[1]', before: s3 },
      { path: 'policy.Statement[1]', after: { ...logs, Sid: 'Logs' } },
    ]);
    const edited = { ...logs, Resource: 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/sales-*' };
    expect(diffValues({ policy: policy([logs, s3]) }, { policy: policy([edited, s3]) })).toEqual([
      { path: 'policy.Statement[0].Resource', before: logs.Resource, after: edited.Resource },
    ]);
  });

  it('matches statements by Sid and shows what changed inside, actions as a set', () => {
    const widened = { ...s3, Action: ['s3:AbortMultipartUpload', 's3:PutObject'] };
    expect(diffValues({ policy: policy([logs, s3]) }, { policy: policy([widened, logs]) })).toEqual([
      { path: 'policy.Statement[Sid "WriteLake"].Action[0]', after: 's3:AbortMultipartUpload' },
    ]);
  });

  it('sees no change when only the order of statements or actions differs', () => {
    const reordered = { ...logs, Action: ['logs:PutLogEvents', 'logs:CreateLogGroup'] };
    expect(diffValues({ policy: policy([logs, kms]) }, { policy: policy([kms, reordered]) })).toEqual([
      // Terraform compares the string, so a reformatted document is still reported once, whole.
      { path: 'policy', before: policy([logs, kms]), after: policy([kms, reordered]) },
    ]);
  });

  it('keeps lists whose order matters compared by position', () => {
    expect(
      diffValues({ attribute: [{ name: 'a' }, { name: 'b' }] }, { attribute: [{ name: 'b' }, { name: 'a' }] }),
    ).toEqual([
      { path: 'attribute[0].name', before: 'a', after: 'b' },
      { path: 'attribute[1].name', before: 'b', after: 'a' },
    ]);
  });

  it('strips Sid segments like indices, for the rules', () => {
    expect(stripIndices('policy.Statement[Sid "WriteLake"].Action[0]')).toBe('policy.Statement.Action');
  });
});
