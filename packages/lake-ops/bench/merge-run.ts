/**
 * Part 6 of `npm run bench`: runs `merge-bench.ts` in its own process (its DuckDB instances and lake stay out of the
 * other parts' memory) and prints its figures as two lines.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The one JSON line `merge-bench.ts` prints (the fields read here). */
interface MergeFigures {
  readonly changeRows: number;
  readonly orders: number;
  readonly query: {
    readonly currentSeconds: number;
    readonly logSeconds: number;
    readonly timeRatio: number;
    readonly parquetBytes: number;
    readonly lakeBytes: number;
    readonly bytesRatio: number;
  };
  readonly merge: {
    readonly windowRows: number;
    readonly changeRowsRead: number;
    readonly mergeSeconds: number;
    readonly copySeconds: number;
    readonly mergeToCopy: number;
  };
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);

/** Runs the merge bench in a child process (at the parent's `BENCH_SIZE`) and prints its two ratios. */
export function benchMerge(): void {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'merge-bench.ts')], {
    encoding: 'utf8',
  });
  const { changeRows, orders, query, merge } = JSON.parse(out) as MergeFigures;
  console.log(
    `current state, ${changeRows} change rows over ${orders} orders: orders_current ${query.currentSeconds.toFixed(3)} s / ${mb(query.parquetBytes)} MB, change-log window ${query.logSeconds.toFixed(3)} s / ${mb(query.lakeBytes)} MB, time ratio ${query.timeRatio.toFixed(1)}x, bytes ratio ${query.bytesRatio.toFixed(1)}x (goal >= 10x each)`,
  );
  console.log(
    `merge of a 5-minute window, ${merge.windowRows} rows (${merge.changeRowsRead} read): incremental merge ${merge.mergeSeconds.toFixed(3)} s, COPY to Parquet ${merge.copySeconds.toFixed(3)} s, ratio ${merge.mergeToCopy.toFixed(2)}x (goal <= 3x)`,
  );
}
