import { applyPlan, RunStats, type LazyPlan, type Operation, type RunSummary } from '@sales/generator';
import type { BackfillSummary } from '@sales/lake-ops';
import { attachChangeCapture } from '../dynamodb/change-capture.js';
import type { LocalDatabase } from '../dynamodb/database.js';
import { ChangePipe } from '../pipes/change-pipe.js';
import { KinesisStreamEmulator } from '../kinesis/kinesis-stream.js';
import type { LocalPipelineSettings } from './pipeline-settings.js';
import { waitForNextSecond } from './concurrent-backfill.js';
import { planWithHistory } from './plan-orders.js';

/** Operations per second asked of the generator: high enough that dynalite, not pacing, sets the pace. */
export const LOCAL_WRITE_RATE = 100_000;

/** How often the stage reports its counts, in ms (the reporter decides what to show). */
export const PROGRESS_INTERVAL_MS = 250;

/** What the generate-and-capture stage produced. */
export interface CaptureResult {
  /** The generator's own summary of its writes. */
  readonly run: RunSummary;
  /** Stream records captured (one per change). */
  readonly changes: number;
  /** The Kinesis stream holding every captured record. */
  readonly stream: KinesisStreamEmulator;
  /** Records the pipe could not route (no partition key at the configured path). */
  readonly unroutable: number;
  /** The writes made before capture started (`--existing`), when there were any. */
  readonly history?: RunSummary;
  /** What the backfill run during the live traffic did, when one ran. */
  readonly backfill?: BackfillSummary;
}

/** Fraction of the live operations handed to the generator before the concurrent backfill starts. */
export const BACKFILL_START_FRACTION = 0.5;

/**
 * The live plan as a lazy plan that calls `onReached` once, when the generator draws the operation at `fraction` of
 * the plan (earlier writes may still be in flight, and the later ones follow while `onReached`'s work runs).
 */
function withHook(operations: readonly Operation[], fraction: number, onReached: () => void): LazyPlan {
  const at = Math.floor(operations.length * fraction);
  function* iterate(): Generator<Operation> {
    for (const [index, operation] of operations.entries()) {
      if (index === at) onReached();
      yield operation;
    }
    if (at >= operations.length) onReached();
  }
  return { operations: iterate(), count: operations.length };
}

/**
 * Run the real generator against the table with change capture on its client; each captured
 * record goes through the pipe ({@link ChangePipe}) into Kinesis.
 *
 * @param database - the database, table created
 * @param settings - names, stream identity, partition-key path, shard count
 * @param options - seed, orders, abort signal, the clock that stamps event times, and a progress callback
 * @returns the generator summary, the change count and the filled stream
 */
export async function generateAndCapture(
  database: LocalDatabase,
  settings: LocalPipelineSettings,
  options: {
    readonly seed: string;
    readonly orders: number;
    /** Orders written before capture starts (not captured). @defaultValue 0 */
    readonly existing?: number;
    /** Started halfway through the live traffic, given when capture started (ms); awaited before the stage ends. */
    readonly duringLive?: (captureStartMs: number) => Promise<BackfillSummary>;
    readonly signal: AbortSignal;
    readonly clock: () => number;
    /** Told the counts so far (`1200/3500 operations, 1180 stream records`) every {@link PROGRESS_INTERVAL_MS}. */
    readonly onProgress?: (detail: string) => void;
  },
): Promise<CaptureResult> {
  const { history, live } = planWithHistory(
    options.seed,
    options.existing ?? 0,
    options.orders,
    options.clock(),
    LOCAL_WRITE_RATE,
  );
  const apply = (plan: Parameters<typeof applyPlan>[1], stats: RunStats) =>
    applyPlan(database.writer, plan, {
      tableName: settings.tableName,
      rate: LOCAL_WRITE_RATE,
      signal: options.signal,
      stats,
    });
  const historyRun = history.operations.length > 0 ? await apply(history, new RunStats()) : undefined;
  const stream = new KinesisStreamEmulator(settings.shardCount);
  const pipe = new ChangePipe(stream, settings.partitionKeyPath, settings.pipeBatching);
  const capture = attachChangeCapture(database.writer, {
    reader: database.reader,
    tableName: settings.tableName,
    keyNames: settings.keyNames,
    streamArn: settings.streamArn,
    region: settings.region,
    clock: options.clock,
    onChange: ({ record, eventTimeMs }) => pipe.send(record, eventTimeMs),
  });
  const stats = new RunStats();
  const completed = () => Object.values(stats.byOperation).reduce((sum, kind) => sum + kind.succeeded + kind.failed, 0);
  const timer = setInterval(
    () => options.onProgress?.(`${completed()}/${stats.planned} operations, ${capture.count()} stream records`),
    PROGRESS_INTERVAL_MS,
  );
  try {
    const captureStartMs = options.clock();
    let concurrent: Promise<BackfillSummary> | undefined;
    let plan: Parameters<typeof applyPlan>[1] = live;
    if (options.duringLive !== undefined) {
      const duringLive = options.duringLive;
      await waitForNextSecond(captureStartMs, options.clock);
      plan = withHook(live.operations, BACKFILL_START_FRACTION, () => {
        concurrent = duringLive(captureStartMs);
        concurrent.catch(() => undefined); // awaited below; this only keeps an early rejection from going unhandled
      });
    }
    const run = await apply(plan, stats);
    const backfill = await concurrent;
    pipe.flush();
    return {
      run,
      changes: capture.count(),
      stream,
      unroutable: pipe.unroutable,
      ...(historyRun && { history: historyRun }),
      ...(backfill && { backfill }),
    };
  } finally {
    clearInterval(timer);
    capture.detach();
  }
}
