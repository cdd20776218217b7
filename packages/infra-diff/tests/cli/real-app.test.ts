import { execFileSync } from 'node:child_process';
import { REPO_ROOT, runCli } from '../fixtures/git-repo';

const SYNTH_TIMEOUT_MS = 180_000;

describe('infra:diff on this repository (the real cdktf app)', () => {
  test(
    'HEAD against itself, synthesized in two separate worktrees, has no changes in any stack',
    () => {
      // Two checkouts in different directories must synthesize byte-for-byte the same configuration;
      // any absolute path, timestamp or random name in the app would show up here as a change.
      const run = runCli(['--base', 'HEAD', '--head', 'HEAD', '--json'], REPO_ROOT);

      expect({ status: run.status, stderr: run.stderr }).toEqual({
        status: 0,
        stderr: expect.stringMatching(/^infra-diff: synthesizing HEAD \(\w{7}\) and HEAD/),
      });
      const document = JSON.parse(run.stdout) as { stacks: { stack: string; status: string }[] };
      expect(document.stacks.map((s) => s.stack)).toEqual(expect.arrayContaining(['dev', 'prod']));
      expect(document.stacks.every((s) => s.status === 'unchanged')).toBe(true);
      const worktrees = execFileSync('git', ['worktree', 'list', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(worktrees).not.toMatch(/^worktree .*\/infra-diff-[^/]+\/checkout$/m);
    },
    SYNTH_TIMEOUT_MS,
  );
});
