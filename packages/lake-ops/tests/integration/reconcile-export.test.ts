/**
 * reconcile with a point-in-time export as its table side: each kind of drift planted before the export, keys changed
 * after the export time (in flight, not reported), the rows fenced at ExportTime minus the margin, then --repair.
 */
import { DeleteItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { join } from 'node:path';
import { useTemporaryFolder } from '@sales/testing';
import { LocalLakeStore } from '../../src/lake/local-lake-store.js';
import { reconcile, type ReconcileOptions } from '../../src/reconcile/reconcile.js';
import { exportTableSide, scanTableSide } from '../../src/reconcile/table-side.js';
import { snapshotSortKey, toFenceMicros } from '../../src/rows/fence.js';
import { localExportFiles } from '../../src/table/export-files.js';
import { openVerifiedExport } from '../../src/table/verified-export.js';
import { writeExportFolder } from '../support/export-folder.js';
import { useOrdersDynalite } from '../support/orders-dynalite.js';
import { createOrdersTable, orderItem, storedItems } from '../support/orders-table.js';
import { rowsIn } from '../support/run-bin.js';
import { changeLine, writeLakeObject } from '../support/lake-changes.js';

const ITEMS = 20;
const MARGIN_SECONDS = 300;
const EXPORT_ID = '01764547200000-abcd1234';
const key = (index: number): string => `o-${String(index).padStart(6, '0')}`;

describe('reconcile from an export', () => {
  const dynalite = useOrdersDynalite();
  const root = useTemporaryFolder('reconcile-export-');

  test('reports the drift of the export time, leaves later changes in flight, and a repair mends it', async () => {
    // Arrange: the table at the export time T (30 min ago); the lake holds its history from an hour ago.
    const nowMicros = Date.now() * 1000;
    const exportMicros = nowMicros - 30 * 60_000_000;
    const hourAgo = nowMicros - 60 * 60_000_000;
    const afterExport = (minutes: number): number => exportMicros + minutes * 60_000_000;
    const table = 'exported';
    const put = (item: Record<string, AttributeValue>) =>
      dynalite.client.send(new PutItemCommand({ TableName: table, Item: item }));
    const remove = (index: number) =>
      dynalite.client.send(new DeleteItemCommand({ TableName: table, Key: { order_id: { S: key(index) } } }));
    await createOrdersTable(dynalite.client, table, ITEMS);
    const original = new Map((await storedItems(dynalite.client, table)).map((item) => [item.order_id?.S ?? '', item]));
    const stored = (index: number): Record<string, AttributeValue> => original.get(key(index)) ?? orderItem(index);
    await remove(2); // removed before the export; the lake missed the remove
    const exported = await storedItems(dynalite.client, table);
    const { folder } = writeExportFolder(root.path, {
      exportId: EXPORT_ID,
      table,
      exportTime: new Date(exportMicros / 1000).toISOString(),
      files: [
        exported.slice(0, 10).map((item) => unmarshall(item)),
        exported.slice(10).map((item) => unmarshall(item)),
      ],
    });
    const lake = join(root.path, 'lake');
    const inserts = Array.from({ length: ITEMS }, (_, index) => index)
      .filter((index) => index !== 1) // o-1: the lake never got it
      .map((index) => changeLine('insert', stored(index), hourAgo));
    writeLakeObject(lake, 'inserts', inserts);
    writeLakeObject(lake, 'before-export', [
      changeLine('modify', { ...stored(3), status: { S: 'pending' } }, hourAgo + 1), // value differs
      changeLine('remove', stored(4), hourAgo + 1), // removed in the lake, alive in the table
    ]);
    // After the export time: changes the export cannot judge. The lake has them (or not yet: o-8).
    const changed5 = { ...stored(5), status: { S: 'returned' } };
    await put(changed5);
    await put(orderItem(777_777));
    await remove(7);
    await put({ ...stored(8), status: { S: 'cancelled' } });
    writeLakeObject(lake, 'after-export', [
      changeLine('modify', changed5, afterExport(10)),
      changeLine('insert', orderItem(777_777), afterExport(5)),
      changeLine('remove', stored(7), afterExport(5)),
    ]);
    const opened = await openVerifiedExport({
      files: localExportFiles(folder),
      table,
      fenceMarginSeconds: MARGIN_SECONDS,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    const scratch = (name: string): string => join(root.path, 'scratch', name);
    const options = (overrides: Partial<ReconcileOptions> = {}): ReconcileOptions => ({
      client: dynalite.client,
      lake: new LocalLakeStore(lake),
      table,
      keyName: 'order_id',
      segments: 2,
      fenceMargin: { seconds: MARGIN_SECONDS, reason: 'set with --fence-margin-seconds' },
      buckets: 16,
      repair: false,
      tableSide: exportTableSide({ ...opened, context: { ...opened.context, keyNames: ['order_id'] } }),
      scratchFolder: scratch(String(Math.random())),
      signal: new AbortController().signal,
      onProgress: () => undefined,
      ...overrides,
    });

    // Act
    const first = options();
    const result = await reconcile(first);

    // Assert: the export's own time decides, every row fenced at ExportTime − margin.
    expect(result.complete).toBe(true);
    expect(result.table_items).toBe(ITEMS - 1);
    expect(result.drift).toEqual([
      { order_id: key(1), kind: 'missing_in_lake', columns: [] },
      { order_id: key(2), kind: 'extra_in_lake', columns: [] },
      { order_id: key(3), kind: 'value_mismatch', columns: ['status'] },
      { order_id: key(4), kind: 'missing_in_lake', columns: [] },
    ]);
    expect(result.settled).toEqual([]);
    // o-5, o-7, o-777777 changed after the export's fence: not judged, listed with the reason, never dropped
    expect(result.not_judged.map((entry) => [entry.order_id, entry.reason])).toEqual([
      [key(5), 'changed_after_read'],
      [key(7), 'changed_after_read'],
      [key(777_777), 'changed_after_read'],
    ]);
    expect(result.failed_items).toEqual([]);
    const fence = snapshotSortKey(toFenceMicros(exportMicros, MARGIN_SECONDS));
    const tableRows = rowsIn(join(first.scratchFolder, 'table'));
    expect(tableRows).toHaveLength(ITEMS - 1);
    expect(new Set(tableRows.map((row) => row.cdc_sort_key))).toEqual(new Set([fence]));
    expect(new Set(tableRows.map((row) => row.cdc_event_id))).toContain(`snapshot:${EXPORT_ID}:${key(0)}`);

    // Act: repair from the export run; the pipeline delivers o-8's change; then a Scan and the export again.
    const repaired = await reconcile(options({ repair: true }));
    writeLakeObject(lake, 'late', [
      changeLine('modify', { ...stored(8), status: { S: 'cancelled' } }, Date.now() * 1000),
    ]);
    const scan = scanTableSide({
      client: dynalite.client,
      table,
      keyNames: ['order_id'],
      segments: 2,
      fenceMarginSeconds: MARGIN_SECONDS,
    });
    const scanned = await reconcile(options({ tableSide: scan }));
    const again = await reconcile(options());

    // Assert: the repair rows are the table's state now (re-read), so the Scan finds nothing either.
    expect(repaired.repair?.rows).toBe(4);
    expect(scanned).toMatchObject({ complete: true, drift: [], table_items: ITEMS - 2 + 1 }); // o-2, o-7 gone; o-777777 new
    expect(again).toMatchObject({ complete: true, drift: [] });
  }, 90_000);

  test('stops before comparing when interrupted while reading the export', async () => {
    await createOrdersTable(dynalite.client, 'stopped', 3);
    const { folder } = writeExportFolder(root.path, {
      exportId: EXPORT_ID,
      table: 'stopped',
      exportTime: new Date().toISOString(),
      files: [(await storedItems(dynalite.client, 'stopped')).map((item) => unmarshall(item))],
    });
    const controller = new AbortController();
    const opened = await openVerifiedExport({
      files: localExportFiles(folder),
      table: 'stopped',
      fenceMarginSeconds: MARGIN_SECONDS,
      signal: controller.signal,
      onProgress: () => undefined,
    });
    controller.abort();

    const result = await reconcile({
      client: dynalite.client,
      lake: new LocalLakeStore(join(root.path, 'lake')),
      table: 'stopped',
      keyName: 'order_id',
      segments: 1,
      fenceMargin: { seconds: MARGIN_SECONDS, reason: 'set with --fence-margin-seconds' },
      buckets: 16,
      repair: true,
      tableSide: exportTableSide({ ...opened, context: { ...opened.context, keyNames: ['order_id'] } }),
      scratchFolder: join(root.path, 'scratch'),
      signal: controller.signal,
      onProgress: () => undefined,
    });

    expect(result).toMatchObject({ complete: false, drift: [], repair: null, table_items: 0 });
  }, 60_000);
});
