/**
 * `sales-lake backfill --source export --export DIR`, spawned as a user runs it, on an export folder written in the
 * documented format (dynalite has no export API; it answers DescribeTable).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTemporaryFolder } from '@sales/testing';
import { writeExportFolder } from '../support/export-folder.js';
import { useOrdersDynalite } from '../support/orders-dynalite.js';
import { filesUnder, rowsIn, runBin } from '../support/run-bin.js';

const EXPORT_ID = '01736937011000-abcd1234';
const EXPORT_TIME = '2025-01-15T10:30:11.028Z';
const order = (i: number): Record<string, unknown> => ({
  order_id: `o-${i}`,
  status: 'paid',
  total: i + 0.25,
  customer: { city: 'Lyon' },
});

describe('sales-lake backfill --source export', () => {
  const dynalite = useOrdersDynalite({ orders: 0 });
  const root = useTemporaryFolder('backfill-export-', { subfolders: ['lake/sales'] }); // a lake the pipeline has started to fill
  let lake: string;
  let folder: string;
  let dataKeys: string[];

  beforeEach(() => {
    lake = join(root.path, 'lake');
    ({ folder, dataKeys } = writeExportFolder(join(root.path, 'bucket'), {
      exportId: EXPORT_ID,
      table: 'orders',
      exportTime: EXPORT_TIME,
      files: [[order(1), order(2), order(3)], [], [order(4)]],
    }));
  });

  const args = (): string[] => [
    'backfill',
    '--source',
    'export',
    '--export',
    folder,
    '--table',
    'orders',
    '--endpoint',
    dynalite.endpoint,
    '--lake',
    lake,
    '--stream-since',
    '2025-01-15T09:00:00Z',
    '--json',
  ];

  test('writes every item at the export time, fenced; a re-run writes the same keys with the same bytes', async () => {
    const first = await runBin(args());
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      table: 'orders',
      source: 'export',
      snapshotId: EXPORT_ID,
      snapshotTime: EXPORT_TIME,
      fence: '2025-01-15T10:25:11.000Z',
      items: 4,
      rows: 4,
      failedItems: 0,
      objects: 2,
      bytes: expect.any(Number),
      dryRun: false,
      complete: true,
    });
    const keys = filesUnder(lake);
    expect(keys).toEqual(
      dataKeys
        .filter((_, i) => i !== 1)
        .map(
          (key) => `sales/year=2025/month=01/day=15/hour=10/snapshot-${EXPORT_ID}-${key.slice(5, -8)}-00000.json.gz`,
        ),
    );
    const rows = rowsIn(lake);
    expect(rows.map((row) => row.order_id).sort()).toEqual(['o-1', 'o-2', 'o-3', 'o-4']);
    expect(rows.find((row) => row.order_id === 'o-2')).toEqual({
      order_id: 'o-2',
      status: 'paid',
      total: 2.25,
      customer_city: 'Lyon',
      cdc_operation: 'snapshot',
      cdc_event_id: `snapshot:${EXPORT_ID}:o-2`,
      cdc_event_time: EXPORT_TIME,
      cdc_sequence_number: null,
      cdc_sort_key: `${Date.parse('2025-01-15T10:25:11Z') * 1000}-${'0'.repeat(40)}`,
      cdc_table: 'orders',
      cdc_ttl_expired: false,
      cdc_changed_attributes: null,
    });

    const bytes = keys.map((key) => readFileSync(join(lake, key)));
    const second = await runBin(args());
    expect(second.code).toBe(0);
    expect(filesUnder(lake)).toEqual(keys);
    expect(keys.map((key) => readFileSync(join(lake, key)))).toEqual(bytes);
  }, 60_000);

  test.each([
    [
      'a bad checksum',
      () => writeFileSync(join(folder, dataKeys[0] as string), Buffer.from([0x1f, 0x8b, 0, 0])),
      /does not verify; nothing was written:\n {2}data\/.+: (unreadable|MD5)/,
    ],
    ['a missing data file', () => rmSync(join(folder, dataKeys[2] as string)), /data\/.+: missing/],
    [
      'a count mismatch',
      () => {
        const path = join(folder, 'manifest-summary.json');
        writeFileSync(path, readFileSync(path, 'utf8').replace('"itemCount":4', '"itemCount":40'));
      },
      /manifest-files\.json counts 4 items, manifest-summary\.json 40/,
    ],
    [
      'an export of another table',
      () => {
        const path = join(folder, 'manifest-summary.json');
        writeFileSync(path, readFileSync(path, 'utf8').replace('table/orders"', 'table/customers"'));
      },
      /is an export of arn:aws:dynamodb:us-east-1:123456789012:table\/customers, not of table orders/,
    ],
  ])(
    'refuses %s, exit 1, nothing written',
    async (_case, damage, message) => {
      damage();
      const { code, stdout, stderr } = await runBin(args());
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(filesUnder(root.path).filter((key) => key.startsWith('lake/'))).toEqual([]);
    },
    30_000,
  );

  test('--dry-run verifies the export and writes nothing', async () => {
    const { code, stdout } = await runBin([...args(), '--dry-run']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dryRun: true, items: 4, rows: 4, objects: 0, snapshotId: EXPORT_ID });
    expect(filesUnder(root.path).filter((key) => key.startsWith('lake/'))).toEqual([]);
  }, 30_000);
});
