/**
 * summarizeCounts: what a completed run's stages produced, as the counts `summary.json` holds.
 */
import type { DeliveryStats } from '../firehose/firehose-emulator.js';
import type { LakeWriter } from '../firehose/lake-writer.js';
import type { CaptureResult } from './capture-stage.js';
import type { CurrentTableCheck } from './current-check.js';
import type { MergeFigures } from './deliver-merge-stage.js';
import type { StateDifference } from './lake-check.js';
import type { CrawlResult } from './lake-stage.js';
import type { RecentPathSummary } from './live-stage.js';
import type { LocalOptions } from './options.js';
import type { PartitionCount } from './partition-count.js';
import type { LocalSummary } from './summary.js';

/** A completed run's counts: the summary without its head, stage times and problems. */
export type RunCounts = Omit<
  LocalSummary,
  'problems' | 'status' | 'stages' | 'table' | 'duration_ms' | 'stage_ms' | 'changes_per_second'
>;

/** What the stages of a completed run produced. */
export interface RunOutcome {
  readonly options: LocalOptions;
  readonly capture: CaptureResult;
  readonly delivery: DeliveryStats;
  /** Distinct records failed by `--inject-failures`. */
  readonly injected: number;
  /** The event-time partitions the delivered objects fill. */
  readonly partitions: PartitionCount;
  readonly merges: readonly MergeFigures[];
  readonly tableItems: number;
  /** The final check of `orders_current`, or null when there is no export. */
  readonly current: CurrentTableCheck | null;
  /** The final check of the change log's window, or null when its query did not run. */
  readonly lakeVsTable: StateDifference | null;
  /** What the low-latency path wrote and the check of `orders_live`, or null when the path is off. */
  readonly recentPath: RecentPathSummary | null;
  readonly crawl: CrawlResult;
  readonly lake: LakeWriter;
}

/**
 * The counts of a completed run.
 *
 * @param run - what its stages produced
 * @returns every count of `summary.json` but its head, stage times and problems
 */
export function summarizeCounts(run: RunOutcome): RunCounts {
  const { capture, delivery, crawl, lake, options } = run;
  return {
    changes_captured: capture.changes,
    records_delivered: delivery.delivered,
    records_failed: delivery.failed,
    records_failed_injected: run.injected,
    records_dropped: delivery.dropped,
    records_redelivered: delivery.redelivered,
    records_late: capture.late,
    partitions: run.partitions,
    lambda_invocations: delivery.invocations,
    table_items: run.tableItems,
    merges: [...run.merges],
    current_state_rows: run.current?.rows ?? null,
    current_vs_table: run.current?.difference ?? null,
    lake_vs_table: run.lakeVsTable,
    new_columns: [...crawl.catalog.newColumns],
    recent_path: run.recentPath,
    schema_conflicts: [...crawl.catalog.conflicts],
    files: lake.objects.length,
    bytes: lake.bytes,
    shard_records: capture.stream.shardSizes(),
    operations: { planned: capture.run.planned, succeeded: capture.run.succeeded, failed: capture.run.failed },
    ...(capture.backfill && {
      existing: {
        orders: options.existing,
        writes_before_capture: capture.history?.succeeded ?? 0,
        backfill: {
          snapshot_time: capture.backfill.snapshotTime,
          fence: capture.backfill.fence,
          items: capture.backfill.items,
          rows: capture.backfill.rows,
          objects: capture.backfill.objects,
          failed_items: capture.backfill.failedItems,
          complete: capture.backfill.complete,
        },
      },
    }),
  };
}
