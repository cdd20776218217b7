/**
 * MergeReport: what one merge run read, changed, and did not do, the same for the local engine and Athena.
 */
import type { MergeWindow } from '@sales/pipeline-spec';
import type { MergeMode, MergePlan, MergeRequest, WholeLogReason } from './merge-plan.js';

/** Rows of `orders_current` a run changed, by key and sort key. */
export interface MergeRowCounts {
  /** Keys the table did not hold before the run. */
  readonly inserted: number;
  /** Keys it held with another `cdc_sort_key`. */
  readonly updated: number;
  /** Keys it no longer holds (a remove, or an orphan on a rebuild). */
  readonly deleted: number;
}

/** What became of one statement of the run. */
export interface StatementOutcome {
  /** `record_tombstones`, `merge_current`, … (see `mergeStatements`). */
  readonly name: string;
  /**
   * `committed`: its change is in the tables; `rolled-back`: it ran, and the run's transaction was rolled back (local
   * runs are one transaction); `failed`: it ran and failed; `not-run`: it was never started.
   */
  readonly state: 'committed' | 'rolled-back' | 'failed' | 'not-run';
  /** Athena: the query that ran it (the last attempt). */
  readonly queryExecutionId?: string;
  /** Athena: how many times it was started (retries on Iceberg commit conflicts and transient errors). */
  readonly attempts?: number;
  /** Athena: bytes the last attempt scanned (`Statistics.DataScannedInBytes`). */
  readonly dataScannedBytes?: number;
}

/** One run of `sales-lake merge`, reported whole: a dry run, a success, or a failure with what did and did not happen. */
export interface MergeReport {
  /** The lake: a folder or `s3://bucket/`. */
  readonly lake: string;
  /** `duckdb` for a local lake, `athena` for the lake bucket. */
  readonly engine: 'duckdb' | 'athena';
  readonly mode: MergeMode;
  readonly runId: string;
  /** ISO-8601 UTC instant the run read the change log up to; the next window starts from it minus the lateness. */
  readonly readUntil: string;
  readonly latenessSeconds: number;
  /** The first event-time hour read; null when the whole log was read. */
  readonly window: MergeWindow | null;
  /** Why the whole log was read (`rebuild` or `first-merge`), or null for a window. */
  readonly wholeLog: WholeLogReason | null;
  /** True when nothing was written (`--dry-run`). */
  readonly dryRun: boolean;
  /** Change rows in the window; null where not counted (Athena, a dry run). */
  readonly changeRowsRead: number | null;
  /** Rows of `orders_current` changed; null where not counted. */
  readonly rows: MergeRowCounts | null;
  /** Rows `orders_current` holds after the run; null where not counted. */
  readonly currentRows: number | null;
  /** Tombstones recorded or moved to a newer remove, and tombstones expired; null where not counted. */
  readonly tombstones: { readonly recorded: number; readonly expired: number } | null;
  /** Every statement of the run, in order. */
  readonly statements: readonly StatementOutcome[];
  /** The Parquet export written (a local lake), or null. */
  readonly exported: string | null;
  /** What the run did not do, and why: one sentence each. */
  readonly notDone: readonly string[];
}

/**
 * What a run that reads the whole log says about it, for {@link MergeReport.notDone}.
 *
 * @param reason - Why the whole log was read, or null for a window.
 * @returns Zero or one sentence.
 * @example
 * ```ts
 * wholeLogNote(null); //=> []
 * ```
 */
export function wholeLogNote(reason: WholeLogReason | null): string[] {
  if (reason === 'first-merge')
    return [
      'no window: no merge has succeeded on this lake yet, so this first load reads the whole change log; later ' +
        'runs read from their last merge minus the lateness',
    ];
  if (reason === 'rebuild')
    return [
      'no window and no sort-key guard (--rebuild): the whole change log is the truth, rows whose key the log never ' +
        'saw are deleted, and tombstones are kept, not expired',
    ];
  return [];
}

/** The report of a run before its statements ran: who, what, which window. */
export type RunBase = Omit<
  MergeReport,
  'changeRowsRead' | 'rows' | 'currentRows' | 'tombstones' | 'statements' | 'exported' | 'notDone'
>;

/**
 * The head of every report of a planned run: what was asked, the window and whether the whole log was read.
 *
 * @param request - Mode, run id, read-until instant, lateness.
 * @param lake - The lake, as the report names it.
 * @param engine - `duckdb` or `athena`.
 * @param plan - The plan.
 * @param dryRun - Whether the run only planned.
 * @returns The report's head.
 */
export function runBase(
  request: MergeRequest,
  lake: string,
  engine: MergeReport['engine'],
  plan: MergePlan,
  dryRun: boolean,
): RunBase {
  return {
    lake,
    engine,
    mode: request.mode,
    runId: request.runId,
    readUntil: request.readUntil,
    latenessSeconds: request.latenessSeconds,
    window: plan.run.window,
    wholeLog: plan.wholeLog ?? null,
    dryRun,
  };
}

/**
 * The report of a dry run: the plan's window and statements, nothing counted, every statement `not-run`.
 *
 * @param request - Mode, run id, read-until instant, lateness.
 * @param lake - The lake, as the report names it.
 * @param engine - `duckdb` or `athena`.
 * @param plan - The plan.
 * @param note - What the dry run did and did not do, first of the things not done.
 * @returns The report.
 */
export function plannedReport(
  request: MergeRequest,
  lake: string,
  engine: MergeReport['engine'],
  plan: MergePlan,
  note: string,
): MergeReport {
  return {
    ...runBase(request, lake, engine, plan, true),
    changeRowsRead: null,
    rows: null,
    currentRows: null,
    tombstones: null,
    statements: plan.statements.map((statement) => ({ name: statement.name, state: 'not-run' })),
    exported: null,
    notDone: [note, ...wholeLogNote(plan.wholeLog ?? null)],
  };
}
