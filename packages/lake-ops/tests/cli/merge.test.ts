import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useLakeFolders } from '../support/lake-folder';
import { runBin } from '../support/run-bin';
import { streamChangeLine, writeChangeObjects } from '../support/order-changes';

jest.setTimeout(60_000);

const T0 = Date.UTC(2026, 11, 6, 10) * 1000;
const placed = { status: 'placed', quantity: 1, unitCents: 1999 };

const newLake = useLakeFolders();

/** A lake of two orders, one of them removed. */
function lake(): string {
  const folder = newLake('merge-cli-');
  writeChangeObjects(folder, 'delivery-1', [
    streamChangeLine({ operation: 'insert', orderId: 'o-1', version: placed, eventTimeMicros: T0, sequence: 1 }),
    streamChangeLine({ operation: 'insert', orderId: 'o-2', version: placed, eventTimeMicros: T0, sequence: 2 }),
    streamChangeLine({ operation: 'remove', orderId: 'o-2', version: placed, eventTimeMicros: T0 + 1e6, sequence: 3 }),
  ]);
  return folder;
}

describe('sales-lake merge', () => {
  test('--help shows every flag with its default and the exit codes, exit 0', async () => {
    const { code, stdout } = await runBin(['merge', '--help']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: sales-lake merge --lake DIR /);
    for (const flag of [
      '--lake',
      '--workgroup',
      '--database',
      '--rebuild',
      '--lateness-seconds',
      '--dry-run',
      '--json',
    ])
      expect(stdout).toContain(flag);
    expect(stdout).toContain('[default: 25200, the stack');
    expect(stdout).toMatch(/Exit codes:\n {2}0 +merged/);
  });

  test.each([
    [['merge'], '--lake is required: the folder npm run local wrote, or s3://<lake bucket>/'],
    [
      ['merge', '--lake', 'X', '--lateness-seconds', '60'],
      '--lateness-seconds must be an integer between 300 and 604800, received "60"',
    ],
    [
      ['merge', '--lake', 's3://sales-dev-lake/'],
      '--workgroup is required with an s3:// lake: the stack output athena_workgroup',
    ],
    [['merge', '--lake', 'X', '--rebuild=yes'], '--rebuild takes no value, received "yes"'],
  ])('refuses %j in one line naming the flag, exit 2', async (args, message) => {
    const { code, stdout, stderr } = await runBin(args);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter((line) => line !== '')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  test('merges a local lake: the first load, then a run that changes nothing; --json on stdout', async () => {
    const folder = lake();

    const first = await runBin(['merge', '--lake', folder]);
    const second = await runBin(['merge', '--lake', folder, '--json']);

    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^sales-lake merge: .* \(DuckDB, incremental\): 1 rows in orders_current\n/);
    expect(first.stdout).toContain('orders_current  1 inserted, 0 updated, 0 deleted');
    expect(first.stdout).toContain('this first load reads the whole change log');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      engine: 'duckdb',
      window: {
        year: expect.any(String),
        month: expect.any(String),
        day: expect.any(String),
        hour: expect.any(String),
      },
      rows: { inserted: 0, updated: 0, deleted: 0 },
      currentRows: 1,
      exported: join(folder, 'current', 'orders_current.parquet'),
    });
    expect(second.stderr).toContain('orders_current  0 inserted, 0 updated, 0 deleted');
  });

  test('--dry-run prints the window and the statements and writes nothing', async () => {
    const folder = lake();

    const { code, stdout } = await runBin(['merge', '--lake', folder, '--rebuild', '--dry-run']);

    expect(code).toBe(0);
    expect(stdout).toContain('(DuckDB, rebuild): dry run, nothing written');
    expect(stdout).toContain('window          the whole log (--rebuild)');
    for (const name of ['change_log_view', 'record_tombstones', 'merge_current', 'delete_orphans', 'record_run'])
      expect(stdout).toContain(`-- ${name}\n`);
    expect(existsSync(join(folder, 'current'))).toBe(false);
  });
});
