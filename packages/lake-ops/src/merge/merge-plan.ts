/**
 * planMerge: one merge run's window and statements, from the merge log's answer, the same for DuckDB and Athena.
 */
import {
  mergeStatements,
  PARTITION_KEYS,
  type MergeRun,
  type MergeStatement,
  type MergeTables,
  type MergeWindow,
} from '@sales/pipeline-spec';

/** `incremental`: newer changes win, from the last merge's window on; `rebuild`: the whole log is the truth. */
export type MergeMode = MergeRun['mode'];

/** Why a run reads the whole change log, or `undefined` when it reads a window. */
export type WholeLogReason = 'rebuild' | 'first-merge';

/** What one run will do: its run record, where it starts reading, and its statements in order. */
export interface MergePlan {
  readonly run: MergeRun;
  /** Set when the run reads the whole log: `--rebuild` asked for it, or no merge has succeeded on this lake yet. */
  readonly wholeLog: WholeLogReason | undefined;
  readonly statements: readonly MergeStatement[];
}

/** What a run is asked to do, before the merge log is read. */
export interface MergeRequest {
  readonly mode: MergeMode;
  /** Recorded in the merge log; a run re-run under the same id is recorded once. */
  readonly runId: string;
  /** ISO-8601 UTC instant the run starts reading (`Date#toISOString`): the next window starts from it. */
  readonly readUntil: string;
  /** How late a change may arrive and still be merged; the next window starts this long before `readUntil`. */
  readonly latenessSeconds: number;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const PARTITION_VALUE = { year: /^\d{4}$/, month: /^\d{2}$/, day: /^\d{2}$/, hour: /^\d{2}$/ } as const;

/**
 * The window the merge log's query answered (`mergeWindowQuery`): all four partition values, or all NULL when no
 * merge has succeeded yet.
 *
 * @param row - The query's one row, values as text or null (DuckDB and Athena answer alike).
 * @returns The window, or null for "the whole log".
 * @throws Error when the row is partly NULL or a value is not a zero-padded partition value.
 * @example
 * ```ts
 * toMergeWindow({ year: '2026', month: '12', day: '06', hour: '08' }); //=> { year: '2026', month: '12', day: '06', hour: '08' }
 * toMergeWindow({ year: null, month: null, day: null, hour: null });   //=> null
 * ```
 */
export function toMergeWindow(row: Readonly<Record<string, unknown>> | undefined): MergeWindow | null {
  const values = PARTITION_KEYS.map((key) => row?.[key] ?? null);
  if (values.every((value) => value === null)) return null;
  const window: Record<string, string> = {};
  for (const [index, key] of PARTITION_KEYS.entries()) {
    const value = values[index];
    if (typeof value !== 'string' || !PARTITION_VALUE[key].test(value))
      throw new Error(`the merge log's window has ${key} = ${JSON.stringify(value)}; expected zero-padded digits`);
    window[key] = value;
  }
  return window as unknown as MergeWindow;
}

/**
 * The run's plan: the window (null on a rebuild or a first merge) and the statements `mergeStatements` renders for it.
 *
 * @param tables - The relations, as the engine names them.
 * @param request - Mode, run id, read-until instant.
 * @param logWindow - What the merge log answered ({@link toMergeWindow}).
 * @returns The plan.
 * @throws RangeError when `readUntil` is not an ISO-8601 UTC instant.
 * @example
 * ```ts
 * planMerge(tables, { mode: 'incremental', runId: 'r1', readUntil: '2026-12-06T15:00:00.000Z', latenessSeconds: 25200 }, null).wholeLog;
 * //=> 'first-merge'
 * ```
 */
export function planMerge(tables: MergeTables, request: MergeRequest, logWindow: MergeWindow | null): MergePlan {
  if (!ISO_INSTANT.test(request.readUntil))
    throw new RangeError(`readUntil must be an ISO-8601 UTC instant, received "${request.readUntil}"`);
  const window = request.mode === 'rebuild' ? null : logWindow;
  const run: MergeRun = { mode: request.mode, runId: request.runId, readUntil: request.readUntil, window };
  const wholeLog = request.mode === 'rebuild' ? 'rebuild' : window === null ? 'first-merge' : undefined;
  return { run, wholeLog, statements: mergeStatements(tables, run) };
}

/**
 * A window as the report shows it: its first hour, or why the whole log is read.
 *
 * @param window - The run's window, or null.
 * @param wholeLog - Why the whole log is read, when it is.
 * @returns e.g. `from 2026-12-06T08 (event-time hours)`, `the whole log (--rebuild)`.
 * @example
 * ```ts
 * describeWindow(null, 'rebuild'); //=> 'the whole log (--rebuild)'
 * ```
 */
export function describeWindow(window: MergeWindow | null, wholeLog: WholeLogReason | null | undefined): string {
  if (window !== null) return `from ${window.year}-${window.month}-${window.day}T${window.hour} (event-time hours)`;
  return wholeLog === 'rebuild'
    ? 'the whole log (--rebuild)'
    : 'the whole log (first merge: no merge has succeeded on this lake yet)';
}
