/**
 * runScanBackfill: `sales-lake backfill`'s scan, called as a library, against the run's table while the live
 * traffic writes to it, writing snapshot rows into the run's lake.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  checkStream,
  LocalLakeStore,
  newSummary,
  scanBackfill,
  toFenceMicros,
  type BackfillSummary,
} from '@sales/lake-ops';

/**
 * The fence margin of the local backfill: 0 s. The margin absorbs skew between the clock that stamps the snapshot and
 * the one that stamps stream records; locally both are the run's own clock, so there is none.
 */
export const LOCAL_FENCE_MARGIN_SECONDS = 0;

/** Segments of the local parallel Scan, as `sales-lake backfill --segments 4`. */
export const LOCAL_SCAN_SEGMENTS = 4;

/** What {@link runScanBackfill} needs. */
export interface ScanBackfillRun {
  /** A client on the run's endpoint, without change capture. */
  readonly client: DynamoDBClient;
  /** The run's table. */
  readonly tableName: string;
  /** Its key attribute names. */
  readonly keyNames: readonly string[];
  /** The lake folder (the run's staging folder). */
  readonly lakeDir: string;
  /** When change capture started, epoch ms, on {@link ScanBackfillRun.clock}. */
  readonly captureStartMs: number;
  /** The clock that stamps stream records; the Scan stamps its pages with it too. */
  readonly clock: () => number;
  /** Stops the Scan from starting pages. */
  readonly signal: AbortSignal;
}

/**
 * Checks the backfill's precondition as `sales-lake backfill` does (change capture started at or before the fence),
 * then runs its parallel, strongly consistent Scan: one snapshot object per page in the page's partition, each page
 * fenced at its start second.
 *
 * @param run - client, table, lake, capture start, clock, signal
 * @returns the backfill's own summary (items, rows, objects, snapshot time, fence, complete)
 * @throws PreconditionError (from `@sales/lake-ops`) when capture started after the fence
 */
export async function runScanBackfill(run: ScanBackfillRun): Promise<BackfillSummary> {
  checkStream(run.tableName, run.captureStartMs * 1000, toFenceMicros(run.clock() * 1000, LOCAL_FENCE_MARGIN_SECONDS));
  const summary = newSummary(run.tableName, 'scan', false);
  await scanBackfill(
    {
      client: run.client,
      lake: new LocalLakeStore(run.lakeDir),
      table: run.tableName,
      keyNames: run.keyNames,
      segments: LOCAL_SCAN_SEGMENTS,
      fenceMarginSeconds: LOCAL_FENCE_MARGIN_SECONDS,
      signal: run.signal,
      onProgress: () => undefined,
      now: run.clock,
    },
    summary,
  );
  return summary;
}

/**
 * Waits until the clock is in a later whole second than `ms`, so every fence taken from then on (a whole second, with
 * no margin) is at or after `ms`.
 *
 * @param ms - epoch ms, e.g. when capture started
 * @param clock - the run's clock
 * @param sleep - waits that many ms. @defaultValue setTimeout
 */
export async function waitForNextSecond(
  ms: number,
  clock: () => number,
  sleep = (wait: number) => new Promise<void>((done) => setTimeout(done, wait)),
): Promise<void> {
  const next = (Math.floor(ms / 1000) + 1) * 1000;
  for (let now = clock(); now < next; now = clock()) await sleep(next - now);
}
