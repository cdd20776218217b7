/**
 * findDrift: stages 1 and 2 of the comparison on an engine: the item columns, the per-bucket counts and checksums,
 * then the drift of the keys in the buckets that differ.
 */
import { differingBuckets } from './bucket-summary.js';
import { bucketSummarySql, columnNamesSql, itemColumns, keyDriftSql, type ComparisonSources } from './comparison-sql.js';
import { toDrift, type Drift } from './drift.js';
import type { SqlDialect } from './sql-dialect.js';

/** An engine the comparison runs on: a dialect and a way to run a query. */
export interface ComparisonEngine {
  readonly dialect: SqlDialect;
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/** What stages 1 and 2 found. */
export interface FoundDrift {
  /** The item columns compared. */
  readonly columns: string[];
  /** Live keys in the lake's current state. */
  readonly lakeKeys: number;
  /** Buckets whose count or checksum differed. */
  readonly bucketsDiffering: number;
  /** Drift per key in those buckets, fenced (candidates until re-checked). */
  readonly drift: Drift[];
}

/**
 * Runs stage 1 on every bucket and stage 2 on the buckets that differ.
 *
 * @param engine - The engine.
 * @param sources - The two sides.
 * @param buckets - The bucket count.
 * @param absentFenceSortKey - The fence for keys the table does not hold.
 * @returns The columns, the lake's key count, the differing bucket count and the drift.
 */
export async function findDrift(engine: ComparisonEngine, sources: ComparisonSources, buckets: number, absentFenceSortKey: string): Promise<FoundDrift> {
  const columns = itemColumns((await engine.query(columnNamesSql(engine.dialect, sources))).map((row) => String(row.name)));
  const summary = differingBuckets(await engine.query(bucketSummarySql(engine.dialect, sources, columns, buckets)));
  const drift = summary.buckets.length === 0
    ? []
    : toDrift(await engine.query(keyDriftSql(engine.dialect, sources, columns, { buckets: summary.buckets, bucketCount: buckets }, absentFenceSortKey)));
  return { columns, lakeKeys: summary.lakeKeys, bucketsDiffering: summary.buckets.length, drift };
}
