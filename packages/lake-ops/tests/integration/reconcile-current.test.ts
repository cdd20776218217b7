/**
 * reconcile --against current: the table against `orders_current` as the local merge keeps it (its DuckDB database,
 * attached read-only), not against the change log. Drift planted in the database alone is found there and not in
 * the log; a column orders_current does not declare is listed as not judged.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { localCurrentFiles } from '../../src/merge/local-current-files.js';
import { mergeLocalLake } from '../../src/merge/merge-local-lake.js';
import { reconcile } from '../../src/reconcile/reconcile.js';
import { useLocalReconcile } from '../support/local-reconcile.js';
import { createOrdersTable, storedItems } from '../support/orders-table.js';
import { changeLine, writeLakeObject } from '../support/lake-changes.js';

const ITEMS = 30;
const HOUR_AGO = (Date.now() - 3_600_000) * 1000;
const key = (index: number): string => `o-${String(index).padStart(6, '0')}`;

/** Runs statements on the merge's database, as an operator's mistake (or a merge bug) would change it. */
async function changeCurrentState(lake: string, statements: readonly string[]): Promise<void> {
  const instance = await DuckDBInstance.create(localCurrentFiles(lake).database);
  const connection = await instance.connect();
  try {
    for (const sql of statements) await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('reconcile --against current', () => {
  const { dynalite, lake, options } = useLocalReconcile('reconcile-current-', { against: 'current' });

  test('judges orders_current value by value, finds drift planted in it alone, and says what it did not judge', async () => {
    // Arrange: a table of 30 orders, their inserts in the change log an hour ago, merged into orders_current.
    await createOrdersTable(dynalite.client, 'current', ITEMS);
    const items = await storedItems(dynalite.client, 'current');
    writeLakeObject(
      lake.path,
      'inserts',
      items.map((item) => changeLine('insert', item, HOUR_AGO)),
    );
    const merge = await mergeLocalLake({
      lake: lake.path,
      mode: 'incremental',
      runId: 'merge-1',
      readUntil: new Date(HOUR_AGO / 1000 + 60_000).toISOString(),
      latenessSeconds: 3600,
    });

    // Act: against orders_current as merged, then after drift is planted in its database only.
    const clean = await reconcile(options('current'));
    await changeCurrentState(lake.path, [
      `UPDATE orders_current SET status = 'lost', total = 1.10 WHERE order_id = '${key(3)}'`,
      `DELETE FROM orders_current WHERE order_id = '${key(4)}'`,
      `INSERT INTO orders_current (order_id, status, cdc_sort_key) VALUES ('o-planted', 'paid', '0')`,
    ]);
    const drifted = await reconcile(options('current'));
    const log = await reconcile(options('current', { against: 'log' }));

    // Assert: clean as merged, with the last merge and the undeclared column named.
    expect(merge.currentRows).toBe(ITEMS);
    expect(clean).toMatchObject({
      against: 'current',
      complete: true,
      table_items: ITEMS,
      lake_keys: ITEMS,
      drift: [],
      not_judged: [],
      buckets_differing: 0,
      last_merge: { run_id: 'merge-1', read_until: new Date(HOUR_AGO / 1000 + 60_000).toISOString() },
      columns_not_judged: ['receipt'],
    });
    // Assert: the planted drift, each key by its kind and columns (money compared as decimal(12,2)).
    expect(drifted.drift).toEqual([
      { order_id: key(3), kind: 'value_mismatch', columns: ['status', 'total'] },
      { order_id: key(4), kind: 'missing_in_lake', columns: [] },
      { order_id: 'o-planted', kind: 'extra_in_lake', columns: [] },
    ]);
    // Assert: the change log was not touched, so judged against it there is no drift.
    expect(log).toMatchObject({ against: 'log', drift: [], last_merge: null, columns_not_judged: [] });
  }, 90_000);
});
