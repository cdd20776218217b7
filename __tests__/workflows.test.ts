import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

/** The repository root. */
const REPO_ROOT = path.resolve(__dirname, '..');

const WORKFLOWS = path.join(REPO_ROOT, '.github', 'workflows');
const VALIDATOR = path.join(REPO_ROOT, 'node_modules', '.bin', 'action-validator');
const files = readdirSync(WORKFLOWS)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

interface Job {
  readonly uses?: string;
  readonly environment?: string;
  readonly permissions?: Record<string, string> | string;
  readonly concurrency?: unknown;
  readonly 'timeout-minutes'?: number;
  readonly env?: Record<string, string>;
  readonly steps?: readonly {
    readonly uses?: string;
    readonly run?: string;
    readonly env?: Record<string, string>;
    readonly with?: Record<string, string>;
  }[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly env?: Record<string, string>;
  readonly permissions?: Record<string, string> | string;
  readonly concurrency?: unknown;
  readonly jobs: Record<string, Job>;
}

const load = (file: string): { text: string; workflow: Workflow } => {
  const text = readFileSync(path.join(WORKFLOWS, file), 'utf8');
  return { text, workflow: parse(text) as Workflow };
};
const validate = (file: string) => spawnSync(VALIDATOR, [file], { encoding: 'utf8' });

/** Jobs that may request an OIDC token, and why: AWS role (plan, deploy, reconcile) or npm trusted publishing (release). */
const OIDC_JOBS = [
  'deploy-stack.yml:deploy',
  'deploy.yml:dev',
  'deploy.yml:prod',
  'plan.yml:plan',
  'reconcile.yml:reconcile',
  'release.yml:publish',
];

describe('GitHub workflows', () => {
  test('has the review, deploy, reconcile and release workflows', () => {
    expect(files).toEqual(['ci.yml', 'deploy-stack.yml', 'deploy.yml', 'plan.yml', 'reconcile.yml', 'release.yml']);
  });

  test.each(files)('%s is valid against the workflow schema (action-validator)', (file) => {
    const run = validate(path.join(WORKFLOWS, file));
    expect({ status: run.status, output: `${run.stdout}${run.stderr}` }).toEqual({ status: 0, output: '' });
  });

  test('the validator rejects an invalid workflow (the check can fail)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'workflow-'));
    try {
      const file = path.join(dir, 'bad.yml');
      writeFileSync(file, 'name: bad\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    stepz: []\n');
      const run = validate(file);
      expect(run.status).not.toBe(0);
      expect(`${run.stdout}${run.stderr}`).toContain("Additional property 'stepz' is not allowed");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each(files)('%s pins every action to a full commit SHA with its version in a comment', (file) => {
    const { text } = load(file);
    const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)].map((m) => ({
      ref: m[1] ?? '',
      rest: m[2] ?? '',
    }));
    for (const { ref, rest } of uses) {
      if (ref.startsWith('./')) continue; // reusable workflow in this repository
      expect(`${ref}${rest}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  test.each(files)('%s grants no permissions by default and each job only what it declares', (file) => {
    const { workflow } = load(file);
    const topLevel = workflow.permissions;
    expect(
      topLevel === undefined || (typeof topLevel === 'object' && Object.values(topLevel).every((v) => v !== 'write')),
    ).toBe(true);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect({ job: name, declares: job.permissions !== undefined }).toEqual({ job: name, declares: true });
      const grants = typeof job.permissions === 'object' ? job.permissions : {};
      if (grants['id-token'] === 'write') expect(OIDC_JOBS).toContain(`${file}:${name}`);
      expect(job.permissions).not.toBe('write-all');
    }
  });

  // In CI `npm run synth` refuses local state and prod without an alarm receiver (deploy-readiness.ts): every job
  // that synthesizes for a plan or a deploy must pass both, from repository variables (docs/review-and-release.md).
  const synthJobs = files.flatMap((file) => {
    const { workflow } = load(file);
    return Object.entries(workflow.jobs)
      .filter(([, job]) => (job.steps ?? []).some((step) => /\bnpm run synth\b/.test(step.run ?? '')))
      .map(([name, job]) => [`${file}:${name}`, { ...workflow.env, ...job.env }] as const);
  });

  test('the plan and deploy jobs are the ones that synthesize', () => {
    expect(synthJobs.map(([job]) => job)).toEqual(['deploy-stack.yml:deploy', 'plan.yml:plan']);
  });

  test.each(synthJobs)(
    "%s passes the state bucket and prod's alarm receiver from repository variables",
    (_job, env) => {
      expect(env).toMatchObject({
        SALES_STATE_BUCKET: '${{ vars.SALES_STATE_BUCKET }}',
        SALES_PROD_ALARM_EMAIL: '${{ vars.SALES_PROD_ALARM_EMAIL }}',
      });
    },
  );

  test.each(files)('%s limits concurrency and bounds every job in time', (file) => {
    const { workflow } = load(file);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect({ job: name, concurrency: workflow.concurrency !== undefined || job.concurrency !== undefined }).toEqual({
        job: name,
        concurrency: true,
      });
      if (job.uses === undefined)
        expect({ job: name, timeout: typeof job['timeout-minutes'] }).toEqual({ job: name, timeout: 'number' });
    }
  });
});

describe('reconcile.yml: the daily reconcile the ReconcileNotRun alarm expects', () => {
  const { workflow } = load('reconcile.yml');
  const job = workflow.jobs.reconcile as Job;
  const runs = (job.steps ?? []).map((step) => step.run ?? '').join('\n');
  const credentials = (job.steps ?? []).find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));

  test('runs daily on a schedule, and by hand', () => {
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  test('asks for an OIDC token and read access to the code, nothing else', () => {
    expect(workflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
  });

  test('runs reconcile with --publish-metric after npm ci, with the names of one environment', () => {
    expect(runs.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm run reconcile'));
    const command = runs.split('\n').find((line) => line.includes('npm run reconcile')) ?? '';
    expect(command).toContain('--publish-metric');
    for (const flag of ['--table', '--lake "s3://', '--workgroup', '--database']) expect(command).toContain(flag);
    expect(command).not.toContain('--repair');
  });

  test('treats exit 3 (keys not judged yet) as success with a warning, and fails on any other non-zero code', () => {
    expect(runs).toMatch(/0\) ;;/);
    expect(runs).toMatch(/3\) echo "::warning /);
    expect(runs).toMatch(/\*\) echo "::error [^\n]*exit "\$code"/);
  });

  test('assumes the reconcile role of its own environment, never the deploy role', () => {
    expect(job.environment).toBe('reconcile-${{ matrix.environment }}');
    expect(credentials?.with?.['role-to-assume']).toBe('${{ vars.AWS_RECONCILE_ROLE_ARN }}');
    expect(load('reconcile.yml').text).not.toContain('AWS_DEPLOY_ROLE_ARN');
  });
});
