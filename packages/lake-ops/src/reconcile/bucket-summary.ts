/**
 * differingBuckets: stage 1's per-bucket counts and checksums -> the buckets whose two sides differ.
 */

/** What stage 1 found. */
export interface BucketSummary {
  /** Buckets where the key count or the checksum differs, ascending. */
  readonly buckets: number[];
  /** For each of {@link BucketSummary.buckets}, the larger side's key count: what stage 2 reads for it. */
  readonly bucketKeys: number[];
  /** Live keys in the lake's current state (sum over its buckets). */
  readonly lakeKeys: number;
}

/**
 * Compares the two sides' summaries bucket by bucket; a bucket only one side has differs.
 *
 * @param rows - Stage 1's rows: `side` ('lake' | 'table'), `bucket`, `keys`, `checksum` (numbers or digit strings).
 * @returns The differing buckets and the lake's key count.
 * @example
 * ```ts
 * differingBuckets([
 *   { side: 'lake', bucket: 1, keys: 2, checksum: '10' }, { side: 'table', bucket: 1, keys: 2, checksum: '11' },
 * ]); //=> { buckets: [1], bucketKeys: [2], lakeKeys: 2 }
 * ```
 */
export function differingBuckets(rows: readonly Record<string, unknown>[]): BucketSummary {
  const sides = { lake: new Map<number, string>(), table: new Map<number, string>() };
  const keys = new Map<number, number>();
  let lakeKeys = 0;
  for (const row of rows) {
    const side = row.side === 'lake' ? sides.lake : sides.table;
    const bucket = Number(row.bucket);
    side.set(bucket, `${String(row.keys)}/${String(row.checksum)}`);
    keys.set(bucket, Math.max(keys.get(bucket) ?? 0, Number(row.keys)));
    if (row.side === 'lake') lakeKeys += Number(row.keys);
  }
  const buckets = [...keys.keys()]
    .filter((bucket) => sides.lake.get(bucket) !== sides.table.get(bucket))
    .sort((a, b) => a - b);
  return { buckets, bucketKeys: buckets.map((bucket) => keys.get(bucket) ?? 0), lakeKeys };
}
