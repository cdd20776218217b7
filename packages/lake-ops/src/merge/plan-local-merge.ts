/**
 * planLocalMerge: what a merge of a local lake would do (`--dry-run`), found without writing anything.
 */
import {
  DUCKDB_MERGE_DIALECT,
  MERGE_LOG_TABLE_NAME,
  mergeWindowQuery,
  type MergeStatement,
} from '@sales/pipeline-spec';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openCurrentStateDatabase } from './current-state-database.js';
import { localCurrentFiles } from './local-current-files.js';
import { changeLogViewSql, LOCAL_MERGE_TABLES } from './local-merge-sql.js';
import { dataGlobOf, firstRow } from './merge-transaction.js';
import { planMerge, toMergeWindow, type MergeRequest } from './merge-plan.js';
import { plannedReport, type MergeReport } from './merge-report.js';

/** The merge log's window, read from the database opened read-only; null when there is no database or log yet. */
async function logWindow(database: string, latenessSeconds: number) {
  if (
    !(await access(database).then(
      () => true,
      () => false,
    ))
  )
    return null;
  const db = await openCurrentStateDatabase(database, true);
  try {
    const found = await firstRow(
      db.connection,
      `SELECT count(*) AS "tables" FROM information_schema.tables WHERE table_name = '${MERGE_LOG_TABLE_NAME}'`,
    );
    if (Number(found.tables) === 0) return null;
    const sql = mergeWindowQuery(DUCKDB_MERGE_DIALECT, LOCAL_MERGE_TABLES.mergeLog, latenessSeconds);
    return toMergeWindow(await firstRow(db.connection, sql));
  } finally {
    db.close();
  }
}

/**
 * Plans a local merge without writing: the window from the merge log (the database opened read-only, or none yet),
 * and every statement a run would execute, the change-log view first.
 *
 * @param options - The lake folder and the request.
 * @returns The dry run's report (nothing counted, every statement `not-run`) and the statements.
 * @throws Error when another process holds the database.
 * @example
 * ```ts
 * const { statements } = await planLocalMerge({ lake: '.local', mode: 'incremental', runId: 'r', readUntil, latenessSeconds: 25200 });
 * statements.map((s) => s.name); //=> ['change_log_view', 'record_tombstones', 'merge_current', 'expire_tombstones', 'record_run']
 * ```
 */
export async function planLocalMerge(
  options: MergeRequest & { readonly lake: string },
): Promise<{ report: MergeReport; statements: readonly MergeStatement[] }> {
  const root = resolve(options.lake);
  const files = localCurrentFiles(root);
  const window = options.mode === 'rebuild' ? null : await logWindow(files.database, options.latenessSeconds);
  const plan = planMerge(LOCAL_MERGE_TABLES, options, window);
  const statements = [{ name: 'change_log_view', sql: changeLogViewSql(await dataGlobOf(root)) }, ...plan.statements];
  const note = `dry run: nothing was written; a run executes these statements in one transaction in ${files.database}, then exports orders_current to ${files.parquet}`;
  return { report: plannedReport(options, root, 'duckdb', plan, note), statements };
}
