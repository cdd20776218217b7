/**
 * reconcile: the table against the lake's current state, in three steps: per-bucket counts and checksums, per-key
 * drift inside the buckets that differ, and a strongly consistent re-read of the keys found, so a key changed while
 * it was being compared is not reported. Optionally writes the corrective rows. One orchestration for every
 * {@link LakeSide}: DuckDB over a local lake, or Athena over the lake bucket.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DATA_FILE_EXTENSION } from '@sales/pipeline-spec';
import { writeObject } from '../backfill/write-object.js';
import type { LakeStore } from '../lake/lake-store.js';
import type { LocalLakeStore } from '../lake/local-lake-store.js';
import { itemColumns, keyDriftSql } from './comparison-sql.js';
import type { FenceMargin } from '../lake/choose-fence-margin.js';
import { toComparedKeys, toDrift, type ComparedKey, type ReconcileResult } from './drift.js';
import { chunkKeys, discoverColumns, findDrift, judgeColumns } from './find-drift.js';
import type { LakeSide, ReconcileAgainst } from './lake-side.js';
import { openLocalLakeSide } from './local-lake-side.js';
import { toNotJudged } from './not-judged.js';
import { readKeysNow, type KeysNow } from './recheck.js';
import { writeRepair } from './repair-rows.js';
import { scanTableSide, type WriteTableSide } from './table-side.js';

/** What {@link reconcileOn} needs besides the lake side. */
export interface ReconcileRunOptions {
  readonly client: DynamoDBClient;
  /** The lake, where `--repair` writes (the comparison reads it through the lake side). */
  readonly lake: LakeStore;
  readonly table: string;
  /** The table's partition key (string-typed): `order_id`. */
  readonly keyName: string;
  readonly segments: number;
  /** The clock-skew margin of every fence, and why (`chooseFenceMargin`). */
  readonly fenceMargin: FenceMargin;
  readonly buckets: number;
  readonly repair: boolean;
  /** How the table side is read. @defaultValue - a parallel consistent Scan ({@link scanTableSide}) with `segments` */
  readonly tableSide?: WriteTableSide;
  readonly signal: AbortSignal;
  readonly onProgress: (text: string) => void;
}

/** What {@link reconcile} needs: a local lake and a scratch folder. */
export interface ReconcileOptions extends ReconcileRunOptions {
  /** The lake, a local folder (DuckDB reads it). */
  readonly lake: LocalLakeStore;
  /** What the table is judged against. @defaultValue 'log' */
  readonly against?: ReconcileAgainst;
  /** A scratch folder of this run (table-side rows, DuckDB's spill); the caller removes it. */
  readonly scratchFolder: string;
}

/** Column names of a set of row lines (the re-read rows may carry a column the Scan did not see). */
function lineColumns(lines: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const line of lines) for (const name of Object.keys(JSON.parse(line) as object)) names.add(name);
  return itemColumns([...names]);
}

/**
 * Stage 3: the candidates' rows as re-read, against the lake as it is now, a key list per query; with `addColumns`,
 * a column the re-read rows have and the first read did not is compared too.
 */
async function recheck(
  side: LakeSide,
  columns: readonly string[],
  keys: readonly string[],
  now: KeysNow,
  addColumns: boolean,
): Promise<ComparedKey[]> {
  await writeObject(
    side.recheckRows.store,
    `recheck${DATA_FILE_EXTENSION}`,
    Buffer.from([...now.lines.values()].join('')),
  );
  const sources = { lake: side.lakeRows(), table: side.recheckRows.location() };
  const recheckColumns = addColumns ? [...new Set([...columns, ...lineColumns(now.lines.values())])].sort() : columns;
  const compared: ComparedKey[] = [];
  for (const chunk of chunkKeys(keys))
    compared.push(
      ...toComparedKeys(
        await side.engine.query(
          keyDriftSql(side.engine.dialect, sources, recheckColumns, { keys: chunk }, now.fenceSortKey),
        ),
      ),
    );
  return compared;
}

/**
 * Runs one reconcile on a lake side. The caller opens the side and closes it.
 *
 * @param side - Where the comparison runs and the scratch rows go.
 * @param options - Table, lake, scan and fence settings, repair, signal, progress.
 * @returns The result; `complete` is false when the signal stopped it (a query stopped by it is not an error).
 */
export async function reconcileOn(side: LakeSide, options: ReconcileRunOptions): Promise<ReconcileResult> {
  const result: ReconcileResult = {
    table: options.table,
    against: side.against,
    last_merge: null,
    columns_not_judged: [],
    table_items: 0,
    lake_keys: 0,
    fence_margin: options.fenceMargin,
    drift: [],
    not_judged: [],
    buckets_differing: 0,
    settled: [],
    failed_items: [],
    repair: null,
    complete: false,
  };
  const { engine } = side;
  // Runs while the table is read; a side that holds declared columns only needs no query.
  const lakeColumns =
    side.judgedColumns === undefined
      ? discoverColumns(engine, [side.lakeRows()])
      : Promise.resolve([...side.judgedColumns]);
  lakeColumns.catch(() => undefined); // awaited below, where a failure surfaces
  try {
    const writeTableSide =
      options.tableSide ??
      scanTableSide({
        client: options.client,
        table: options.table,
        keyNames: [options.keyName],
        segments: options.segments,
        fenceMarginSeconds: options.fenceMargin.seconds,
      });
    const read = await writeTableSide(side.tableRows.store, options.signal, (itemsRead) =>
      options.onProgress(`reconcile: ${itemsRead} items read`),
    );
    result.table_items = read.items;
    result.failed_items = read.failures;
    if (!read.complete || options.signal.aborted) return result;
    const sources = { lake: side.lakeRows(), table: side.tableRows.location() };
    const judged = judgeColumns(side.judgedColumns, await lakeColumns, await discoverColumns(engine, [sources.table]));
    const columns = judged.columns;
    result.columns_not_judged = judged.notJudged;
    result.last_merge = (await side.lastMerge?.()) ?? null;
    options.onProgress('reconcile: comparing buckets, then keys in the buckets that differ');
    const found = await findDrift(engine, sources, columns, options.buckets, read.earliestFenceSortKey ?? '');
    result.lake_keys = found.lakeKeys;
    result.buckets_differing = found.bucketsDiffering;
    const margin = options.fenceMargin.seconds;
    result.not_judged = found.compared.filter((key) => key.inFlight).map((key) => toNotJudged(key, margin));
    const candidates = found.compared.filter((key) => !key.inFlight);
    if (candidates.length === 0 || options.signal.aborted) {
      result.complete = !options.signal.aborted;
      return result;
    }
    options.onProgress(`reconcile: re-reading ${candidates.length} keys`);
    const keys = candidates.map((entry) => entry.order_id);
    const now = await readKeysNow(
      {
        client: options.client,
        table: options.table,
        keyName: options.keyName,
        fenceMarginSeconds: margin,
        signal: options.signal,
      },
      keys,
    );
    result.failed_items.push(...now.failures);
    const rechecked = await recheck(side, columns, keys, now, side.judgedColumns === undefined);
    result.drift = rechecked.filter((key) => !key.inFlight).map(toDrift);
    result.not_judged = [
      ...result.not_judged,
      ...rechecked.filter((key) => key.inFlight).map((key) => toNotJudged(key, margin)),
    ].sort((a, b) => (a.order_id < b.order_id ? -1 : a.order_id > b.order_id ? 1 : 0));
    const stillDiffering = new Set(rechecked.map((key) => key.order_id));
    result.settled = keys.filter((key) => !stillDiffering.has(key));
    if (options.repair && result.drift.length > 0 && !options.signal.aborted)
      result.repair = (await writeRepair(options.lake, result.drift, now)) ?? null;
    result.complete = !options.signal.aborted;
    return result;
  } catch (error) {
    if (options.signal.aborted) return result; // an engine stops its query on abort and throws: interrupted
    throw error;
  } finally {
    await lakeColumns.catch(() => undefined); // never close the engine under a running query
  }
}

/**
 * Runs one reconcile of a local lake, in DuckDB, against its change log or its `orders_current`.
 *
 * @param options - Table, local lake, what to judge against, scan and fence settings, repair, scratch folder, signal, progress.
 * @returns The result; `complete` is false when the signal stopped it.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileResult> {
  const side = await openLocalLakeSide(options.lake, options.scratchFolder, options.against);
  try {
    return await reconcileOn(side, options);
  } finally {
    await side.close();
  }
}
