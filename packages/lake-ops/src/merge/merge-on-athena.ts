/**
 * mergeOnAthena: one merge run on the lake bucket, through Athena in the stack's workgroup: the window from the merge
 * log, then each statement of `mergeStatements` in order, each retried on Iceberg commit conflicts.
 */
import type { AthenaClient } from '@aws-sdk/client-athena';
import {
  ATHENA_MERGE_DIALECT,
  CURRENT_TABLE_NAME,
  MERGE_LOG_TABLE_NAME,
  mergeWindowQuery,
  TABLE_NAME,
  TOMBSTONE_TABLE_NAME,
  type MergeTables,
} from '@sales/pipeline-spec';
import { readQueryResults } from '../athena/read-query-results.js';
import { executeAthenaQuery, type PollDelays, type SucceededQuery } from '../athena/run-athena-query.js';
import type { AthenaTarget } from '../athena/athena-flags.js';
import { planMerge, toMergeWindow, type MergePlan, type MergeRequest } from './merge-plan.js';
import { runBase, wholeLogNote, type MergeReport, type StatementOutcome } from './merge-report.js';
import { MergeRunError } from './merge-run-error.js';
import { DEFAULT_STATEMENT_RETRY, withRetries, type RetryPolicy, type Sleep } from './statement-retry.js';

/** What {@link mergeOnAthena} needs besides the request. */
export interface AthenaMergeOptions extends MergeRequest {
  readonly client: AthenaClient;
  /** The stack's workgroup and Glue database (stack outputs `athena_workgroup`, `glue_database`). */
  readonly target: AthenaTarget;
  /** The lake, for the report: `s3://<lake bucket>/`. */
  readonly lake: string;
  /** Aborting it stops the running query (`StopQueryExecution`) and starts no other. */
  readonly signal: AbortSignal;
  /** Told what runs, for a progress line. */
  readonly onProgress: (text: string) => void;
  /** @defaultValue {@link DEFAULT_STATEMENT_RETRY} */
  readonly retry?: RetryPolicy;
  /** @defaultValue the poll delays of `runAthenaQuery` */
  readonly pollDelays?: PollDelays;
  /** @defaultValue node's timers/promises `setTimeout` */
  readonly sleep?: Sleep;
}

const identifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The relations in the stack's Glue database: the change log `order_changes` and the three Iceberg tables.
 *
 * @param database - The Glue database.
 * @returns Qualified names, e.g. `"sales_dev"."orders_current"`.
 * @example
 * ```ts
 * athenaMergeTables('sales_dev').current; //=> '"sales_dev"."orders_current"'
 * ```
 */
export function athenaMergeTables(database: string): MergeTables {
  const table = (name: string): string => `${identifier(database)}.${identifier(name)}`;
  return {
    dialect: ATHENA_MERGE_DIALECT,
    changes: table(TABLE_NAME),
    current: table(CURRENT_TABLE_NAME),
    tombstones: table(TOMBSTONE_TABLE_NAME),
    mergeLog: table(MERGE_LOG_TABLE_NAME),
  };
}

/**
 * Runs one statement of the run, started afresh (a new `ClientRequestToken`) on each attempt.
 *
 * @returns The succeeded query and the attempts it took.
 * @throws StatementAttemptsError with the last attempt's error.
 */
function runStatement(options: AthenaMergeOptions, name: string, sql: string) {
  const query = { ...options, workGroup: options.target.workGroup, database: options.target.database };
  return withRetries<SucceededQuery>(
    (attempt) => {
      options.onProgress(`${name}: running${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
      return executeAthenaQuery({ ...query, run: `${options.runId}/${name}/${attempt}` }, sql);
    },
    options.retry ?? DEFAULT_STATEMENT_RETRY,
    options.signal,
    (failed, waitMs, error) =>
      options.onProgress(`${name}: attempt ${failed} failed (${String(error)}); again in ${waitMs / 1000} s`),
    options.sleep,
  );
}

/**
 * Reads the merge log for the window (not on a rebuild, which reads the whole log), and plans the run.
 *
 * @param options - Client, target, request.
 * @returns The plan, and the window query's text when it ran.
 * @throws StatementAttemptsError when the window query fails for good.
 */
export async function planAthenaMerge(
  options: AthenaMergeOptions,
): Promise<{ plan: MergePlan; windowSql: string | undefined }> {
  const tables = athenaMergeTables(options.target.database);
  if (options.mode === 'rebuild') return { plan: planMerge(tables, options, null), windowSql: undefined };
  const windowSql = mergeWindowQuery(ATHENA_MERGE_DIALECT, tables.mergeLog, options.latenessSeconds);
  const { value } = await runStatement(options, 'merge_window', windowSql);
  const [row] = await readQueryResults(options.client, value.id, options.signal);
  return { plan: planMerge(tables, options, toMergeWindow(row)), windowSql };
}

/**
 * Merges the change log into `orders_current` through Athena (engine version 3, Iceberg tables). Each statement
 * commits on its own; a failure stops the run, names the statement, and says which committed: every statement is
 * idempotent, so running the merge again finishes the run. Rows are not counted here: Athena's `MERGE INTO` answers
 * no counts per clause.
 *
 * @param options - Client, target, request, signal, progress.
 * @returns The report: the window, each statement's query id, attempts and bytes scanned.
 * @throws MergeRunError naming the statement that failed or was interrupted, with what committed before it.
 * @see https://docs.aws.amazon.com/athena/latest/ug/merge-into-statement.html
 */
export async function mergeOnAthena(options: AthenaMergeOptions): Promise<MergeReport> {
  const { plan } = await planAthenaMerge(options);
  const outcomes: StatementOutcome[] = plan.statements.map((statement) => ({ name: statement.name, state: 'not-run' }));
  const report = (): MergeReport => ({
    ...runBase(options, options.lake, 'athena', plan, false),
    changeRowsRead: null,
    rows: null,
    currentRows: null,
    tombstones: null,
    statements: [...outcomes],
    exported: null,
    notDone: [
      ...wholeLogNote(plan.wholeLog ?? null),
      'rows inserted, updated and deleted, change rows read and tombstones are not counted on Athena: MERGE INTO ' +
        'and DELETE answer no row counts',
    ],
  });
  for (const [index, statement] of plan.statements.entries()) {
    try {
      const { value, attempts } = await runStatement(options, statement.name, statement.sql);
      outcomes[index] = {
        name: statement.name,
        state: 'committed',
        queryExecutionId: value.id,
        attempts,
        ...(value.dataScannedBytes === undefined ? {} : { dataScannedBytes: value.dataScannedBytes }),
      };
    } catch (error) {
      const attempts = (error as { attempts?: number }).attempts ?? 1;
      outcomes[index] = { name: statement.name, state: 'failed', attempts };
      const committed = outcomes.filter((o) => o.state === 'committed').map((o) => o.name);
      const how = options.signal.aborted ? 'was interrupted' : `failed after ${attempts} attempt(s)`;
      throw new MergeRunError(
        `${statement.name} ${how}: ${(error as Error).message}; committed before it: ${committed.join(', ') || 'none'}; ` +
          'every statement is idempotent: run the merge again',
        report(),
        { cause: error },
      );
    }
  }
  return report();
}
