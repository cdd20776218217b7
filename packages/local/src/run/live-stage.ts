/**
 * The `orders_live` check of a local run against the table, and what `summary.json` says of the low-latency path.
 */
import { LIVE_VIEW_COLUMNS, LIVE_VIEW_NAME, type PipelineConfig } from '@sales/pipeline-spec';
import { DuckDbLake } from '../athena/duckdb-lake.js';
import { type CurrentStateSource, mountLiveView } from '../athena/live-view-mount.js';
import type { ZeroBufferingStats } from '../firehose/zero-buffering-delivery.js';
import type { CatalogTable } from '../types.js';
import { isEqual, LOG_WINDOW_COLUMNS, type StateDifference } from './lake-check.js';
import { compareWithTable } from './table-check.js';
import type { LocalPipelineSettings } from './pipeline-settings.js';
import type { StageRunner } from './stage-runner.js';

/** The final check of `orders_live`. */
export interface LiveCheck {
  /** `merged`: `orders_current` came from a merge (`<out>/current/current-state.duckdb`); `absent`: no merge wrote it, the view stands on the recent changes alone. */
  readonly current_state: CurrentStateSource;
  /** Rows of `orders_live`, when it was judged. */
  readonly rows: number | null;
  /** `orders_live` against the table, key by key (null when not judged). */
  readonly vs_table: StateDifference | null;
  /** Why it was not judged, when it was not. */
  readonly not_judged: string | null;
}

/** What `summary.json` says of the path (`recent_path`), null when `SALES_RECENT_PATH` is off. */
export interface RecentPathSummary {
  /** Changes the path wrote under `recent/` (`Ok`). */
  readonly records_delivered: number;
  /** Changes it wrote under `recent-errors/`. */
  readonly records_failed: number;
  /** Extra deliveries (rows written twice). */
  readonly records_redelivered: number;
  /** Transform invocations, retries included: one per read of a shard with records, at least. */
  readonly lambda_invocations: number;
  /** Objects it wrote (data and error). */
  readonly objects: number;
  /** The check of `orders_live`. */
  readonly live: LiveCheck;
}

/** Columns of `orders_live` the check compares: the item's scalar attributes (the sort key and event time are the view's own). */
const CHECKED_COLUMNS = LIVE_VIEW_COLUMNS.filter(
  (column) => !column.name.startsWith('cdc_') && !column.type.startsWith('array'),
).map((column) => `"${column.name}"`);

/** What the live check needs. */
export interface LiveCheckInput {
  readonly config: PipelineConfig;
  readonly lakeDir: string;
  readonly settings: LocalPipelineSettings;
  /** The effective `order_changes` table (the DuckDB lake mounts it too). */
  readonly catalogTable: CatalogTable;
  /** The table's rows (`writeTableRows`). */
  readonly tableRows: string;
  /** Whether a backfill wrote snapshot rows: they reach `sales/` only, so without a merge `orders_live` cannot hold them. */
  readonly backfilled: boolean;
}

/**
 * Stage `live`: mount `orders_live` as `--sql` does and compare its rows with the table's items. Judged when
 * `orders_current` came from a merge, and before any merge when every change went through the path (no backfill):
 * then the view is the recent changes alone, deduplicated, removes dropped. Not judged otherwise, and said why.
 *
 * @param stages - the run's stages
 * @param input - lake folder, catalog, the table's rows
 * @returns the check, or null when the path is off
 */
export async function liveCheckStage(stages: StageRunner, input: LiveCheckInput): Promise<LiveCheck | null> {
  return stages.run(
    'live',
    LIVE_VIEW_NAME,
    async () => {
      if (!input.config.recentPathEnabled) return null;
      if (input.catalogTable.columns.length === 0)
        return { current_state: 'absent', rows: null, vs_table: null, not_judged: 'the lake holds no rows' } as const;
      const lake = await DuckDbLake.open(
        input.lakeDir,
        input.settings.dataPrefix,
        input.settings.firehose.fileExtension,
        input.settings.catalogTableName,
        input.catalogTable,
      );
      try {
        const source = await mountLiveView(lake, input.lakeDir, input.config.mergeLatenessSeconds);
        if (source === 'absent' && input.backfilled) {
          return {
            current_state: source,
            rows: null,
            vs_table: null,
            not_judged: 'no merge wrote orders_current, and the backfilled orders reach sales/ only',
          };
        }
        const { rows, difference } = await compareWithTable(
          lake,
          `SELECT ${CHECKED_COLUMNS.join(', ')} FROM "${LIVE_VIEW_NAME}"`,
          input.tableRows,
          LOG_WINDOW_COLUMNS,
        );
        return { current_state: source, rows, vs_table: difference, not_judged: null };
      } finally {
        lake.close();
      }
    },
    (check) =>
      check === null
        ? 'off (SALES_RECENT_PATH=false)'
        : check.vs_table === null
          ? `not judged: ${check.not_judged}`
          : `${check.rows} rows over ${check.current_state === 'merged' ? 'the merged orders_current' : 'no merge yet (the recent changes alone)'}, ${isEqual(check.vs_table) ? 'equal to' : 'NOT equal to'} the table`,
  );
}

/**
 * The summary of the path.
 *
 * @param stats - from `deliverRecentStage`
 * @param live - from {@link liveCheckStage}
 * @returns `recent_path`, null when the path is off
 */
export function recentPathSummary(stats: ZeroBufferingStats | null, live: LiveCheck | null): RecentPathSummary | null {
  if (stats === null || live === null) return null;
  return {
    records_delivered: stats.delivered,
    records_failed: stats.failed,
    records_redelivered: stats.redelivered,
    lambda_invocations: stats.invocations,
    objects: stats.objects,
    live,
  };
}

/**
 * What about the path should fail a run: a live view that is not the table.
 *
 * @param summary - `recent_path`
 * @returns one sentence per problem
 */
export function recentPathProblems(summary: RecentPathSummary | null): string[] {
  const diff = summary?.live.vs_table;
  if (diff === undefined || diff === null || isEqual(diff)) return [];
  return [
    `orders_live is NOT equal to the table: ${diff.missing_in_lake} keys missing, ${diff.extra_in_lake} extra, ` +
      `${diff.value_mismatch} with other values (e.g. ${diff.sample.join(', ')})`,
  ];
}
