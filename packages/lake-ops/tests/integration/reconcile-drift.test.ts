/**
 * reconcile against dynalite and a lake written with the real row code: each kind of drift planted, keys changed while
 * it runs (not reported), then --repair, then no drift.
 */
import { DeleteItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { reconcile } from '../../src/reconcile/reconcile.js';
import { useLocalReconcile } from '../support/local-reconcile.js';
import { createOrdersTable, orderItem, storedItems } from '../support/orders-table.js';
import { changeLine, writeLakeObject } from '../support/lake-changes.js';

const ITEMS = 40;
const HOUR_AGO = (Date.now() - 3_600_000) * 1000;
const nowMicros = (): number => Date.now() * 1000;
const key = (index: number): string => `o-${String(index).padStart(6, '0')}`;

/** The table's items by key, as DynamoDB holds them. */
async function itemsByKey(client: DynamoDBClient, table: string): Promise<Map<string, Record<string, AttributeValue>>> {
  return new Map((await storedItems(client, table)).map((item) => [item.order_id?.S ?? '', item]));
}

describe('reconcile', () => {
  const { dynalite, lake, options } = useLocalReconcile('reconcile-');

  test('finds each kind of drift exactly, leaves changes in flight out, and a repair brings it to zero', async () => {
    // Arrange: a table of 40 orders; the lake holds their inserts an hour ago, then drift is planted.
    await createOrdersTable(dynalite.client, 'drift', ITEMS);
    const stored = await itemsByKey(dynalite.client, 'drift');
    const item = (index: number): Record<string, AttributeValue> => stored.get(key(index)) ?? orderItem(index);
    const inserts = Array.from({ length: ITEMS }, (_, i) => i)
      .filter((i) => i !== 1)
      .map((i) => changeLine('insert', item(i), HOUR_AGO));
    writeLakeObject(lake.path, 'inserts', [...inserts, changeLine('insert', orderItem(999_999), HOUR_AGO)]); // 999999: never in the table
    await dynalite.client.send(new DeleteItemCommand({ TableName: 'drift', Key: { order_id: { S: key(2) } } })); // remove lost
    writeLakeObject(lake.path, 'changes', [
      changeLine('modify', { ...item(3), status: { S: 'pending' } }, HOUR_AGO + 1), // value differs
      changeLine('remove', item(4), HOUR_AGO + 1), // removed in the lake, alive in the table
      changeLine(
        'modify',
        { ...item(8), line_items: { L: [{ M: { sku: { S: 'sku-8' }, quantity: { N: '3' } } }] } },
        HOUR_AGO + 1,
      ),
      changeLine('modify', { ...item(5), status: { S: 'returned' } }, nowMicros()), // newer than the fence: in flight
      changeLine('insert', orderItem(888_888), nowMicros()), // created and not yet scanned: in flight
    ]);
    // o-000006 changes in the table before the run, and its change reaches the lake only while reconcile runs.
    const changed6 = { ...item(6), status: { S: 'cancelled' } };
    await dynalite.client.send(new PutItemCommand({ TableName: 'drift', Item: changed6 }));
    const send = dynalite.client.send.bind(dynalite.client);
    let caughtUp = false;
    const hooked = Object.assign(Object.create(dynalite.client) as DynamoDBClient, {
      send: async (command: Parameters<DynamoDBClient['send']>[0], ...rest: unknown[]) => {
        if (command.constructor.name === 'BatchGetItemCommand' && !caughtUp) {
          caughtUp = true;
          writeLakeObject(lake.path, 'late', [changeLine('modify', changed6, nowMicros())]);
        }
        return (send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
      },
    });

    // Act
    const result = await reconcile(options('drift', { client: hooked }));

    // Assert
    expect(result.complete).toBe(true);
    expect(result.table_items).toBe(ITEMS - 1);
    expect(result.drift).toEqual([
      { order_id: key(1), kind: 'missing_in_lake', columns: [] },
      { order_id: key(2), kind: 'extra_in_lake', columns: [] },
      { order_id: key(3), kind: 'value_mismatch', columns: ['status'] },
      { order_id: key(4), kind: 'missing_in_lake', columns: [] },
      { order_id: key(8), kind: 'value_mismatch', columns: ['line_items'] },
      { order_id: key(999_999), kind: 'extra_in_lake', columns: [] },
    ]);
    expect(result.settled).toEqual([key(6)]); // caught up during the run
    expect(result.buckets_differing).toBeGreaterThan(0);

    // Act: repair, then reconcile again.
    const repaired = await reconcile(options('drift', { repair: true }));
    const after = await reconcile(options('drift'));

    // Assert
    expect(repaired.repair?.rows).toBe(6);
    expect(repaired.repair?.key).toMatch(
      /^sales\/year=\d{4}\/month=\d\d\/day=\d\d\/hour=\d\d\/snapshot-reconcile-drift-\d{16}\.json\.gz$/,
    );
    expect(after.drift).toEqual([]);
    expect(after.lake_keys).toBe(ITEMS - 1 + 1); // the table's keys and o-888888, still in flight
  }, 60_000);

  test('a lake that equals the table has no differing bucket', async () => {
    await createOrdersTable(dynalite.client, 'equal', 30);
    writeLakeObject(
      lake.path,
      'inserts',
      (await storedItems(dynalite.client, 'equal')).map((item) => changeLine('insert', item, HOUR_AGO)),
    );
    const result = await reconcile(options('equal'));
    expect(result).toMatchObject({
      table_items: 30,
      lake_keys: 30,
      drift: [],
      buckets_differing: 0,
      not_judged: [],
      settled: [],
      complete: true,
    });
  }, 60_000);
});
