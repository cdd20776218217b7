import type { StageName, StageReport } from './stage-runner.js';
import type { MergeFigures } from './deliver-merge-stage.js';
import type { StateDifference } from './lake-check.js';
import type { PartitionCount } from './partition-count.js';
import type { RecentPathSummary } from './live-stage.js';

/** Wall-clock milliseconds spent in each finished stage of a run. */
export type StageTimings = Partial<Record<StageName, number>>;

/** How a run ended: `ok` (every stage done, no problem), `failed`, or `interrupted` (SIGINT/SIGTERM). */
export type RunStatus = 'ok' | 'failed' | 'interrupted';

/** Where the run's table lives, so reconcile can be pointed at it. */
export interface TableLocation {
  /** Table name. */
  readonly table_name: string;
  /** Endpoint URL (the embedded dynalite's is gone after the run). */
  readonly endpoint: string;
  /** Whether the table is still there after the run (`--endpoint`: yes; embedded dynalite: no). */
  readonly kept: boolean;
}

/** What every summary says, complete or not. */
export interface SummaryHead {
  /** How the run ended. */
  readonly status: RunStatus;
  /** Every stage with its status (`done`, `failed`, `interrupted`, `skipped`), time and detail. */
  readonly stages: StageReport[];
  /** The run's table, once created. */
  readonly table: TableLocation | null;
  /** Whole run, wall clock. */
  readonly duration_ms: number;
  /** What went wrong, if anything; empty on success. */
  readonly problems: string[];
}

/** Contents of `summary.json` after a run that got through every stage. Record counts are per change: re-delivered copies count once. */
export interface LocalSummary extends SummaryHead {
  /** Stream records captured from the table's writes. */
  readonly changes_captured: number;
  /** Changes Firehose delivered to the data prefix (`Ok`). */
  readonly records_delivered: number;
  /** Changes written to the error prefix (`ProcessingFailed` or a failed invocation). */
  readonly records_failed: number;
  /** Of those, changes failed on purpose by `--inject-failures`. */
  readonly records_failed_injected: number;
  /** Changes the transform answered with `Dropped`. */
  readonly records_dropped: number;
  /** Extra deliveries injected by `--duplicates` (rows written twice). */
  readonly records_redelivered: number;
  /** Changes the pipe delivered late (`--late-fraction`): hours after their event time, which they keep. */
  readonly records_late: number;
  /** Day and hour partitions the data objects fill (the event times' spread: `--span`). */
  readonly partitions: PartitionCount;
  /** Transform invocations, retries included. */
  readonly lambda_invocations: number;
  /** Items in the table at the end. */
  readonly table_items: number;
  /** Each merge into `orders_current`, after each slice of the delivery, in order. */
  readonly merges: MergeFigures[];
  /** Rows of `orders_current` after the last merge (its export, as the final check read it); null without an export. */
  readonly current_state_rows: number | null;
  /** The final check of `orders_current` against the table, key by key and value by value (null without an export). */
  readonly current_vs_table: StateDifference | null;
  /**
   * The final check of the change log's own current state (`current_orders_from_log`) against the table, key by key
   * (null when the query did not run).
   */
  readonly lake_vs_table: StateDifference | null;
  /** Columns in the lake that `@sales/pipeline-spec` (`lake/catalog-schema.ts`) does not declare. */
  readonly new_columns: string[];
  /** Columns whose data the declared type cannot read. */
  readonly schema_conflicts: string[];
  /** The low-latency path: what it wrote under `recent/` and the check of `orders_live` (null when it is off). */
  readonly recent_path: RecentPathSummary | null;
  /** Objects written (data and error). */
  readonly files: number;
  /** Compressed bytes written (data and error). */
  readonly bytes: number;
  /** Records per Kinesis shard. */
  readonly shard_records: number[];
  /** Generator operations applied / failed. */
  readonly operations: { readonly planned: number; readonly succeeded: number; readonly failed: number };
  /** With `--existing`: the orders written before capture and the concurrent scan backfill's own summary. */
  readonly existing?: ExistingOrdersSummary;
  /** Wall clock per stage. */
  readonly stage_ms: StageTimings;
  /** Changes captured per second of the whole run. */
  readonly changes_per_second: number;
}

/** What `--existing` did: the table's history before capture, and the backfill that ran during the live traffic. */
export interface ExistingOrdersSummary {
  /** `--existing`: orders placed before capture started. */
  readonly orders: number;
  /** Writes before capture (those orders, with the generator's updates and deletes among them); none captured. */
  readonly writes_before_capture: number;
  /** The scan backfill (`@sales/lake-ops` `scanBackfill`): first page's snapshot time and fence, items, rows, objects. */
  readonly backfill: {
    readonly snapshot_time: string | null;
    readonly fence: string | null;
    readonly items: number;
    readonly rows: number;
    readonly objects: number;
    readonly failed_items: number;
    readonly complete: boolean;
  };
}

/** `summary.json` of a run, complete (every count) or stopped early (stages and problems only). */
export type RunSummaryFile = LocalSummary | SummaryHead;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** `3 merges into orders_current (+260 ~180 -11 rows): it equals the table`, or says it does not. */
function describeMerges(s: LocalSummary): string {
  const total = (key: 'inserted' | 'updated' | 'deleted') => s.merges.reduce((sum, merge) => sum + merge[key], 0);
  const check = s.current_vs_table;
  const verdict =
    check === null
      ? 'no export to check'
      : check.missing_in_lake + check.extra_in_lake + check.value_mismatch === 0
        ? 'it equals the table'
        : 'it is NOT equal to the table';
  return `${s.merges.length} merges into orders_current (+${total('inserted')} ~${total('updated')} -${total('deleted')} rows): ${verdict}`;
}

/**
 * A short human summary of a run, complete or stopped early.
 *
 * @param summary - the run's summary
 * @param out - the lake folder
 * @returns a few lines of text
 */
export function formatSummary(summary: RunSummaryFile, out: string): string {
  const lines: string[] = [];
  if ('changes_captured' in summary) {
    const s = summary;
    lines.push(
      `${s.changes_captured} changes captured -> ${s.records_delivered} delivered, ${s.records_failed} failed` +
        (s.records_failed_injected > 0 ? ` (${s.records_failed_injected} injected)` : '') +
        `, ${s.records_dropped} dropped (+${s.records_redelivered} re-delivered copies)`,
      `${s.table_items} items in the table, ${s.current_state_rows ?? '?'} rows in the current state`,
      describeMerges(s),
      `${count(s.partitions.hours, 'hour partition')} over ${count(s.partitions.days, 'day')}, ` +
        `${count(s.records_late, 'change')} delivered late`,
      ...(s.recent_path === null ? [] : [formatRecentPath(s.recent_path)]),
      `${s.files} objects, ${s.bytes} bytes in ${out}` +
        (s.existing
          ? `, + ${s.existing.backfill.objects} snapshot objects (${s.existing.backfill.rows} rows backfilled during the traffic, first fence ${s.existing.backfill.fence ?? '-'})`
          : ''),
      `${seconds(s.duration_ms)} in all, ${Math.round(s.changes_per_second)} changes/s; ` +
        Object.entries(s.stage_ms)
          .map(([stage, ms]) => `${stage} ${seconds(ms)}`)
          .join(', '),
    );
  } else {
    lines.push(
      `run ${summary.status} after ${seconds(summary.duration_ms)}: ` +
        summary.stages.map((stage) => `${stage.name} ${stage.status}`).join(', '),
    );
  }
  if (summary.table !== null)
    lines.push(
      `table ${summary.table.table_name} at ${summary.table.endpoint}${summary.table.kept ? ' (kept)' : ' (gone with the embedded dynalite)'}`,
    );
  for (const problem of summary.problems) lines.push(`problem: ${problem}`);
  return lines.join('\n');
}

/** One line on the low-latency path: what it wrote and how `orders_live` compared with the table. */
function formatRecentPath(path: RecentPathSummary): string {
  const { live } = path;
  const verdict =
    live.vs_table === null
      ? `not judged (${live.not_judged})`
      : `${live.rows} rows, ${live.vs_table.missing_in_lake + live.vs_table.extra_in_lake + live.vs_table.value_mismatch === 0 ? 'equal to' : 'NOT equal to'} the table` +
        (live.current_state === 'merged' ? '' : ' (no merge yet: the recent changes alone)');
  return `recent path: ${path.records_delivered} delivered to recent/ in ${path.objects} objects; orders_live: ${verdict}`;
}
