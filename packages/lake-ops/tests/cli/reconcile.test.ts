/**
 * `sales-lake reconcile`, spawned as a user runs it, against dynalite and a local lake.
 */
import { useLakeFolder } from '../support/lake-folder.js';
import { useOrdersDynalite } from '../support/orders-dynalite.js';
import { filesUnder, runBin } from '../support/run-bin.js';

const ITEMS = 25;

describe('sales-lake reconcile against dynalite', () => {
  const dynalite = useOrdersDynalite({ orders: ITEMS });
  const lake = useLakeFolder('reconcile-cli-lake-', true);

  const args = (...extra: string[]): string[] => [
    'reconcile',
    '--table',
    'orders',
    '--endpoint',
    dynalite.endpoint,
    '--lake',
    lake.path,
    ...extra,
  ];

  test('reports drift (exit 1), repairs it (exit 0), then finds none (exit 0)', async () => {
    const found = await runBin(args('--json'));
    expect(found.code).toBe(1);
    const report = JSON.parse(found.stdout) as {
      table_items: number;
      lake_keys: number;
      drift: { order_id: string; kind: string; columns: string[] }[];
    };
    expect(report.table_items).toBe(ITEMS);
    expect(report.lake_keys).toBe(0);
    expect(report.drift).toHaveLength(ITEMS);
    expect(report.drift[0]).toEqual({ order_id: 'o-000000', kind: 'missing_in_lake', columns: [] });
    expect(found.stderr).toMatch(/reconcile orders against .*: 25 keys drifted/);
    expect(found.stderr).toMatch(/missing_in_lake\s+25 {2}o-000000, o-000001, o-000002, o-000003, o-000004, …/);

    const repaired = await runBin(args('--repair'));
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toMatch(
      /repaired: 25 rows written to sales\/year=\d{4}\/.*snapshot-reconcile-orders-\d{16}\.json\.gz/,
    );
    expect(filesUnder(lake.path)).toHaveLength(1);

    const clean = await runBin(args());
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/no drift\n {2}25 table items, 25 lake keys, 0 buckets differed/);
  }, 90_000);

  test('--against current on a lake no merge ran on stops before reading the table (exit 1), saying so', async () => {
    const run = await runBin(args('--against', 'current'));

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^sales-lake reconcile: --against current: .*current-state\.duckdb does not exist: no merge ran on this lake; run sales-lake merge --lake .* first$/m,
    );
    expect(run.stdout).toBe('');
  }, 30_000);

  test.each([
    [['reconcile', '--table', 'orders'], /--lake is required/],
    [
      ['reconcile', '--table', 'orders', '--lake', 's3://bucket'],
      /--workgroup is required with an s3:\/\/ lake: the stack output athena_workgroup/,
    ],
    [
      ['reconcile', '--table', 'orders', '--lake', 's3://bucket', '--workgroup', 'sales-dev'],
      /--database is required with an s3:\/\/ lake: the stack output glue_database/,
    ],
    [
      ['reconcile', '--table', 'orders', '--lake', 's3://bucket/prefix', '--workgroup', 'w', '--database', 'd'],
      /--lake must be the bucket root s3:\/\/bucket\/ on AWS: Athena's tables read s3:\/\/bucket\/sales\/ only, received "s3:\/\/bucket\/prefix\/"/,
    ],
    [
      ['reconcile', '--table', 'orders', '--lake', '.', '--database', 'd'],
      /--database applies to an s3:\/\/ lake only/,
    ],
    [
      ['reconcile', '--table', 'orders', '--lake', 's3://bucket', '--workgroup', 'w', '--database', 'Sales-Dev'],
      /--database must be 1 to 255 of a-z 0-9 _, received "Sales-Dev"/,
    ],
    [
      ['reconcile', '--table', 'orders', '--lake', '.', '--buckets', '0'],
      /--buckets must be a positive integer, received "0"/,
    ],
    [
      ['reconcile', '--table', 'orders', '--lake', '.', '--against', 'latest'],
      /--against must be log or current, received "latest"/,
    ],
    [
      ['reconcile', '--table', 'orders', '--lake', '.', '--against', 'current', '--repair'],
      /--repair writes rows into the change log, which --against current does not judge; mend orders_current with sales-lake merge --rebuild/,
    ],
  ])(
    '%j is a usage error (exit 2)',
    async (argv, message) => {
      const run = await runBin(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    },
    30_000,
  );
});
