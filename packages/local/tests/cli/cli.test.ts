import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
const CLI = join(REPO_ROOT, 'packages', 'local', 'src', 'run', 'cli.ts');
/** As `npm run local` starts it: one node process with the tsx loader, so signals reach the pipeline directly. */
const NODE_ARGS = ['--import', 'tsx', CLI];
const run = (args: string[]) => spawnSync(process.execPath, [...NODE_ARGS, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });

let out: string;
beforeEach(() => (out = mkdtempSync(join(tmpdir(), 'sales-local-cli-'))));
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('sales-local CLI', () => {
  test('exits 2 with one line for an unknown flag', () => {
    const result = run(['--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n').filter((line) => line.startsWith('sales-local:'))).toEqual(["sales-local: Unknown option '--bogus' (see --help)"]);
    expect(result.stdout).toBe('');
  });

  test('exits 2 naming the variable when the pipeline configuration is invalid', () => {
    const result = spawnSync(process.execPath, [...NODE_ARGS, '--orders', '5', '--out', out], {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, SALES_FIREHOSE_BUFFER_SIZE_MIB: '1' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^sales-local: SALES_FIREHOSE_BUFFER_SIZE_MIB must be .+, received "1"$/m);
  });

  test('prints usage with every flag on --help', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    for (const flag of ['--orders', '--duplicates', '--out', '--endpoint', '--seed', '--quiet']) expect(result.stdout).toContain(flag);
  });

  test('runs the pipeline, prints schema, query tables and summary, writes summary.json', () => {
    const result = run(['--orders', '30', '--out', out, '--seed', 'cli', '--quiet']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Schema inferred by the crawler emulation:');
    expect(result.stdout).toContain('Query current_orders:');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ records_failed: 0, problems: [] });
    expect(summary.records_delivered).toBe(summary.changes_captured);
    expect(summary.current_state_rows).toBe(summary.table_items);
  }, 60_000);

  test('fails with a clear message when the endpoint cannot be reached', () => {
    const result = run(['--orders', '5', '--out', out, '--endpoint', 'http://127.0.0.1:9', '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^sales-local: .+/m);
  }, 60_000);

  test('stops on Ctrl-C with exit code 130 and the embedded server stopped', async () => {
    const child = spawn(process.execPath, [...NODE_ARGS, '--orders', '50000', '--out', out], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    await new Promise<void>((ready) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('start database')) ready();
      }),
    );

    child.kill('SIGINT');

    // The process can only exit once dynalite's listening socket is closed.
    expect(await exited).toBe(130);
    expect(stderr).toContain('sales-local: interrupted');
  }, 60_000);
});
