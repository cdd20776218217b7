/**
 * mergeLocalLake: one merge run on a local lake, in DuckDB: the window from the merge log, every statement of
 * `mergeStatements` in one transaction, then `orders_current` exported to Parquet.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DUCKDB_MERGE_DIALECT, mergeWindowQuery } from '@sales/pipeline-spec';
import { mkdir, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openCurrentStateDatabase } from './current-state-database.js';
import { localCurrentFiles } from './local-current-files.js';
import {
  changeLogViewSql,
  createCurrentStateTablesSql,
  exportCurrentSql,
  LOCAL_MERGE_TABLES,
} from './local-merge-sql.js';
import { dataGlobOf, firstRow, runMergeTransaction } from './merge-transaction.js';
import { planMerge, toMergeWindow, type MergeRequest } from './merge-plan.js';
import { runBase, wholeLogNote, type MergeReport } from './merge-report.js';
import { MergeRunError } from './merge-run-error.js';

/** What {@link mergeLocalLake} is asked to do. */
export interface LocalMergeOptions extends MergeRequest {
  /** The lake folder (`npm run local`'s `--out`); its `current/` folder is created when missing. */
  readonly lake: string;
  /**
   * Aborting it interrupts the running statement: the transaction is rolled back and nothing is committed.
   * @defaultValue - the run is not interruptible
   */
  readonly signal?: AbortSignal;
}

/** Writes the export beside its place and renames it over the old one, so no reader ever sees half a file. */
async function exportCurrent(connection: DuckDBConnection, parquet: string): Promise<void> {
  const partial = `${parquet}.partial`;
  try {
    await connection.run(exportCurrentSql(partial));
    await rename(partial, parquet);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * Merges a local lake's change log into its `orders_current`, kept in `<lake>/current/current-state.duckdb` and
 * exported to `<lake>/current/orders_current.parquet`. The statements run in one transaction: a run that fails or is
 * interrupted commits nothing, and running it again is always safe (each statement is idempotent, so a re-run of a
 * merged window changes nothing). One run at a time per lake: a second is refused while the first holds the file.
 *
 * @param options - Lake, mode, run id, read-until instant, lateness, signal.
 * @returns What the run read and changed, and what it did not do.
 * @throws MergeRunError when a statement fails, the run is interrupted, or the export fails (the report says what
 *   committed); Error when another process holds the database.
 * @example
 * ```ts
 * const report = await mergeLocalLake({
 *   lake: '.local', mode: 'incremental', runId: 'local-1', readUntil: new Date().toISOString(), latenessSeconds: 25200,
 * });
 * report.rows; //=> { inserted: 120, updated: 14, deleted: 3 }
 * ```
 */
export async function mergeLocalLake(options: LocalMergeOptions): Promise<MergeReport> {
  const root = resolve(options.lake);
  const files = localCurrentFiles(root);
  options.signal?.throwIfAborted();
  await mkdir(files.folder, { recursive: true });
  const db = await openCurrentStateDatabase(files.database, false);
  const interrupt = (): void => db.connection.interrupt();
  options.signal?.addEventListener('abort', interrupt, { once: true });
  try {
    const connection = db.connection;
    for (const sql of createCurrentStateTablesSql()) await connection.run(sql);
    await connection.run(changeLogViewSql(await dataGlobOf(root)));
    const windowSql = mergeWindowQuery(DUCKDB_MERGE_DIALECT, LOCAL_MERGE_TABLES.mergeLog, options.latenessSeconds);
    const plan = planMerge(LOCAL_MERGE_TABLES, options, toMergeWindow(await firstRow(connection, windowSql)));
    const base = runBase(options, root, 'duckdb', plan, false);
    const report: MergeReport = {
      ...base,
      ...(await runMergeTransaction(connection, plan, base, options.signal)),
      exported: files.parquet,
      notDone: wholeLogNote(plan.wholeLog ?? null),
    };
    try {
      options.signal?.throwIfAborted();
      await exportCurrent(connection, files.parquet);
    } catch (error) {
      const reason = options.signal?.aborted === true ? 'interrupted' : String(error);
      throw new MergeRunError(
        `the merge committed, but the Parquet export was not written (${reason}); run the merge again to write it`,
        { ...report, exported: null, notDone: [...report.notDone, `no Parquet export: ${reason}`] },
        { cause: error },
      );
    }
    return report;
  } finally {
    options.signal?.removeEventListener('abort', interrupt);
    db.close();
  }
}
