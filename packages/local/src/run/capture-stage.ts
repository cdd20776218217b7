import { applyPlan, type RunSummary } from '@sales/generator';
import { attachChangeCapture } from '../dynamodb/change-capture.js';
import type { LocalDatabase } from '../dynamodb/database.js';
import { ChangePipe } from '../pipes/change-pipe.js';
import { KinesisStreamEmulator } from '../kinesis/kinesis-stream.js';
import type { LocalPipelineSettings } from './pipeline-settings.js';
import { planForOrders } from './plan-orders.js';

/** Operations per second asked of the generator: high enough that dynalite, not pacing, sets the pace. */
export const LOCAL_WRITE_RATE = 100_000;

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
 * @param options - seed, orders, abort signal, and the clock that stamps event times
 * @returns the generator summary, the change count and the filled stream
 */
export async function generateAndCapture(
  database: LocalDatabase,
  settings: LocalPipelineSettings,
  options: { readonly seed: string; readonly orders: number; readonly signal: AbortSignal; readonly clock: () => number },
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
  try {
    const plan = planForOrders(options.seed, options.orders, options.clock(), LOCAL_WRITE_RATE);
    const run = await applyPlan(database.writer, plan, { tableName: settings.tableName, rate: LOCAL_WRITE_RATE, signal: options.signal });
    pipe.flush();
    return { run, changes: capture.count(), stream, unroutable: pipe.unroutable };
  } finally {
    capture.detach();
  }
}
