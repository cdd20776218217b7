/**
 * deliverAndMerge: Firehose delivers the captured records a slice at a time, and the current-state merge runs after
 * each slice, so merges read a change log that moves under them, as the scheduled merge does on AWS.
 */
import { mergeLocalLake, type MergeReport } from '@sales/lake-ops';
import type { DeliveryStats, FirehoseEmulator } from '../firehose/firehose-emulator.js';
import type { KinesisRecord } from '../types.js';
import { RunInterruptedError } from './stage-runner.js';

/** Slices the captured records are delivered in, a merge after each: two during the traffic, one at its end. */
export const DELIVERY_SLICES = 3;

/** One merge of a run, as `summary.json` lists it. */
export interface MergeFigures {
  /** The slice delivered just before it, from 1. */
  readonly slice: number;
  /** Records of that slice (Kinesis records read by Firehose, each change once). */
  readonly records: number;
  /** The instant of the run's clock the merge read the change log up to (ISO-8601 UTC). */
  readonly read_until: string;
  /** The first event-time hour it read (`yyyy-MM-ddTHH`), or null when it read the whole log (the first merge). */
  readonly window_start: string | null;
  /** Change rows in the window. */
  readonly change_rows_read: number | null;
  /** Rows of `orders_current` inserted, updated and deleted. */
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
  /** Rows `orders_current` held after it. */
  readonly current_rows: number | null;
  /** Wall clock of the merge. */
  readonly ms: number;
}

/** What the stage did: Firehose's counts over every slice, and each merge. */
export interface DeliverAndMergeResult {
  readonly delivery: DeliveryStats;
  readonly merges: readonly MergeFigures[];
}

/** A slice of the records: how many, and the records, read when the slice is delivered. */
export interface Slice<T> {
  readonly size: number;
  readonly records: Iterable<T>;
}

/**
 * Cut records (in the order Firehose reads them, by arrival) into `slices` consecutive slices of near-equal count.
 * The slices share one pass over `records`: read them in order, each to its end.
 *
 * @param records - the records, by arrival
 * @param count - how many there are
 * @param slices - at least 1
 * @returns exactly `slices` slices (some empty when there are fewer records)
 * @example
 * ```ts
 * sliceByArrival([r1, r2, r3, r4, r5], 5, 3).map((slice) => [...slice.records]); //=> [[r1, r2], [r3, r4], [r5]]
 * ```
 */
export function sliceByArrival<T>(records: Iterable<T>, count: number, slices: number): Slice<T>[] {
  const size = Math.ceil(count / slices);
  const iterator = records[Symbol.iterator]();
  function* take(n: number): Generator<T> {
    for (let taken = 0; taken < n; taken++) {
      const next = iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  return Array.from({ length: slices }, (_, index) => {
    const n = Math.max(0, Math.min(size, count - index * size));
    return { size: n, records: take(n) };
  });
}

/** What {@link deliverAndMerge} needs. */
export interface DeliverAndMergeOptions {
  /** Every captured record, by arrival, read once. */
  readonly records: Iterable<KinesisRecord>;
  /** How many records there are. */
  readonly count: number;
  readonly emulator: FirehoseEmulator;
  /** @defaultValue {@link DELIVERY_SLICES} */
  readonly slices?: number;
  /** Runs one incremental merge of the lake, reading the change log up to `readUntil`. */
  readonly merge: (readUntil: string, slice: number) => Promise<MergeReport>;
  /** The run's start on its clock: the `readUntil` of a merge before any record was delivered. */
  readonly startMs: number;
  readonly signal: AbortSignal;
  /** Told what is going on (`slice 2/3: 400/1200 records`, `merge 2/3`). */
  readonly onProgress?: (detail: string) => void;
}

/**
 * Deliver the records a slice at a time; after each slice (every buffer flushed, so the slice is in the lake) run the
 * merge. Its `readUntil` is the run's clock as the records carry it: the latest arrival time delivered so far, so a
 * merge never claims to have read a change that had not yet arrived, and the next window (from it minus the lateness)
 * covers every later arrival. Neither the wall clock at merge time nor the run's start would do: the capture is over
 * by then, and with `--span` (or a clock a test steps hours ahead) the records' times are days away from either, so
 * the later slices' changes would fall before the next window.
 *
 * @param options - records, emulator, slices, merge, start, signal, progress
 * @returns Firehose's counts over every slice, and one entry per merge
 * @throws RunInterruptedError when the signal is aborted between slices; the merge's error when a merge fails
 */
export async function deliverAndMerge(options: DeliverAndMergeOptions): Promise<DeliverAndMergeResult> {
  const slices = sliceByArrival(options.records, options.count, options.slices ?? DELIVERY_SLICES);
  const merges: MergeFigures[] = [];
  let delivery = options.emulator.stats;
  let readUntilMs: number | undefined;
  for (const [index, slice] of slices.entries()) {
    if (options.signal.aborted) throw new RunInterruptedError('interrupted');
    const label = `slice ${index + 1}/${slices.length}`;
    delivery = await options.emulator.deliver(
      withLatestArrival(slice.records, (arrivalMs) => {
        readUntilMs = Math.max(readUntilMs ?? arrivalMs, arrivalMs);
      }),
      (done) => options.onProgress?.(`${label}: ${done}/${slice.size} records`),
    );
    options.onProgress?.(`${label} delivered, merge ${index + 1}/${slices.length}`);
    const started = performance.now();
    const report = await options.merge(new Date(readUntilMs ?? options.startMs).toISOString(), index + 1);
    merges.push(toFigures(report, index + 1, slice.size, Math.round(performance.now() - started)));
  }
  return { delivery, merges };
}

/** The records, telling `seen` each one's arrival time as it is read. */
function* withLatestArrival(
  records: Iterable<KinesisRecord>,
  seen: (arrivalMs: number) => void,
): Generator<KinesisRecord> {
  for (const record of records) {
    seen(record.approximateArrivalTimestamp);
    yield record;
  }
}

/**
 * The merge a run makes after each slice: `sales-lake merge`'s local engine, incremental, with the stack's lateness
 * (`PipelineConfig.mergeLatenessSeconds`: `SALES_MERGE_LATENESS_SECONDS`, by default what the pipe still delivers),
 * each run named after the run and its slice.
 *
 * @param lake - the run's lake folder
 * @param runId - the run's id
 * @param latenessSeconds - how late a change may arrive and still be merged
 * @param signal - aborts the running merge (it commits nothing then)
 * @returns the `merge` of {@link DeliverAndMergeOptions}
 */
export function incrementalMerge(
  lake: string,
  runId: string,
  latenessSeconds: number,
  signal: AbortSignal,
): DeliverAndMergeOptions['merge'] {
  return (readUntil, slice) =>
    mergeLocalLake({ lake, mode: 'incremental', runId: `${runId}-${slice}`, readUntil, latenessSeconds, signal });
}

/** One merge's report as the summary lists it. */
function toFigures(report: MergeReport, slice: number, records: number, ms: number): MergeFigures {
  const window = report.window;
  return {
    slice,
    records,
    read_until: report.readUntil,
    window_start: window === null ? null : `${window.year}-${window.month}-${window.day}T${window.hour}`,
    change_rows_read: report.changeRowsRead,
    inserted: report.rows?.inserted ?? 0,
    updated: report.rows?.updated ?? 0,
    deleted: report.rows?.deleted ?? 0,
    current_rows: report.currentRows,
    ms,
  };
}

/**
 * The stage's line: what Firehose delivered, then the merges.
 *
 * @param result - the stage's result
 * @param objects - objects in the lake
 * @returns e.g. `3 slices: 500 delivered, 0 failed, 3 objects; 3 merges: +260 ~180 -11 rows, 249 in orders_current`
 */
export function describeDeliverAndMerge(result: DeliverAndMergeResult, objects: number): string {
  const { delivery, merges } = result;
  const total = (key: 'inserted' | 'updated' | 'deleted') => merges.reduce((sum, merge) => sum + merge[key], 0);
  return (
    `${merges.length} slices: ${delivery.invocations} invocations, ${delivery.delivered} delivered, ${delivery.failed} failed, ` +
    `${objects} objects; ${merges.length} merges: +${total('inserted')} ~${total('updated')} -${total('deleted')} rows, ` +
    `${merges.at(-1)?.current_rows ?? '?'} in orders_current`
  );
}
