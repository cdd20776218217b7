import { applyPlan, RunStats, type RunSummary } from '@sales/generator';
import { attachChangeCapture } from '../dynamodb/change-capture.js';
import type { LocalDatabase } from '../dynamodb/database.js';
import { ChangePipe } from '../pipes/change-pipe.js';
import { KinesisStreamEmulator } from '../kinesis/kinesis-stream.js';
import type { LocalPipelineSettings } from './pipeline-settings.js';
import { planForOrders } from './plan-orders.js';

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
    readonly signal: AbortSignal;
    readonly clock: () => number;
    /** Told the counts so far (`1200/3500 operations, 1180 stream records`) every {@link PROGRESS_INTERVAL_MS}. */
    readonly onProgress?: (detail: string) => void;
  },
): Promise<CaptureResult> {
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
  const timer = setInterval(() => options.onProgress?.(`${completed()}/${stats.planned} operations, ${capture.count()} stream records`), PROGRESS_INTERVAL_MS);
  try {
    const plan = planForOrders(options.seed, options.orders, options.clock(), LOCAL_WRITE_RATE);
    const run = await applyPlan(database.writer, plan, { tableName: settings.tableName, rate: LOCAL_WRITE_RATE, signal: options.signal, stats });
    pipe.flush();
    return { run, changes: capture.count(), stream, unroutable: pipe.unroutable };
  } finally {
    clearInterval(timer);
    capture.detach();
  }
}
