import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../fixtures/git-repo';

describe('infra:diff command line', () => {
  test.each([['--help'], ['-h']])('%s prints usage with every flag to stdout and exits 0', (flag) => {
    const run = runCli([flag]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run infra:diff -- --base <ref>/);
    for (const flag of ['--base', '--head', '--json', '--help']) expect(run.stdout).toContain(flag);
    expect(run.stderr).toBe('');
  });

  test.each([
    [['--bse', 'main'], 'infra-diff: unknown flag --bse (see --help)'],
    [[], 'infra-diff: --base is required, e.g. --base origin/main (see --help)'],
    [['--json'], 'infra-diff: --base is required, e.g. --base origin/main (see --help)'],
    [['--base'], 'infra-diff: --base needs a value <ref> (see --help)'],
    [['--base', '--json'], 'infra-diff: --base needs a value <ref>, received the flag "--json" (see --help)'],
    [['--base', 'main', 'extra'], 'infra-diff: unexpected argument "extra" (see --help)'],
    [['--base', 'main', '--head', ' '], 'infra-diff: --head must be a git ref, received " " (see --help)'],
  ])('%j is a usage error: exit 2 and one line naming the flag', (args, message) => {
    const run = runCli(args);
    expect(run).toEqual({ status: 2, stdout: '', stderr: `${message}\n` });
  });

  test('an unknown base ref fails with exit 1 and says which ref', () => {
    const run = runCli(['--base', 'no-such-branch-4f2a']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/infra-diff: "no-such-branch-4f2a" is not a commit in .* \(fetch it first/);
  });

  test('outside a git repository it fails with exit 1', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'infra-diff-nogit-'));
    try {
      const run = runCli(['--base', 'main'], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^infra-diff: not inside a git repository/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
