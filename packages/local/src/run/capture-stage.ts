import {
  applyPlan,
  createRandom,
  operationTimeMs,
  resolveStartMs,
  RunStats,
  type LazyPlan,
  type Operation,
  type RunSummary,
  type TimeSpan,
} from '@sales/generator';
import type { BackfillSummary } from '@sales/lake-ops';
import { attachChangeCapture } from '../dynamodb/change-capture.js';
import type { LocalDatabase } from '../dynamodb/database.js';
import { ChangePipe } from '../pipes/change-pipe.js';
import { KinesisStreamEmulator } from '../kinesis/kinesis-stream.js';
import type { LocalPipelineSettings } from './pipeline-settings.js';
import { waitForNextSecond } from './concurrent-backfill.js';
import { realTime, simulatedTime } from './event-timing.js';
import { inSimulatedTime } from './options.js';
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
  /** The Kinesis stream holding every captured record (on disk past a small tail; {@link KinesisStreamEmulator.delete} it). */
  readonly stream: KinesisStreamEmulator;
  /** Records the pipe could not route (no partition key at the configured path). */
  readonly unroutable: number;
  /** Records the pipe delivered late (`--late-fraction`), with their event times unchanged. */
  readonly late: number;
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
function withHook(plan: LazyPlan, fraction: number, onReached: () => void): LazyPlan {
  const at = Math.floor(plan.count * fraction);
  function* iterate(): Generator<Operation> {
    let index = 0;
    for (const operation of plan.operations) {
      if (index++ === at) onReached();
      yield operation;
    }
    if (at >= plan.count) onReached();
  }
  return { operations: iterate(), count: plan.count };
}

/**
 * Run the real generator against the table with change capture on its client; each captured
 * record goes through the pipe ({@link ChangePipe}) into Kinesis. On the real clock a change is stamped when
 * its write returns; with `startMs` or `spanMs` the plan's times spread over the span and each change carries
 * its own operation's time ({@link simulatedTime}). A `lateFraction` of the records reach Kinesis late.
 *
 * @param database - the database, table created
 * @param settings - names, stream identity, partition-key path, shard count, the pipe's maximum record age
 * @param options - seed, orders, simulated time, late fraction, abort signal, the run's clock, and a progress callback
 * @returns the generator summary, the change count, the late count and the filled stream
 */
export async function generateAndCapture(
  database: LocalDatabase,
  settings: LocalPipelineSettings,
  options: TimeSpan & {
    readonly seed: string;
    readonly orders: number;
    /** Fraction of records the pipe delivers late. @defaultValue 0 */
    readonly lateFraction?: number;
    /** Orders written before capture starts (not captured). @defaultValue 0 */
    readonly existing?: number;
    /** Started halfway through the live traffic, given when capture started (ms); awaited before the stage ends. */
    readonly duringLive?: (captureStartMs: number) => Promise<BackfillSummary>;
    readonly signal: AbortSignal;
    readonly clock: () => number;
    /** Told the counts so far (`1200/3500 operations, 1180 stream records`) every {@link PROGRESS_INTERVAL_MS}. */
    readonly onProgress?: (detail: string) => void;
    /** Where the stream keeps the records it does not hold in memory. @defaultValue - a new folder under the OS temp folder */
    readonly spillDir?: string;
  },
): Promise<CaptureResult> {
  // With --start or --span, each change is stamped with its own operation's simulated time, not the clock's.
  const startTimeMs = resolveStartMs(options, options.clock());
  const { history, live } = planWithHistory(
    options.seed,
    options.existing ?? 0,
    options.orders,
    startTimeMs,
    LOCAL_WRITE_RATE,
    options.spanMs,
  );
  const planOptions = {
    count: history.count + live.count,
    startTimeMs,
    rate: LOCAL_WRITE_RATE,
    ...(options.spanMs === undefined ? {} : { spanMs: options.spanMs }),
  };
  const timing = inSimulatedTime(options)
    ? simulatedTime((operation) => operationTimeMs(operation.seq, planOptions), settings.keyNames[0] ?? '')
    : realTime(options.clock);
  const apply = (plan: Parameters<typeof applyPlan>[1], stats: RunStats) =>
    applyPlan(database.writer, plan, {
      tableName: settings.tableName,
      rate: LOCAL_WRITE_RATE,
      signal: options.signal,
      stats,
    });
  const historyRun = history.count > 0 ? await apply(history, new RunStats()) : undefined;
  const stream = new KinesisStreamEmulator(settings.shardCount, options.spillDir);
  const pipe = new ChangePipe(stream, settings.partitionKeyPath, settings.pipeBatching, {
    fraction: options.lateFraction ?? 0,
    random: createRandom(`${options.seed}/late`),
    maximumRecordAgeMs: settings.pipeMaximumRecordAgeMs,
  });
  const capture = attachChangeCapture(database.writer, {
    reader: database.reader,
    tableName: settings.tableName,
    keyNames: settings.keyNames,
    streamArn: settings.streamArn,
    region: settings.region,
    clock: timing.clock,
    onChange: (change) => {
      for (const { record, eventTimeMs } of timing.captured(change)) pipe.send(record, eventTimeMs);
    },
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
    let plan: LazyPlan = { operations: timing.follow(live.operations), count: live.count };
    if (options.duringLive !== undefined) {
      const duringLive = options.duringLive;
      await waitForNextSecond(captureStartMs, options.clock);
      plan = withHook(plan, BACKFILL_START_FRACTION, () => {
        concurrent = duringLive(captureStartMs);
        concurrent.catch(() => undefined); // awaited below; this only keeps an early rejection from going unhandled
      });
    }
    const run = await apply(plan, stats);
    const backfill = await concurrent;
    for (const { record, eventTimeMs } of timing.drain()) pipe.send(record, eventTimeMs);
    pipe.flush();
    return {
      run,
      changes: capture.count(),
      stream,
      unroutable: pipe.unroutable,
      late: pipe.lateRecords,
      ...(historyRun && { history: historyRun }),
      ...(backfill && { backfill }),
    };
  } finally {
    clearInterval(timer);
    capture.detach();
  }
}
