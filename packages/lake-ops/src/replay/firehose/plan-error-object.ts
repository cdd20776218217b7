/**
 * planErrorObject: what replaying one error object writes, computed without I/O, so `--dry-run` reports exactly
 * what a real run would write.
 */
import { gzipSync } from 'node:zlib';
import { PARTITIONING_FAILED_PREFIX, parseErrorRecord } from '@sales/pipeline-spec';
import { readErrorObjectLines } from './error-object.js';
import { parseDeliveredRow } from './delivered-row.js';
import { markerKey, replayDataKey, replayFailedKey } from './replay-keys.js';
import { transformErrorRecord } from './transform-error-record.js';

/** One change to the lake: write an object, or remove one. */
export type LakeOperation =
  | { readonly kind: 'write'; readonly key: string; readonly body: Buffer }
  | { readonly kind: 'remove'; readonly key: string };

/** The counts every replay of an error object reports. */
export interface ReplayCounts {
  /** Error records (lines) in the object. */
  readonly records: number;
  /** Records the current transform answers `Ok`: rows written to the lake. */
  readonly replayed: number;
  /** Records the current transform answers `Dropped`. */
  readonly dropped: number;
  /** Records that still fail, by reason (the transform's `FailureReason`, or `malformed-error-record`). */
  readonly stillFailingByReason: Readonly<Record<string, number>>;
}

/** What replaying one error object does. */
export interface ErrorObjectPlan extends ReplayCounts {
  /** The error object's key. */
  readonly errorKey: string;
  /**
   * The operations, in order: data objects (one per partition), the still-failing records (or, when none fail,
   * the removal of an earlier run's list), then the marker, last, so that a run interrupted before it leaves no
   * marker and a re-run redoes the object. Empty when the object could not be read (no marker: it is retried).
   */
  readonly operations: readonly LakeOperation[];
}

/** The marker's content: enough to audit a replay without reading the lake. No clock, so re-runs match. */
export interface ReplayMarker extends ReplayCounts {
  /** The error object's key. */
  readonly errorKey: string;
  /** Records that still fail, in all. */
  readonly stillFailing: number;
  /** Data objects written for the object's `Ok` rows. */
  readonly dataObjects: readonly string[];
  /** Where the still-failing records are, or null. */
  readonly replayFailedObject: string | null;
}

/**
 * Plans the replay of one error object: every line is parsed and run through the current transform; `Ok` rows
 * are grouped by their event-time partition into one GZIP JSON-lines object per partition; still-failing lines
 * are kept verbatim with `replayFailureReason` and `replayFailureDetail` added; the marker records the counts.
 *
 * A `partitioning-failed` record whose `rawData` is already a transformed row is written as it is, to the partition
 * of its `cdc_event_time` ({@link parseDeliveredRow}); every other record goes through the current transform.
 *
 * @param errorKey - The error object's key, under `errors/processing-failed/` or `errors/partitioning-failed/`.
 * @param bytes - The error object's bytes (GZIP or plain).
 * @returns The plan: counts and the writes, marker last.
 * @example
 * ```ts
 * const plan = planErrorObject('errors/processing-failed/year=2025/month=01/day=15/x.gz', bytes);
 * plan.operations.map((op) => `${op.kind} ${op.key}`);
 * //=> ['write sales/year=2025/month=01/day=15/hour=10/replay-….json.gz', 'remove errors/replay-failed/year=2025/month=01/day=15/x.json',
 * //    'write errors/replayed/year=2025/month=01/day=15/x.json']
 * ```
 */
export function planErrorObject(errorKey: string, bytes: Buffer): ErrorObjectPlan {
  let lines: string[];
  try {
    lines = readErrorObjectLines(bytes);
  } catch {
    return {
      errorKey,
      records: 0,
      replayed: 0,
      dropped: 0,
      stillFailingByReason: { 'unreadable-error-object': 1 },
      operations: [],
    };
  }
  /** Row lines by data object key (one object per partition). */
  const partitions = new Map<string, Buffer[]>();
  const failed: string[] = [];
  const byReason: Record<string, number> = {};
  let replayed = 0;
  let dropped = 0;
  const acceptsRows = errorKey.startsWith(PARTITIONING_FAILED_PREFIX);
  lines.forEach((line, index) => {
    const parsed = parseErrorRecord(line);
    const row = parsed.ok && acceptsRows ? parseDeliveredRow(parsed.value.rawData) : undefined;
    const outcome = row
      ? { result: 'Ok' as const, ...row }
      : parsed.ok
        ? transformErrorRecord(parsed.value, String(index + 1))
        : { result: 'ProcessingFailed' as const, reason: parsed.reason, detail: parsed.detail };
    if (outcome.result === 'Ok') {
      const key = replayDataKey(errorKey, outcome.partition);
      const rows = partitions.get(key) ?? [];
      rows.push(outcome.line);
      partitions.set(key, rows);
      replayed += 1;
    } else if (outcome.result === 'Dropped') {
      dropped += 1;
    } else {
      byReason[outcome.reason] = (byReason[outcome.reason] ?? 0) + 1;
      failed.push(`${withReason(line, outcome.reason, outcome.detail)}\n`);
    }
  });
  const dataWrites = [...partitions.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, rows]): LakeOperation => ({ kind: 'write', key, body: gzipSync(Buffer.concat(rows)) }));
  const failedKey = replayFailedKey(errorKey);
  const marker: ReplayMarker = {
    errorKey,
    records: lines.length,
    replayed,
    dropped,
    stillFailing: failed.length,
    stillFailingByReason: byReason,
    dataObjects: dataWrites.map((write) => write.key),
    replayFailedObject: failed.length > 0 ? failedKey : null,
  };
  const operations: LakeOperation[] = [
    ...dataWrites,
    failed.length > 0
      ? { kind: 'write', key: failedKey, body: Buffer.from(failed.join(''), 'utf8') }
      : { kind: 'remove', key: failedKey },
    { kind: 'write', key: markerKey(errorKey), body: Buffer.from(`${JSON.stringify(marker, null, 2)}\n`, 'utf8') },
  ];
  return { errorKey, records: lines.length, replayed, dropped, stillFailingByReason: byReason, operations };
}

/** The original line with the reason added, or a wrapper when the line is not a JSON object. */
function withReason(line: string, reason: string, detail: string): string {
  try {
    const json: unknown = JSON.parse(line);
    if (typeof json === 'object' && json !== null && !Array.isArray(json))
      return JSON.stringify({ ...json, replayFailureReason: reason, replayFailureDetail: detail });
  } catch {
    // Not JSON: kept verbatim below.
  }
  return JSON.stringify({ line, replayFailureReason: reason, replayFailureDetail: detail });
}
