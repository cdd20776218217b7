/**
 * The reader of the docs' command blocks: what the docs test runs and what it asserts.
 */
import { readDocBlocks, showsInOrder } from './helpers/doc-commands';

describe('readDocBlocks', () => {
  const page = [
    'Text.',
    '```sh',
    'npx dynalite --port 8000 &          # a DynamoDB that outlives the run',
    'npm run local -- --out /tmp/lake \\',
    '  --inject-failures 0.2',
    '# exit 1: "NOT equal …; `npm run replay` re-drives" "second"',
    '# a remark, not an expectation',
    'test -d /tmp/lake && echo yes',
    '```',
    '```sh aws',
    'npm run reconcile -- --lake s3://<lake bucket>/',
    '```',
    '```ts',
    'const x = 1;',
    '```',
  ].join('\n');

  test('reads each command with its line, background flag and expectation', () => {
    const [local, aws] = readDocBlocks(page);

    expect(local).toEqual({
      line: 2,
      tag: undefined,
      commands: [
        {
          line: 3,
          text: 'npx dynalite --port 8000 &          # a DynamoDB that outlives the run',
          background: true,
          expect: { exitCode: 0, prints: [] },
        },
        {
          line: 4,
          text: 'npm run local -- --out /tmp/lake \\\n  --inject-failures 0.2',
          background: false,
          expect: { exitCode: 1, prints: [['NOT equal', '; `npm run replay` re-drives'], ['second']] },
        },
        { line: 8, text: 'test -d /tmp/lake && echo yes', background: false, expect: { exitCode: 0, prints: [] } },
      ],
    });
    expect(aws?.tag).toBe('aws');
  });

  test('leaves out blocks of other languages', () => {
    expect(readDocBlocks(page)).toHaveLength(2);
  });

  test('refuses an expectation with no command before it', () => {
    expect(() => readDocBlocks('```sh\n# exit 1\n```\n')).toThrow('line 2: "# exit" with no command before it');
  });
});

test.each([
  ['lake NOT equal to the table', ['NOT equal', 'table'], true],
  ['the table is NOT equal', ['table', 'NOT equal'], true],
  ['NOT equal to the table', ['table', 'NOT equal'], false],
])('showsInOrder(%j, %j) is %s', (output, parts, shown) => {
  expect(showsInOrder(output, parts)).toBe(shown);
});
