/**
 * Stage `checks`: the run's final checks of the current state against the table, after the queries ran.
 */
import { localCurrentFiles } from '@sales/lake-ops';
import type { CatalogTable } from '../types.js';
import { checkCurrentTable, type CurrentTableCheck } from './current-check.js';
import { isEqual, type StateDifference } from './lake-check.js';
import { checkLogState, LOG_STATE_QUERY, type QueryOutcome } from './lake-stage.js';
import type { LocalPipelineSettings } from './pipeline-settings.js';
import type { StageRunner } from './stage-runner.js';

/** What the final checks need. */
export interface FinalChecksInput {
  readonly lakeDir: string;
  readonly settings: LocalPipelineSettings;
  /** The effective `order_changes` table. */
  readonly catalogTable: CatalogTable;
  /** The named queries as they ran: the change log's window is {@link LOG_STATE_QUERY}'s SQL. */
  readonly queries: readonly QueryOutcome[];
  /** The table's rows (`writeTableRows`). */
  readonly tableRows: string;
}

/** What the final checks found; null where there was nothing to check. */
export interface FinalChecks {
  /** `orders_current` (the merge's export) against the table; null when no merge wrote it. */
  readonly current: CurrentTableCheck | null;
  /** The change log's window ({@link LOG_STATE_QUERY}) against the table; null when that query did not run. */
  readonly lakeVsTable: StateDifference | null;
}

const verdict = (difference: StateDifference): string => (isEqual(difference) ? 'equal to' : 'NOT equal to');

/**
 * Run stage `checks`: `orders_current` against the table, then the change log's window, each sorted by key in DuckDB
 * and merged with the table's rows. A check that cannot run fails the stage, and so the run, with a summary.
 *
 * @param stages - the run's stages
 * @param input - lake folder, settings, catalog, the queries as they ran, the table's rows
 * @returns both checks
 */
export function finalChecksStage(stages: StageRunner, input: FinalChecksInput): Promise<FinalChecks> {
  return stages.run(
    'checks',
    'final checks',
    async () => {
      const logState = input.queries.find(
        (outcome) => outcome.query.name === LOG_STATE_QUERY && outcome.result !== undefined,
      );
      const current = await checkCurrentTable(localCurrentFiles(input.lakeDir).parquet, input.tableRows);
      const lakeVsTable =
        logState === undefined
          ? null
          : await checkLogState(input.lakeDir, input.settings, input.catalogTable, logState.query.sql, input.tableRows);
      return { current, lakeVsTable };
    },
    ({ current, lakeVsTable }) =>
      [
        current === null
          ? 'orders_current: no merge wrote it'
          : `orders_current: ${current.rows} rows, ${verdict(current.difference)} the table`,
        lakeVsTable === null
          ? `change log window: not judged (${LOG_STATE_QUERY} did not run)`
          : `change log window: ${verdict(lakeVsTable)} the table`,
      ].join('; '),
  );
}
