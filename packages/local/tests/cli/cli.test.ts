import { spawnSync } from 'node:child_process';
import { LOCAL_FLAGS } from '../../src/run/flags';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
const CLI = join(REPO_ROOT, 'packages', 'local', 'src', 'run', 'cli.ts');
/** As `npm run local` starts it: one node process with the tsx loader, so signals reach the pipeline directly. */
const NODE_ARGS = ['--import', 'tsx', CLI];
const run = (args: string[]) =>
  spawnSync(process.execPath, [...NODE_ARGS, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });

let out: string;
beforeEach(() => (out = mkdtempSync(join(tmpdir(), 'sales-local-cli-'))));
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('sales-local CLI', () => {
  test('exits 2 with one line for an unknown flag', () => {
    const result = run(['--bogus']);
    expect(result.status).toBe(2);
    expect(
      result.stderr
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('sales-local:')),
    ).toEqual(['sales-local: unknown flag --bogus (see --help)']);
    expect(result.stdout).toBe('');
  });

  test('exits 2 naming the variable when the pipeline configuration is invalid', () => {
    const result = spawnSync(process.execPath, [...NODE_ARGS, '--orders', '5', '--out', out], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, SALES_FIREHOSE_BUFFER_SIZE_MIB: '1' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^sales-local: SALES_FIREHOSE_BUFFER_SIZE_MIB must be .+, received "1" \(see --help\)$/m,
    );
  });

  test.each([['--help'], ['-h']])('prints usage with every flag on %s', (flag) => {
    const result = run([flag]);
    expect(result.status).toBe(0);
    for (const name of Object.keys(LOCAL_FLAGS)) expect(result.stdout).toContain(`--${name}`);
  });

  test('runs the pipeline, prints schema, query tables and summary, writes summary.json', () => {
    const result = run(['--orders', '30', '--out', out, '--seed', 'cli', '--quiet']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Schema inferred by the crawler emulation:');
    expect(result.stdout).toContain('Query current_orders:');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ status: 'ok', records_failed: 0, problems: [] });
    expect(summary.stages.map((stage: { name: string; status: string }) => `${stage.name}:${stage.status}`)).toEqual([
      'database:done',
      'generate_and_capture:done',
      'scan:done',
      'deliver_and_merge:done',
      'deliver_recent:done',
      'crawl:done',
      'query:done',
      'live:done',
      'checks:done',
    ]);
    expect(summary.stages.at(-1).detail).toBe(
      `orders_current: ${summary.table_items} rows, equal to the table; change log window: equal to the table`,
    );
    expect(summary.records_delivered).toBe(summary.changes_captured);
    expect(summary.current_state_rows).toBe(summary.table_items);
    // The low-latency path delivered every change too, and orders_live (the run's merged orders_current with the
    // recent changes over it) is the table.
    expect(summary.recent_path).toMatchObject({
      records_delivered: summary.changes_captured,
      records_failed: 0,
      live: { current_state: 'merged', rows: summary.table_items, not_judged: null },
    });
    expect(result.stdout).toMatch(
      /recent path: \d+ delivered to recent\/ in \d+ objects; orders_live: \d+ rows, equal to the table/,
    );
  }, 60_000);
});
