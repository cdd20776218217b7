/**
 * reconcile: the table against the lake's current state, in three steps: per-bucket counts and checksums, per-key
 * drift inside the buckets that differ, and a strongly consistent re-read of the keys found, so a key changed while
 * it was being compared is not reported. Optionally writes the corrective rows.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_FILE_EXTENSION, DATA_PREFIX } from '@sales/pipeline-spec';
import { LocalLakeStore } from '../lake/local-lake-store.js';
import { writeObject } from '../backfill/write-object.js';
import { itemColumns, keyDriftSql } from './comparison-sql.js';
import { toDrift, type ReconcileResult } from './drift.js';
import { DuckdbComparison, rowObjectsLocation } from './duckdb-comparison.js';
import { readKeysNow } from './recheck.js';
import { writeRepair } from './repair-rows.js';
import { scanTableSide, type WriteTableSide } from './table-side.js';
import { discoverColumns, findDrift } from './find-drift.js';

/** What {@link reconcile} needs. */
export interface ReconcileOptions {
  readonly client: DynamoDBClient;
  /** The lake, a local folder (DuckDB reads it). */
  readonly lake: LocalLakeStore;
  readonly table: string;
  /** The table's partition key (string-typed): `order_id`. */
  readonly keyName: string;
  readonly segments: number;
  readonly fenceMarginSeconds: number;
  readonly buckets: number;
  readonly repair: boolean;
  /** How the table side is read. @defaultValue - a parallel consistent Scan ({@link scanTableSide}) with `segments` */
  readonly tableSide?: WriteTableSide;
  /** A scratch folder of this run (table-side rows, DuckDB's spill); the caller removes it. */
  readonly scratchFolder: string;
  readonly signal: AbortSignal;
  readonly onProgress: (text: string) => void;
}

/** Column names of a set of row lines (the re-read rows may carry a column the Scan did not see). */
function lineColumns(lines: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const line of lines) for (const name of Object.keys(JSON.parse(line) as object)) names.add(name);
  return itemColumns([...names]);
}

/**
 * Runs one reconcile.
 *
 * @param options - Table, lake, scan and fence settings, repair, scratch folder, signal, progress.
 * @returns The result; `complete` is false when the signal stopped it.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileResult> {
  const result: ReconcileResult = {
    table: options.table,
    table_items: 0,
    lake_keys: 0,
    drift: [],
    buckets_differing: 0,
    in_flight: 0,
    failed_items: [],
    repair: null,
    complete: false,
  };
  const tableFolder = join(options.scratchFolder, 'table');
  const recheckFolder = join(options.scratchFolder, 'recheck');
  const spillFolder = join(options.scratchFolder, 'duckdb');
  await mkdir(spillFolder, { recursive: true });
  const engine = await DuckdbComparison.open(spillFolder);
  const lakeLocation = rowObjectsLocation(join(options.lake.root, DATA_PREFIX), DATA_FILE_EXTENSION);
  const lakeColumns = discoverColumns(engine, [lakeLocation]); // runs while the table is read
  lakeColumns.catch(() => undefined); // awaited below, where a failure surfaces
  try {
    const writeTableSide =
      options.tableSide ??
      scanTableSide({
        client: options.client,
        table: options.table,
        keyNames: [options.keyName],
        segments: options.segments,
        fenceMarginSeconds: options.fenceMarginSeconds,
      });
    const side = await writeTableSide(new LocalLakeStore(tableFolder), options.signal, (itemsRead) =>
      options.onProgress(`reconcile: ${itemsRead} items read`),
    );
    result.table_items = side.items;
    result.failed_items = side.failures;
    if (!side.complete || options.signal.aborted) return result;
    const sources = { lake: lakeLocation, table: rowObjectsLocation(tableFolder, DATA_FILE_EXTENSION) };
    const columns = [...new Set([...(await lakeColumns), ...(await discoverColumns(engine, [sources.table]))])].sort();
    options.onProgress('reconcile: comparing buckets, then keys in the buckets that differ');
    const found = await findDrift(engine, sources, columns, options.buckets, side.earliestFenceSortKey ?? '');
    result.lake_keys = found.lakeKeys;
    result.buckets_differing = found.bucketsDiffering;
    const candidates = found.drift;
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
        fenceMarginSeconds: options.fenceMarginSeconds,
        signal: options.signal,
      },
      keys,
    );
    result.failed_items.push(...now.failures);
    await writeObject(
      new LocalLakeStore(recheckFolder),
      `recheck${DATA_FILE_EXTENSION}`,
      Buffer.from([...now.lines.values()].join('')),
    );
    const recheckSources = {
      lake: rowObjectsLocation(join(options.lake.root, DATA_PREFIX), DATA_FILE_EXTENSION),
      table: rowObjectsLocation(recheckFolder, DATA_FILE_EXTENSION),
    };
    const recheckColumns = [...new Set([...columns, ...lineColumns(now.lines.values())])].sort();
    result.drift = toDrift(
      await engine.query(keyDriftSql(engine.dialect, recheckSources, recheckColumns, { keys }, now.fenceSortKey)),
    );
    result.in_flight = candidates.length - result.drift.length;
    if (options.repair && result.drift.length > 0 && !options.signal.aborted)
      result.repair = (await writeRepair(options.lake, result.drift, now)) ?? null;
    result.complete = !options.signal.aborted;
    return result;
  } finally {
    await lakeColumns.catch(() => undefined); // never close the engine under a running query
    engine.close();
  }
}
