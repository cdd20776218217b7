/**
 * `npm run backfill|reconcile -- --endpoint <dynalite>` with nothing set: no region, no credentials, no profile.
 */
import { useLakeFolder } from '../support/lake-folder.js';
import { useOrdersDynalite } from '../support/orders-dynalite.js';
import { runNpm } from '../support/run-bin.js';

const ITEMS = 40;
const placeholderLines = (stderr: string): string[] =>
  stderr.split('\n').filter((line) => line.includes('using placeholders'));

describe('sales-lake against a local endpoint with no AWS settings', () => {
  const dynalite = useOrdersDynalite({ orders: ITEMS });
  const lake = useLakeFolder('local-endpoint-lake-');
  const since = new Date(Date.now() - 3_600_000).toISOString();

  test('backfill, then reconcile, work and say once that placeholders are used', async () => {
    const common = ['--table', 'orders', '--endpoint', dynalite.endpoint, '--lake', lake.path];

    const backfill = await runNpm('backfill', [...common, '--stream-since', since]);
    const reconcile = await runNpm('reconcile', common);

    expect(backfill.code).toBe(0);
    expect(backfill.stderr).toContain(`${ITEMS} items read, ${ITEMS} rows`);
    expect(reconcile.code).toBe(0);
    for (const run of [backfill, reconcile]) {
      expect(placeholderLines(run.stderr)).toEqual([
        `sales-lake: --endpoint ${dynalite.endpoint}: no AWS credentials or region set; using placeholders (region us-east-1), as a local endpoint accepts any`,
      ]);
    }
  }, 120_000);

  test('what the user set wins, and nothing is said', async () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'mine', AWS_SECRET_ACCESS_KEY: 'mine' };

    const result = await runNpm(
      'backfill',
      ['--table', 'orders', '--endpoint', dynalite.endpoint, '--lake', lake.path, '--stream-since', since],
      env,
    );

    expect(result.code).toBe(0);
    expect(placeholderLines(result.stderr)).toEqual([]);
  }, 60_000);
});
