/**
 * `sales-lake reconcile --export DIR`, spawned as a user runs it: the table side from a local export folder in the
 * documented format, verified first; dynalite answers the re-check.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { useTemporaryFolder } from '@sales/testing';
import { writeExportFolder } from '../support/export-folder.js';
import { useOrdersDynalite } from '../support/orders-dynalite.js';
import { orderItem } from '../support/orders-table.js';
import { filesUnder, runBin } from '../support/run-bin.js';
import { changeLine, writeLakeObject } from '../support/lake-changes.js';

const ITEMS = 8;
const EXPORT_ID = '01764547200000-abcd1234';

describe('sales-lake reconcile --export', () => {
  const dynalite = useOrdersDynalite({ orders: ITEMS });
  const root = useTemporaryFolder('reconcile-export-cli-');
  let lake: string;
  let folder: string;
  let dataKeys: string[];

  beforeEach(() => {
    lake = join(root.path, 'lake');
    const hourAgo = (Date.now() - 3_600_000) * 1000;
    // The lake lacks o-000000; its o-000001 says "pending".
    writeLakeObject(lake, 'inserts', [
      changeLine('insert', { ...orderItem(1), status: { S: 'pending' } }, hourAgo),
      ...Array.from({ length: ITEMS - 2 }, (_, index) => changeLine('insert', orderItem(index + 2), hourAgo)),
    ]);
    ({ folder, dataKeys } = writeExportFolder(join(root.path, 'bucket'), {
      exportId: EXPORT_ID,
      table: 'orders',
      exportTime: new Date(Date.now() - 600_000).toISOString(),
      files: [Array.from({ length: ITEMS }, (_, index) => unmarshall(orderItem(index)))],
    }));
  });

  const args = (...extra: string[]): string[] => [
    'reconcile',
    '--table',
    'orders',
    '--endpoint',
    dynalite.endpoint,
    '--lake',
    lake,
    '--export',
    folder,
    ...extra,
  ];

  test('reads the verified export as the table side and reports its drift (exit 1)', async () => {
    const run = await runBin(args('--json'));

    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { table_items: number; drift: unknown[] };
    expect(report.table_items).toBe(ITEMS);
    expect(report.drift).toEqual([
      { order_id: 'o-000000', kind: 'missing_in_lake', columns: [] },
      { order_id: 'o-000001', kind: 'value_mismatch', columns: ['status'] },
    ]);
  }, 60_000);

  test('refuses an export that does not verify: exit 1, nothing compared or written', async () => {
    writeFileSync(join(folder, dataKeys[0] ?? ''), 'not the bytes the manifest describes');

    const run = await runBin(args('--repair'));

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^sales-lake reconcile: the export .* does not verify; nothing was written:/m);
    expect(run.stdout).toBe('');
    expect(filesUnder(lake)).toEqual(['sales/year=2026/month=01/day=01/hour=00/inserts.json.gz']);
  }, 60_000);

  test('refuses an export of another table (exit 1)', async () => {
    const other = writeExportFolder(join(root.path, 'other'), {
      exportId: EXPORT_ID,
      table: 'invoices',
      exportTime: new Date().toISOString(),
      files: [[]],
    });

    const run = await runBin([...args().slice(0, -1), other.folder]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /is an export of arn:aws:dynamodb:us-east-1:123456789012:table\/invoices, not of table orders/,
    );
  }, 60_000);

  test.each([
    [['--segments', '2'], /--segments applies to the Scan only; --export reads the table from an export/],
    [
      ['--export', 's3:///exports/'],
      /--export must look like s3:\/\/bucket\/prefix\/AWSDynamoDB\/<id>\/, received "s3:\/\/\/exports\/"/,
    ],
  ])(
    '%j is a usage error (exit 2)',
    async (extra, message) => {
      const run = await runBin(args(...extra));

      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    },
    30_000,
  );

  test('--help names --export and --publish-metric', async () => {
    const run = await runBin(['reconcile', '--help']);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--export <s3:\/\/…\/AWSDynamoDB\/<id>\/\|DIR>/);
    expect(run.stdout).toMatch(/--publish-metric/);
  }, 30_000);
});
