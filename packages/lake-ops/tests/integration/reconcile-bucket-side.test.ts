/**
 * The orchestration as it runs on AWS, with the engine swapped for one that evaluates: the lake side of a bucket
 * (scratch rows under `reconcile/<run>-table/` and `reconcile/<run>-recheck/`, deleted at the end) over a folder
 * standing in for the bucket, with DuckDB running the same comparison Athena is sent in its dialect. It finds the
 * planted drift exactly, repairs it, leaves no scratch object behind, and survives a failing or interrupted query.
 */
import { DeleteItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DATA_FILE_EXTENSION } from '@sales/pipeline-spec';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useTemporaryFolder } from '@sales/testing';
import { LocalLakeStore } from '../../src/lake/local-lake-store.js';
import { openBucketLakeSide } from '../../src/reconcile/bucket-lake-side.js';
import { DuckdbComparison, rowObjectsLocation } from '../../src/reconcile/duckdb-comparison.js';
import type { ComparisonEngine } from '../../src/reconcile/find-drift.js';
import { reconcileOn, type ReconcileRunOptions } from '../../src/reconcile/reconcile.js';
import { useOrdersDynalite } from '../support/orders-dynalite.js';
import { createOrdersTable, orderItem } from '../support/orders-table.js';
import { changeLine, writeLakeObject } from '../support/lake-changes.js';

const HOUR_AGO = (Date.now() - 3_600_000) * 1000;
const key = (index: number): string => `o-${String(index).padStart(6, '0')}`;

/** Files under a folder, relative, sorted. */
const filesUnder = (folder: string): string[] =>
  existsSync(folder)
    ? readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
        .sort()
    : [];

/** The table's items as DynamoDB holds them (numbers normalized), as its stream delivers them. */
async function storedItems(client: DynamoDBClient, table: string): Promise<Record<string, AttributeValue>[]> {
  return (await client.send(new ScanCommand({ TableName: table }))).Items ?? [];
}

describe('reconcile on a bucket lake side', () => {
  const dynalite = useOrdersDynalite();
  const bucket = useTemporaryFolder('reconcile-bucket-');
  const spill = useTemporaryFolder('reconcile-spill-');

  /** The bucket side with DuckDB; `wrap` may intercept the engine's queries. */
  async function bucketSide(run: string, wrap: (engine: ComparisonEngine) => ComparisonEngine = (engine) => engine) {
    const duck = await DuckdbComparison.open(spill.path);
    return openBucketLakeSide({
      engine: wrap(duck),
      objectsUnder: (prefix) => new LocalLakeStore(join(bucket.path, prefix)),
      lakeRows: () => rowObjectsLocation(join(bucket.path, 'sales'), DATA_FILE_EXTENSION),
      scratchRows: (runId) => rowObjectsLocation(join(bucket.path, 'reconcile', runId), DATA_FILE_EXTENSION),
      run,
      closeEngine: () => duck.close(),
    });
  }

  const options = (table: string, overrides: Partial<ReconcileRunOptions> = {}): ReconcileRunOptions => ({
    client: dynalite.client,
    lake: new LocalLakeStore(bucket.path),
    table,
    keyName: 'order_id',
    segments: 2,
    fenceMargin: { seconds: 300, reason: 'set with --fence-margin-seconds' },
    buckets: 16,
    repair: false,
    signal: new AbortController().signal,
    onProgress: () => undefined,
    ...overrides,
  });

  test('finds the planted drift, repairs it, and deletes its scratch rows', async () => {
    // Arrange: 12 orders; the lake lacks o-000001, has o-000003 with another status, and o-999999 the table lacks.
    await createOrdersTable(dynalite.client, 'bucket', 12);
    const stored = await storedItems(dynalite.client, 'bucket');
    const item = (index: number) => stored.find((entry) => entry.order_id?.S === key(index)) ?? orderItem(index);
    writeLakeObject(bucket.path, 'inserts', [
      ...stored.filter((entry) => entry.order_id?.S !== key(1)).map((entry) => changeLine('insert', entry, HOUR_AGO)),
      changeLine('modify', { ...item(3), status: { S: 'pending' } }, HOUR_AGO + 1),
      changeLine('insert', orderItem(999_999), HOUR_AGO),
    ]);
    await dynalite.client.send(new DeleteItemCommand({ TableName: 'bucket', Key: { order_id: { S: key(11) } } }));
    const seenDuringRun: string[] = [];
    const watch = (engine: ComparisonEngine): ComparisonEngine => ({
      dialect: engine.dialect,
      query: async (sql) => {
        seenDuringRun.push(...filesUnder(join(bucket.path, 'reconcile')));
        return engine.query(sql);
      },
    });

    // Act
    const side = await bucketSide('r-1', watch);
    const result = await reconcileOn(side, options('bucket'));
    const left = await side.close();

    // Assert
    expect(result.complete).toBe(true);
    expect(result.drift).toEqual([
      { order_id: key(1), kind: 'missing_in_lake', columns: [] },
      { order_id: key(3), kind: 'value_mismatch', columns: ['status'] },
      { order_id: key(11), kind: 'extra_in_lake', columns: [] },
      { order_id: key(999_999), kind: 'extra_in_lake', columns: [] },
    ]);
    expect(seenDuringRun).toEqual(expect.arrayContaining(['r-1-table/s0-p0.json.gz', 'r-1-recheck/recheck.json.gz']));
    expect(seenDuringRun.every((path) => /^r-1-(table|recheck)\//.test(path))).toBe(true);
    expect(left).toEqual([]);
    expect(filesUnder(join(bucket.path, 'reconcile'))).toEqual([]);

    // Act: repair, then again.
    const repairSide = await bucketSide('r-2');
    const repaired = await reconcileOn(repairSide, options('bucket', { repair: true }));
    await repairSide.close();
    const afterSide = await bucketSide('r-3');
    const after = await reconcileOn(afterSide, options('bucket'));
    await afterSide.close();

    // Assert
    expect(repaired.repair?.rows).toBe(4);
    expect(after.drift).toEqual([]);
    expect(after.lake_keys).toBe(11);
    expect(filesUnder(join(bucket.path, 'reconcile'))).toEqual([]);
  }, 60_000);

  test('a failing query fails the run, and closing still deletes the scratch rows', async () => {
    await createOrdersTable(dynalite.client, 'failing', 5);
    const failing = (engine: ComparisonEngine): ComparisonEngine => ({
      dialect: engine.dialect,
      query: async (sql) => {
        if (sql.includes("'lake' AS side")) throw new Error('Athena query q-1 FAILED: HIVE_CURSOR_ERROR');
        return engine.query(sql);
      },
    });

    const side = await bucketSide('r-4', failing);
    const run = reconcileOn(side, options('failing'));

    await expect(run).rejects.toThrow('Athena query q-1 FAILED: HIVE_CURSOR_ERROR');
    expect(filesUnder(join(bucket.path, 'reconcile')).length).toBeGreaterThan(0);
    expect(await side.close()).toEqual([]);
    expect(filesUnder(join(bucket.path, 'reconcile'))).toEqual([]);
  }, 60_000);

  test('Ctrl-C during a query ends the run incomplete, not failed', async () => {
    await createOrdersTable(dynalite.client, 'interrupted', 5);
    const controller = new AbortController();
    // As the Athena engine does: on abort it stops the query and throws.
    const interrupted = (engine: ComparisonEngine): ComparisonEngine => ({
      dialect: engine.dialect,
      query: async (sql) => {
        if (!sql.includes("'lake' AS side")) return engine.query(sql);
        controller.abort('SIGINT');
        throw new Error('Athena query q-2 STOPPED: interrupted; StopQueryExecution sent');
      },
    });

    const side = await bucketSide('r-5', interrupted);
    const result = await reconcileOn(side, options('interrupted', { signal: controller.signal }));

    expect(result).toMatchObject({ table_items: 5, complete: false, drift: [] });
    expect(await side.close()).toEqual([]);
    expect(filesUnder(join(bucket.path, 'reconcile'))).toEqual([]);
  }, 60_000);
});
