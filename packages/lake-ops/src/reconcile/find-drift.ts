/**
 * findDrift: stages 1 and 2 of the comparison on an engine: the item columns, the per-bucket counts and checksums,
 * then the drift of the keys in the buckets that differ.
 */
import { differingBuckets } from './bucket-summary.js';
import { bucketSummarySql, itemColumns, keyDriftSql, type ComparisonSources } from './comparison-sql.js';
import { toComparedKeys, type ComparedKey } from './drift.js';
import { groupBySize } from './group-by-size.js';
import type { SqlDialect } from './sql-dialect.js';

/**
 * Keys stage 2 compares in one query at most (buckets are grouped up to it): its memory is bounded by this, not by
 * the table or the drift.
 */
export const KEYS_PER_QUERY = 20_000;

/**
 * Groups consecutive buckets so that each group holds at most `limit` keys (a bucket larger than that is alone).
 *
 * @param buckets - The buckets.
 * @param keys - Their key counts.
 * @param limit - Keys per group.
 * @returns The groups, in order.
 * @example
 * ```ts
 * groupBuckets([1, 2, 3], [5, 5, 5], 10); //=> [[1, 2], [3]]
 * ```
 */
export function groupBuckets(buckets: readonly number[], keys: readonly number[], limit: number): number[][] {
  return groupBySize(buckets, (_, index) => keys[index] ?? 0, limit);
}

/**
 * Characters of key literals one re-check query lists at most: Athena takes a query of at most 256 KiB
 * (`MAX_QUERY_BYTES`), and the rest of the query (the columns, the row sources) needs room too.
 */
export const KEY_LIST_CHARS = 100_000;

/**
 * Splits keys into lists whose SQL literals (`'key', `) take at most `limit` characters (a longer key is alone).
 *
 * @param keys - The keys.
 * @param limit - Characters per list. @defaultValue {@link KEY_LIST_CHARS}
 * @returns The lists, in order; none when there are no keys.
 * @example
 * ```ts
 * chunkKeys(['o-1', 'o-2', 'o-3'], 14); //=> [['o-1', 'o-2'], ['o-3']]
 * ```
 */
export function chunkKeys(keys: readonly string[], limit: number = KEY_LIST_CHARS): string[][] {
  return groupBySize(keys, (key) => key.length + 4, limit);
}

/** An engine the comparison runs on: a dialect and a way to run a query. */
export interface ComparisonEngine {
  readonly dialect: SqlDialect;
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/**
 * The compared columns of the rows at some locations (see {@link itemColumns}); run once per side, the lake's while
 * the table is still being read.
 *
 * @param engine - The engine.
 * @param locations - Row locations in the engine's terms.
 * @returns The item columns, sorted.
 */
export async function discoverColumns(engine: ComparisonEngine, locations: readonly string[]): Promise<string[]> {
  return itemColumns((await engine.query(engine.dialect.memberNames(locations))).map((row) => String(row.name)));
}

/**
 * The item columns compared, and those not judged: every column either side has or, when the lake side can hold only
 * some (`LakeSide.judgedColumns`: `orders_current` holds its declared columns), those, the table's others not judged.
 *
 * @param judgedColumns - The lake side's columns, or `undefined` when it can hold any.
 * @param lakeColumns - The lake rows' item columns (from {@link discoverColumns}).
 * @param tableColumns - The table rows' item columns.
 * @returns The columns to compare and the table's columns not judged, each sorted.
 * @example
 * ```ts
 * judgeColumns(['status', 'total'], ['status', 'total'], ['gift_note', 'status']);
 * //=> { columns: ['status', 'total'], notJudged: ['gift_note'] }
 * ```
 */
export function judgeColumns(
  judgedColumns: readonly string[] | undefined,
  lakeColumns: readonly string[],
  tableColumns: readonly string[],
): { columns: string[]; notJudged: string[] } {
  if (judgedColumns === undefined)
    return { columns: [...new Set([...lakeColumns, ...tableColumns])].sort(), notJudged: [] };
  const judged = new Set(judgedColumns);
  return { columns: [...judged].sort(), notJudged: tableColumns.filter((column) => !judged.has(column)).sort() };
}

/** What stages 1 and 2 found. */
export interface FoundDrift {
  /** Live keys in the lake's current state. */
  readonly lakeKeys: number;
  /** Buckets whose count or checksum differed. */
  readonly bucketsDiffering: number;
  /** Every key in those buckets whose sides differ, judged or in flight (candidates until re-checked). */
  readonly compared: ComparedKey[];
}

/**
 * Runs stage 1 on every bucket and stage 2 on the buckets that differ, a group of buckets per query.
 *
 * @param engine - The engine.
 * @param sources - The two sides.
 * @param columns - The item columns of both sides (from {@link discoverColumns}).
 * @param buckets - The bucket count.
 * @param absentFenceSortKey - The fence for keys the table does not hold.
 * @returns The lake's key count, the differing bucket count and the keys that differ.
 */
export async function findDrift(
  engine: ComparisonEngine,
  sources: ComparisonSources,
  columns: readonly string[],
  buckets: number,
  absentFenceSortKey: string,
): Promise<FoundDrift> {
  const summary = differingBuckets(await engine.query(bucketSummarySql(engine.dialect, sources, columns, buckets)));
  const compared: ComparedKey[] = [];
  for (const group of groupBuckets(summary.buckets, summary.bucketKeys, KEYS_PER_QUERY)) {
    compared.push(
      ...toComparedKeys(
        await engine.query(
          keyDriftSql(engine.dialect, sources, columns, { buckets: group, bucketCount: buckets }, absentFenceSortKey),
        ),
      ),
    );
  }
  compared.sort((a, b) => (a.order_id < b.order_id ? -1 : a.order_id > b.order_id ? 1 : 0));
  return { lakeKeys: summary.lakeKeys, bucketsDiffering: summary.buckets.length, compared };
}
