import { createMiniRepo, runCli, type MiniAppConfig, type MiniRepo } from '../fixtures/git-repo';

const SYNTH_TIMEOUT_MS = 120_000;
const WRITER = 'aws_iam_policy.Writer';

// Statements shaped as in the IAM policy grammar, with and without `Sid`:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html
const writeLogs = {
  Effect: 'Allow',
  Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  Resource: 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/sales-*',
};
const readStream = {
  Sid: 'ReadOrdersStream',
  Effect: 'Allow',
  Action: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
  Resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/sales-orders/stream/*',
};
const writeLake = {
  Sid: 'WriteLake',
  Effect: 'Allow',
  Action: ['s3:PutObject'],
  Resource: 'arn:aws:s3:::sales-lake/*',
};
const putRecords = {
  Effect: 'Allow',
  Action: ['kinesis:PutRecord', 'kinesis:PutRecords'],
  Resource: 'arn:aws:kinesis:eu-west-1:111122223333:stream/sales-changes',
};
const encrypt = {
  Effect: 'Allow',
  Action: ['kms:Encrypt', 'kms:GenerateDataKey'],
  Resource: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
};

const BASE: MiniAppConfig = {
  streamViewType: 'NEW_AND_OLD_IMAGES',
  bucketSuffix: 'lake',
  withLogBucket: false,
  policyStatements: [writeLogs, readStream, writeLake, putRecords],
};
/** `encrypt` inserted in the middle (content-matched, no Sid), `ReadOrdersStream` removed: every later statement moves. */
const HEAD: MiniAppConfig = { ...BASE, policyStatements: [writeLogs, encrypt, writeLake, putRecords] };

/** The attribute lines listed under `address` in one stack's Markdown section. */
function changeLines(section: string, address: string): string[] {
  const lines = section.split('\n');
  const start = lines.indexOf(`- \`${address}\``);
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('  - '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('infra:diff on an IAM policy whose statements moved (real cdktf synth)', () => {
  let repo: MiniRepo;
  beforeAll(() => {
    repo = createMiniRepo(BASE);
    repo.configure(HEAD);
    repo.commit('insert a KMS statement, drop the stream reader');
  });
  afterAll(() => repo.dispose());

  test(
    'reports one statement added and one removed, not a positional swap of the later ones',
    () => {
      const markdown = runCli(['--base', 'main~1', '--head', 'main'], repo.dir);
      const json = runCli(['--base', 'main~1', '--head', 'main', '--json'], repo.dir);

      // Markdown: exit 0 (a diff printed), per stack the policy changed and only the two statements listed
      expect({ status: markdown.status, stderr: markdown.stderr }).toEqual({
        status: 0,
        stderr: expect.not.stringContaining('Error'),
      });
      const sections = markdown.stdout.split(/^### Stack /m).slice(1);
      expect(sections.map((section) => section.slice(0, section.indexOf('\n')))).toEqual(['`dev`', '`prod`']);
      for (const section of sections) {
        expect(section).toContain('**0 added, 1 changed, 0 removed**');
        const lines = changeLines(section, WRITER); // values shortened to 80 characters, the middle elided
        expect(lines).toHaveLength(2);
        expect(lines.filter((line) => /^ {2}- `policy\.Statement\[1\]`: added `\{.*"kms:/.test(line))).toHaveLength(1);
        expect(
          lines.filter((line) => /^ {2}- `policy\.Statement\[1\]`: removed `\{.*"Sid":"ReadOrdersStream"/.test(line)),
        ).toHaveLength(1);
      }
      // No "Statement[n].Action[0]: A -> B" line for a statement that merely moved
      expect(markdown.stdout).not.toMatch(/`policy\.Statement\[[^\]]+\]\./);

      // --json: the same two changes, with the whole statements
      expect({ status: json.status, stderr: json.stderr }).toEqual({
        status: 0,
        stderr: expect.not.stringContaining('Error'),
      });
      const document = JSON.parse(json.stdout) as {
        stacks: { stack: string; totals: unknown; changed: { address: string; changes: unknown[] }[] }[];
      };
      for (const stack of document.stacks) {
        expect(stack.totals).toEqual({ added: 0, changed: 1, removed: 0 });
        expect(stack.changed.map((block) => block.address)).toEqual([WRITER]);
        const changes = stack.changed[0]?.changes;
        expect(changes).toHaveLength(2);
        expect(changes).toEqual(
          expect.arrayContaining([
            { path: 'policy.Statement[1]', after: encrypt },
            { path: 'policy.Statement[1]', before: readStream },
          ]),
        );
      }
      expect(document.stacks.map((stack) => stack.stack)).toEqual(['dev', 'prod']);
      // The temporary worktrees of both runs are gone: only the repository's own remains
      expect(repo.worktrees().match(/^worktree /gm)).toHaveLength(1);
    },
    SYNTH_TIMEOUT_MS,
  );
});
