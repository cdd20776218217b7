import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createMiniRepo, runCli, startCli, type MiniAppConfig, type MiniRepo } from '../fixtures/git-repo';

const BASE: MiniAppConfig = { streamViewType: 'NEW_AND_OLD_IMAGES', bucketSuffix: 'lake', withLogBucket: true };
const SYNTH_TIMEOUT_MS = 120_000;
/** A worktree made by infra:diff, as `git worktree list --porcelain` shows it. */
const TEMP_WORKTREE = /^worktree .*\/infra-diff-[^/]+\/checkout$/m;

describe('infra:diff against a git ref (real cdktf synth of a two-stack app)', () => {
  let repo: MiniRepo;
  beforeAll(() => {
    repo = createMiniRepo(BASE);
  });
  afterAll(() => repo.dispose());

  test(
    'reports the working tree against the base ref, flags the risks, and removes its worktree',
    () => {
      // Arrange: change the stream view type, drop the log bucket, commit; then rename the lake uncommitted
      repo.configure({ ...BASE, streamViewType: 'NEW_IMAGE', withLogBucket: false });
      const head = repo.commit('change the stream');
      repo.configure({ ...BASE, streamViewType: 'NEW_IMAGE', withLogBucket: false, bucketSuffix: 'lake-v2' });

      // Act
      const markdown = runCli(['--base', 'main~1'], repo.dir);
      const json = runCli(['--base', 'main~1', '--head', 'main', '--json'], repo.dir);

      // Assert: the working tree includes the uncommitted rename
      expect(markdown.status).toBe(0);
      expect(markdown.stdout).toContain('-> `working tree`');
      expect(markdown.stdout.match(/\*\*0 added, 2 changed, 1 removed\*\*/g)).toHaveLength(2);
      expect(markdown.stdout).toContain('`stream_view_type`: `"NEW_AND_OLD_IMAGES"` -> `"NEW_IMAGE"`');
      expect(markdown.stdout).toContain('`bucket`: `"sales-prod-lake"` -> `"sales-prod-lake-v2"`');
      expect(markdown.stdout).toMatch(
        /\*\*data loss\*\* `aws_dynamodb_table\.Table` `stream_view_type`: new stream ARN/,
      );
      expect(markdown.stdout).toMatch(/\*\*data loss\*\* `aws_s3_bucket\.Logs` removed/);
      // --head main: committed changes only, the lake keeps its name
      expect(json.status).toBe(0);
      const document = JSON.parse(json.stdout);
      expect(document.head).toBe(`main (${head.slice(0, 7)})`);
      expect(document.stacks.map((s: { stack: string; totals: unknown }) => [s.stack, s.totals])).toEqual([
        ['dev', { added: 0, changed: 1, removed: 1 }],
        ['prod', { added: 0, changed: 1, removed: 1 }],
      ]);
      expect(repo.worktrees().match(/^worktree /gm)).toHaveLength(1);
    },
    SYNTH_TIMEOUT_MS,
  );

  test(
    'a failing synth exits 1 with the error, and still removes the worktree',
    () => {
      writeFileSync(path.join(repo.dir, 'app-config.json'), JSON.stringify(BASE).slice(0, -1)); // truncated JSON
      const run = runCli(['--base', 'main'], repo.dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^infra-diff: synth failed in .*\nERROR: cdktf encountered an error while synthesizing.*SyntaxError/ms,
      );
      expect(run.stderr).not.toContain('terraformrc');
      expect(repo.worktrees().match(/^worktree /gm)).toHaveLength(1);
    },
    SYNTH_TIMEOUT_MS,
  );

  test(
    'Ctrl-C removes the worktree and exits 130',
    async () => {
      const child = startCli(['--base', 'main'], repo.dir);
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      const deadline = Date.now() + 60_000;
      while (!TEMP_WORKTREE.test(repo.worktrees()) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(repo.worktrees()).toMatch(TEMP_WORKTREE); // interrupted mid-run, with its worktree in place

      child.kill('SIGINT');

      expect(await exited).toBe(130);
      expect(stderr).toContain('infra-diff: interrupted (SIGINT); removing temporary worktrees');
      expect(repo.worktrees().match(/^worktree /gm)).toHaveLength(1);
    },
    SYNTH_TIMEOUT_MS,
  );
});
