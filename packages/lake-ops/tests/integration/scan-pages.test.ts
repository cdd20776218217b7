/**
 * How big a Scan page is: at most `pageItems` items (the Scan's `Limit`) when set, else what fits in DynamoDB's 1 MB;
 * reconcile's Scan table side sets it, so its memory holds small pages whatever the items' size.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html#DDB-Scan-request-Limit
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LocalLakeStore } from '../../src/lake/local-lake-store.js';
import { scanTableSide } from '../../src/reconcile/table-side.js';
import { parallelScan } from '../../src/table/parallel-scan.js';
import { useOrdersDynalite } from '../support/orders-dynalite.js';

describe('Scan pages', () => {
  const dynalite = useOrdersDynalite({ orders25: 25, orders2100: 2100 });
  const signal = new AbortController().signal;

  /** The item count of each page of one segment, in order, and the keys read. */
  async function pages(table: string, pageItems?: number): Promise<{ sizes: number[]; keys: string[] }> {
    const sizes: number[] = [];
    const keys: string[] = [];
    await parallelScan({ client: dynalite.client, table, segments: 1, signal, pageItems }, async (page) => {
      sizes.push(page.items.length);
      for (const item of page.items) keys.push((item.order_id as { S: string }).S);
    });
    return { sizes, keys };
  }

  test('holds at most pageItems items a page, and reads every item once', async () => {
    const { sizes, keys } = await pages('orders25', 10);

    expect(sizes).toEqual([10, 10, 5]);
    expect(new Set(keys).size).toBe(25);
  });

  test('without pageItems, holds what fits in 1 MB', async () => {
    expect((await pages('orders25')).sizes).toEqual([25]);
  });

  test("reconcile's table side writes objects of at most 1,000 rows", async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'scan-pages-'));
    try {
      const side = await scanTableSide({
        client: dynalite.client,
        table: 'orders2100',
        keyNames: ['order_id'],
        segments: 1,
        fenceMarginSeconds: 0,
      })(new LocalLakeStore(scratch), signal, () => undefined);

      const rows = readdirSync(scratch)
        .sort()
        .map(
          (name) =>
            gunzipSync(readFileSync(join(scratch, name)))
              .toString('utf8')
              .split('\n').length - 1,
        );
      expect(side.items).toBe(2100);
      expect(rows).toEqual([1000, 1000, 100]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
