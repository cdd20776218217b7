/**
 * replayErrorObjects: the I/O shell around {@link planErrorObject}: list error objects, skip the replayed ones,
 * plan each, write the plan (unless dry-run), one object at a time so an interruption is clean.
 */
import type { LakeStore } from '../../lake/lake-store.js';
import { planErrorObject } from './plan-error-object.js';
import type { ReplayMarker } from './plan-error-object.js';
import { ERROR_PREFIX } from '@sales/pipeline-spec';
import { errorOutputTypeOf } from './error-output-type.js';
import { markerKey } from './replay-keys.js';

/** Options of {@link replayErrorObjects}. */
export interface ReplayErrorObjectsOptions {
  /** Plan and report, write nothing. @defaultValue false */
  readonly dryRun?: boolean;
  /** Replay objects whose marker says they were fully replayed, too (same keys, same rows). @defaultValue false */
  readonly force?: boolean;
  /** Aborted on SIGINT/SIGTERM: the object in hand is finished, no new one is started. @defaultValue - never aborted */
  readonly signal?: AbortSignal;
}

/** What a replay of error records did (or, with `dryRun`, would do). */
export interface ErrorReplaySummary {
  /** The lake, for messages. */
  readonly lake: string;
  /** True when nothing was written. */
  readonly dryRun: boolean;
  /** Error objects under `errors/processing-failed/` and `errors/partitioning-failed/`. */
  objects: number;
  /** Replayable error objects by error output type. */
  readonly objectsByType: Record<string, number>;
  /**
   * Objects under `errors/` of an error output type this delivery stream is not expected to write (e.g.
   * `format-conversion-failed`): listed, never replayed or skipped silently; they make the exit code 1.
   */
  readonly notReplayable: { readonly key: string; readonly type: string }[];
  /** Objects skipped because their marker says every record was replayed. */
  alreadyReplayed: number;
  /** Objects processed in this run. */
  processed: number;
  /** Error records in the processed objects. */
  records: number;
  /** Records that became rows. */
  replayed: number;
  /** Records the transform answered `Dropped`. */
  dropped: number;
  /** Records that still fail. */
  stillFailing: number;
  /** Still-failing records by reason. */
  readonly stillFailingByReason: Record<string, number>;
  /** Keys written (or, dry-run, to be written), markers included, in write order. */
  readonly written: string[];
  /** True when a signal stopped the run before every object was processed. */
  interrupted: boolean;
}

/** True when the marker exists and says every record was replayed or dropped. */
async function isFullyReplayed(lake: LakeStore, errorKey: string): Promise<boolean> {
  const body = await lake.read(markerKey(errorKey));
  if (body === undefined) return false;
  try {
    return (JSON.parse(body.toString('utf8')) as Partial<ReplayMarker>).stillFailing === 0;
  } catch {
    return false;
  }
}

/**
 * Replays every error object under `errors/processing-failed/` and `errors/partitioning-failed/`: objects whose marker shows every record
 * replayed are skipped (unless `force`); the others, including those with records that still failed last time,
 * are replayed with the current transform and written to the same keys as before. Objects are processed one at
 * a time, marker last, so an interrupted run leaves each object either done or untouched-by-marker, and a
 * re-run continues.
 *
 * @param lake - The lake.
 * @param options - Dry run, force, abort signal.
 * @returns The summary.
 * @example
 * ```ts
 * const summary = await replayErrorObjects(openLake('.local', process.cwd()), { dryRun: true });
 * summary.replayed; //=> 12
 * ```
 */
export async function replayErrorObjects(
  lake: LakeStore,
  options: ReplayErrorObjectsOptions = {},
): Promise<ErrorReplaySummary> {
  const summary: ErrorReplaySummary = {
    lake: lake.location,
    dryRun: options.dryRun ?? false,
    objects: 0,
    objectsByType: {},
    notReplayable: [],
    alreadyReplayed: 0,
    processed: 0,
    records: 0,
    replayed: 0,
    dropped: 0,
    stillFailing: 0,
    stillFailingByReason: {},
    written: [],
    interrupted: false,
  };
  const keys: string[] = [];
  for await (const object of lake.list(ERROR_PREFIX)) {
    const kind = errorOutputTypeOf(object.key);
    if (kind.kind === 'error-records') {
      keys.push(object.key);
      summary.objectsByType[kind.type] = (summary.objectsByType[kind.type] ?? 0) + 1;
    } else if (kind.kind === 'not-replayable') {
      summary.notReplayable.push({ key: object.key, type: kind.type });
    }
  }
  summary.objects = keys.length;
  for (const errorKey of keys) {
    if (options.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    if (!options.force && (await isFullyReplayed(lake, errorKey))) {
      summary.alreadyReplayed += 1;
      continue;
    }
    const bytes = await lake.read(errorKey);
    if (bytes === undefined) continue; // Expired by the lifecycle rule since the listing.
    const plan = planErrorObject(errorKey, bytes);
    for (const operation of plan.operations) {
      if (operation.kind === 'remove') {
        if (!summary.dryRun) await lake.remove(operation.key);
        continue;
      }
      if (!summary.dryRun) await lake.write(operation.key, operation.body);
      summary.written.push(operation.key);
    }
    summary.processed += 1;
    summary.records += plan.records;
    summary.replayed += plan.replayed;
    summary.dropped += plan.dropped;
    for (const [reason, count] of Object.entries(plan.stillFailingByReason)) {
      summary.stillFailing += count;
      summary.stillFailingByReason[reason] = (summary.stillFailingByReason[reason] ?? 0) + count;
    }
  }
  return summary;
}
