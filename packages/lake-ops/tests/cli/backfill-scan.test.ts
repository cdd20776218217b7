/**
 * `sales-lake backfill --source scan`, spawned as a user runs it, against dynalite; the rows are read back from the lake.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useLakeFolder } from '../support/lake-folder.js';
import { useOrdersDynalite } from '../support/orders-dynalite.js';
import { filesUnder, rowsIn, runBin } from '../support/run-bin.js';

const ITEMS = 230;

describe('sales-lake backfill --source scan against dynalite', () => {
  const dynalite = useOrdersDynalite({ orders: ITEMS });
  const lake = useLakeFolder('backfill-lake-');
  const since = new Date(Date.now() - 3_600_000).toISOString();

  const args = (): string[] => [
    'backfill',
    '--table',
    'orders',
    '--endpoint',
    dynalite.endpoint,
    '--lake',
    lake.path,
    '--segments',
    '3',
    '--stream-since',
    since,
    '--json',
  ];

  test('writes one snapshot row per item, in the row contract, under the lake layout; a re-run writes the same keys', async () => {
    const first = await runBin(args());
    expect(first.stderr).toMatch(/backfill done/);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      table: 'orders',
      source: 'scan',
      items: ITEMS,
      rows: ITEMS,
      failedItems: 0,
      complete: true,
      dryRun: false,
    });

    const keys = filesUnder(lake.path);
    expect(keys.length).toBe(summary.objects);
    for (const key of keys)
      expect(key).toMatch(
        /^sales\/year=\d{4}\/month=\d\d\/day=\d\d\/hour=\d\d\/snapshot-scan-orders-s[0-2]of3-p\d{6}\.json\.gz$/,
      );
    const rows = rowsIn(lake.path);
    expect(rows).toHaveLength(ITEMS);
    expect(new Set(rows.map((row) => row.order_id)).size).toBe(ITEMS);
    const row = rows.find((r) => r.order_id === 'o-000007') as Record<string, unknown>;
    expect(row).toMatchObject({
      status: 'paid',
      total: 7.07,
      customer_name: 'Customer 7',
      customer_city: 'Lyon',
      receipt: Buffer.from([7, 1, 2]).toString('base64'),
      cdc_operation: 'snapshot',
      cdc_sequence_number: null,
      cdc_table: 'orders',
      cdc_ttl_expired: false,
      cdc_changed_attributes: null,
    });
    expect(row.line_items).toEqual([{ sku: 'sku-7', quantity: 2 }]);
    expect(row.cdc_event_id).toMatch(/^snapshot:scan-\d{16}:o-000007$/);
    // The sort key sits on the fence: the page's second minus the 300 s default margin, no sequence number.
    const eventSecond = Math.floor(Date.parse(row.cdc_event_time as string) / 1000);
    expect(row.cdc_sort_key).toBe(`${String((eventSecond - 300) * 1e6).padStart(16, '0')}-${'0'.repeat(40)}`);
    expect(keys[0]).toContain(`year=${(row.cdc_event_time as string).slice(0, 4)}/`);

    const second = await runBin(args());
    expect(second.code).toBe(0);
    const sameHour =
      (JSON.parse(second.stdout) as { snapshotTime: string }).snapshotTime.slice(0, 13) ===
      (summary.snapshotTime as string).slice(0, 13);
    const names = (list: string[]): string[] => list.map((key) => key.replace(/^.*\//, ''));
    expect(names(filesUnder(lake.path)).filter((n, i, all) => all.indexOf(n) === i)).toEqual(names(keys));
    if (sameHour) expect(filesUnder(lake.path)).toEqual(keys); // a run in the next hour writes its own partition
    expect(rowsIn(lake.path)).toHaveLength(sameHour ? ITEMS : 2 * ITEMS);
  }, 60_000);

  test('--dry-run counts what the real run writes, and writes nothing', async () => {
    const counts = (stdout: string) => {
      // Not bytes: each page's rows carry its own start time, so the gzipped size differs by a byte or two.
      const { items, rows, failedItems, objects, complete } = JSON.parse(stdout) as Record<string, unknown>;
      return { items, rows, failedItems, objects, complete };
    };

    const dry = await runBin([...args(), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(filesUnder(lake.path)).toEqual([]);
    const real = await runBin(args());

    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, items: ITEMS, rows: ITEMS });
    expect(dry.stderr).toContain(`${ITEMS} items read, ${ITEMS} rows`);
    expect(counts(dry.stdout)).toEqual(counts(real.stdout));
  }, 60_000);

  test('refuses a table without a stream (dynalite has none) unless --stream-since says when capture started', async () => {
    const { code, stderr } = await runBin([
      'backfill',
      '--table',
      'orders',
      '--endpoint',
      dynalite.endpoint,
      '--lake',
      lake.path,
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sales-lake backfill: table orders has no enabled stream/);
    expect(filesUnder(lake.path)).toEqual([]);
  }, 30_000);

  test('refuses a stream that started after the fence', async () => {
    const { code, stderr } = await runBin([
      'backfill',
      '--table',
      'orders',
      '--endpoint',
      dynalite.endpoint,
      '--lake',
      lake.path,
      '--stream-since',
      new Date().toISOString(),
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/after the snapshot's fence/);
  }, 30_000);

  test("refuses a lake location that is not the pipeline's, exit 2 naming --lake", async () => {
    rmSync(join(lake.path, 'sales'), { recursive: true });
    mkdirSync(join(lake.path, 'photos'));
    writeFileSync(join(lake.path, 'photos', 'cat.jpg'), 'x');
    const { code, stderr } = await runBin(args());
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /--lake ".*" is not the pipeline's lake: it holds photos\/cat\.jpg but nothing under sales\/ or errors\//,
    );
    expect(filesUnder(lake.path)).toEqual(['photos/cat.jpg']);
  }, 30_000);

  test('refuses a lake folder that does not exist, exit 2 naming --lake, and creates nothing', async () => {
    const typo = join(lake.path, 'typo-lake');
    const { code, stdout, stderr } = await runBin(args().map((arg) => (arg === lake.path ? typo : arg)));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^sales-lake: --lake ".*typo-lake" does not exist/);
    expect(existsSync(typo)).toBe(false);
  }, 30_000);

  test('refuses a table that does not exist', async () => {
    const { code, stderr } = await runBin([
      'backfill',
      '--table',
      'nope',
      '--endpoint',
      dynalite.endpoint,
      '--lake',
      lake.path,
      '--stream-since',
      since,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(`table "nope" not found at ${dynalite.endpoint}`);
  }, 30_000);

  test.each([
    [['--lake', 'x'], /^sales-lake: --table is required/],
    [['--table', 't'], /^sales-lake: --lake is required/],
    [['--table', 't', '--lake', 'x', '--source', 'csv'], /--source must be one of scan, export, received "csv"/],
    [
      ['--table', 't', '--lake', 'x', '--endpoint', 'http://h', '--segments', '0'],
      /--segments must be a positive integer, received "0"/,
    ],
    [
      ['--table', 't', '--lake', 'x', '--source', 'export', '--segments', '2'],
      /--segments applies to --source scan only/,
    ],
    [
      ['--table', 't', '--lake', 's3://b', '--export-at', '2025-01-01T00:00:00Z', '--export', 's3://b/e/'],
      /give one of them/,
    ],
    [['--table', 't', '--lake', 'dir'], /starting an export needs the lake bucket/],
    [['--table', 't', '--lake', 's3://b', '--export-at', 'yesterday'], /--export-at must be an ISO-8601 time/],
    [['--table', 't', '--lake', 'x', '--bogus'], /unknown flag --bogus/],
  ])(
    'usage error %j -> exit 2, one line',
    async (flags, message) => {
      const { code, stdout, stderr } = await runBin(['backfill', ...flags]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    },
    30_000,
  );
});
