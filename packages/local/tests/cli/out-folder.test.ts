import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUT_MARKER } from '../../src/run/out-folder';
import { LAKE_CLOCK_FILE } from '@sales/pipeline-spec';
import { runLocal } from './spawn-local';

let home: string;
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'sales-local-out-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('npm run local --out', () => {
  test('refuses a folder it did not write, exit 2 naming the flag, every file untouched', async () => {
    mkdirSync(join(home, 'logs'));
    mkdirSync(join(home, 'sales'));
    writeFileSync(join(home, 'logs', 'app.log'), 'keep me\n');
    writeFileSync(join(home, 'sales', 'q3.csv'), 'region,total\n');

    const result = await runLocal(['--orders', '5', '--out', home, '--quiet']);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^sales-local: --out ".*" holds files that npm run local did not write \\(no ${OUT_MARKER} marker\\).*\\(see --help\\)$`,
        'm',
      ),
    );
    expect(readFileSync(join(home, 'logs', 'app.log'), 'utf8')).toBe('keep me\n');
    expect(readFileSync(join(home, 'sales', 'q3.csv'), 'utf8')).toBe('region,total\n');
    expect(readdirSync(home).sort()).toEqual(['logs', 'sales']);
    expect(result.stdout).toBe('');
  }, 60_000);

  test('refuses a file, exit 2 naming the flag', async () => {
    const file = join(home, 'lake.txt');
    writeFileSync(file, 'not a folder');

    const result = await runLocal(['--orders', '5', '--out', file, '--quiet']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`sales-local: --out must be a folder, received the file "${file}" (see --help)`);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  }, 60_000);

  test('replaces only its own results in a folder it marked, keeping other files', async () => {
    const lake = join(home, 'lake');
    const first = await runLocal(['--orders', '5', '--out', lake, '--quiet', '--seed', 'one']);
    expect(first.code).toBe(0);
    writeFileSync(join(lake, 'notes.md'), 'mine\n');

    const second = await runLocal(['--orders', '7', '--out', lake, '--quiet', '--seed', 'two']);

    expect(second.code).toBe(0);
    expect(readFileSync(join(lake, 'notes.md'), 'utf8')).toBe('mine\n');
    expect(readdirSync(lake).sort()).toEqual(
      [OUT_MARKER, LAKE_CLOCK_FILE, 'current', 'logs', 'notes.md', 'recent', 'sales', 'summary.json'].sort(),
    );
    const summary = JSON.parse(readFileSync(join(lake, 'summary.json'), 'utf8'));
    expect(summary.operations.planned).toBeGreaterThanOrEqual(7);

    // A newcomer queries the lake with --sql, without a run.
    const query = await runLocal([
      '--out',
      lake,
      '--sql',
      "SELECT count(DISTINCT order_id) AS orders FROM order_changes WHERE cdc_operation = 'insert'",
    ]);
    expect(query.code).toBe(0);
    expect(query.stdout).toMatch(/^orders\n-+\n *7\n\(1 rows\)\n$/);
    // … and orders_current, the merged current state, by its name.
    const current = await runLocal(['--out', lake, '--sql', 'SELECT count(*) AS live FROM orders_current']);
    expect(current.code).toBe(0);
    expect(current.stdout).toBe(`live\n----\n${summary.table_items}\n(1 rows)\n`);
    const bad = await runLocal(['--out', lake, '--sql', 'SELECT nope FROM order_changes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^sales-local: --sql failed: .*nope.* \(see --help\)$/m);
  }, 120_000);
});

describe('npm run local --out that cannot be created', () => {
  const linux = process.platform === 'linux' ? test : test.skip;

  linux(
    '--out /proc/… exits 2 at once with one line naming --out',
    async () => {
      const result = await runLocal(['--out', '/proc/sales-local-cannot-exist', '--quiet'], {}, 'npm');

      expect(result.code).toBe(2);
      expect(result.stderr.split('\n').filter((line) => line.startsWith('sales-local:'))).toEqual([
        'sales-local: --out "/proc/sales-local-cannot-exist" cannot be written (ENOENT) (see --help)',
      ]);
      expect(result.ms).toBeLessThan(30_000);
    },
    60_000,
  );
});
