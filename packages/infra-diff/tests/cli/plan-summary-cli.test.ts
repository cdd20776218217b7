import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../fixtures/git-repo';

const PLANS = path.join(__dirname, '..', 'fixtures', 'plans');

describe('infra:plan-summary command line', () => {
  const cli = (args: string[]) =>
    spawnSync(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(REPO_ROOT, 'packages', 'infra-diff', 'src', 'plan-summary-cli.ts'), ...args],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );

  test('names each stack after the directory of its plan file', () => {
    const run = cli([path.join(PLANS, 'dev', 'plan.json'), path.join(PLANS, 'prod', 'plan.json')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('| `dev` | 2 | 1 | 2 |\n| `prod` | 0 | 0 | 0 |');
  });

  test('without files it is a usage error (exit 2)', () => {
    const run = cli([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^infra-plan-summary: give one or more plan\.json files.* \(see --help\)\n$/);
  });

  test.each([
    [['--frobnicate'], 'unknown flag --frobnicate'],
    [['-x', 'plan.json'], 'unknown flag -x'],
  ])('%j is a usage error naming the flag (exit 2)', (args, message) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`infra-plan-summary: ${message} (see --help)\n`);
  });

  test.each([['-h'], ['--help']])('%s prints usage and exits 0', (flag) => {
    const run = cli([flag]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run infra:plan-summary -- <plan.json>\.\.\./);
  });

  test('an unreadable file fails with exit 1', () => {
    const run = cli([path.join(PLANS, 'qa', 'plan.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^infra-plan-summary: ENOENT/);
  });
});
