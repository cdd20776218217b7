import { diffStacks } from '../../src/diff-stacks';
import { codeSpan, formatValue } from '../../src/format-value';
import { renderJson } from '../../src/render-json';
import { renderMarkdown } from '../../src/render-markdown';
import { devStack } from '../fixtures/load-fixture';

const labels = { base: 'origin/main', head: 'working tree' };

function mixedDiff() {
  const head = devStack((s) => {
    s.resource.aws_dynamodb_table.SalesTable_Table_4A1B2C3D.stream_view_type = 'NEW_IMAGE';
    s.resource.aws_lambda_function.Transform_Function_12345678.source_code_hash = 'f'.repeat(64);
    s.resource.aws_sqs_queue = { Dlq_Queue_1: { name: 'sales-dev-dlq' } };
    delete s.resource.aws_s3_bucket;
  });
  return diffStacks({ dev: devStack(), prod: devStack() }, { dev: head, prod: devStack() });
}

describe('renderMarkdown', () => {
  test('prints "No changes." for an identical stack', () => {
    const markdown = renderMarkdown(diffStacks({ dev: devStack() }, { dev: devStack() }), labels);
    expect(markdown).toBe(
      '## Infrastructure diff: `origin/main` -> `working tree`\n\n### Stack `dev`\n\n**No changes.**\n',
    );
  });

  test('prints the total, the risks first, then added, removed and changed blocks', () => {
    const markdown = renderMarkdown(mixedDiff(), labels);
    expect(markdown).toMatchSnapshot();
    expect(markdown).toContain('**1 added, 2 changed, 1 removed**');
    expect(markdown.indexOf('[!CAUTION]')).toBeLessThan(markdown.indexOf('**Added**'));
    expect(markdown).toMatch(
      /> - \*\*data loss\*\* `aws_s3_bucket\.LakeBucket_Bucket_0A0B0C0D` removed: bucket destroyed/,
    );
    expect(markdown).toMatch(/`stream_view_type`: `"NEW_AND_OLD_IMAGES"` -> `"NEW_IMAGE"`/);
  });

  test('summarizes blocks with more changed attributes than it lists', () => {
    const tagged = (value: string) =>
      devStack((s) => {
        s.resource.aws_iam_role.ChangePipe_Role_99AABBCC.tags = Object.fromEntries(
          Array.from({ length: 30 }, (_, i) => [`t${i}`, value]),
        );
      });
    const markdown = renderMarkdown(diffStacks({ dev: tagged('x') }, { dev: tagged('y') }), labels);
    expect(markdown).toContain('… and 5 more');
  });
});

describe('renderJson', () => {
  test('carries the labels, totals and full, unshortened values', () => {
    const document = JSON.parse(renderJson(mixedDiff(), labels));
    expect(document).toMatchObject({ version: 1, base: 'origin/main', head: 'working tree' });
    expect(document.stacks.map((s: { stack: string; totals: unknown }) => [s.stack, s.totals])).toEqual([
      ['dev', { added: 1, changed: 2, removed: 1 }],
      ['prod', { added: 0, changed: 0, removed: 0 }],
    ]);
    const lambda = document.stacks[0].changed.find((c: { type: string }) => c.type === 'aws_lambda_function');
    expect(lambda.changes[0].after).toBe('f'.repeat(64));
  });
});

describe('formatValue and codeSpan', () => {
  test.each([
    [undefined, '(none)'],
    [null, 'null'],
    [{ a: 1 }, '{"a":1}'],
    ['x'.repeat(100), `"${'x'.repeat(39)}…${'x'.repeat(38)}"`],
  ])('formatValue(%j) -> %s', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
    expect(formatValue(value).length).toBeLessThanOrEqual(80);
  });

  test.each([
    ['plain', '`plain`'],
    ['a`b', '`` a`b ``'],
    ['``x', '``` ``x ```'],
  ])('codeSpan(%s) -> %s', (text, expected) => expect(codeSpan(text)).toBe(expected));
});
