/**
 * runMergeTransaction: a local run's statements in one DuckDB transaction, with the counts the report gives.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATA_FILE_EXTENSION, DATA_PREFIX } from '@sales/pipeline-spec';
import { join } from 'node:path';
import { LocalLakeStore } from '../lake/local-lake-store.js';
import { CHANGED_KEYS_SQL, changeRowsInWindowSql, SNAPSHOT_KEYS_SQL } from './local-merge-sql.js';
import type { MergePlan } from './merge-plan.js';
import type { MergeReport, RunBase, StatementOutcome } from './merge-report.js';
import { MergeRunError } from './merge-run-error.js';

/** The first row of a query, values as JSON (BIGINT as text). */
export async function firstRow(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  return ((await connection.runAndReadAll(sql)).getRowObjectsJson()[0] ?? {}) as Record<string, unknown>;
}

/**
 * The glob of the lake's change objects, or `undefined` when `sales/` holds none yet (found by walking to the first).
 *
 * @param root - The lake folder.
 * @returns e.g. `/repo/.local/sales/**\/*.json.gz`.
 */
export async function dataGlobOf(root: string): Promise<string | undefined> {
  for await (const object of new LocalLakeStore(root).list(DATA_PREFIX))
    if (object.key.endsWith(DATA_FILE_EXTENSION)) return join(root, DATA_PREFIX, '**', `*${DATA_FILE_EXTENSION}`);
  return undefined;
}

/** What {@link runMergeTransaction} adds to the report. */
export type TransactionCounts = Pick<
  MergeReport,
  'changeRowsRead' | 'rows' | 'currentRows' | 'tombstones' | 'statements'
>;

/**
 * Runs the plan's statements in one transaction and counts what they did: change rows in the window, rows of
 * `orders_current` inserted, updated and deleted (by key and sort key, against the keys before the run), tombstones
 * recorded (`record_tombstones`) and expired (`expire_tombstones`). Any failure, or the signal, rolls it all back.
 *
 * @param connection - The database, with the tables and the change-log view in place.
 * @param plan - The run's statements.
 * @param base - The report so far, for the error.
 * @param signal - Checked before each statement; aborting it interrupts the running one (the caller's listener).
 * @returns The counts and the statements, all committed.
 * @throws MergeRunError naming the statement that failed or was interrupted; nothing was committed.
 */
export async function runMergeTransaction(
  connection: DuckDBConnection,
  plan: MergePlan,
  base: RunBase,
  signal: AbortSignal | undefined,
): Promise<TransactionCounts> {
  const changed = new Map<string, number>();
  let running = 'the window count';
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(SNAPSHOT_KEYS_SQL);
    const changeRows = Number((await firstRow(connection, changeRowsInWindowSql(plan.run.window))).change_rows);
    for (const statement of plan.statements) {
      running = statement.name;
      signal?.throwIfAborted();
      changed.set(statement.name, (await connection.run(statement.sql)).rowsChanged);
    }
    running = 'the row count';
    const counts = await firstRow(connection, CHANGED_KEYS_SQL);
    signal?.throwIfAborted();
    running = 'COMMIT';
    await connection.run('COMMIT');
    return {
      changeRowsRead: changeRows,
      rows: { inserted: Number(counts.inserted), updated: Number(counts.updated), deleted: Number(counts.deleted) },
      currentRows: Number(counts.current_rows),
      tombstones: {
        recorded: changed.get('record_tombstones') ?? 0,
        expired: changed.get('expire_tombstones') ?? 0,
      },
      statements: plan.statements.map((statement) => ({ name: statement.name, state: 'committed' })),
    };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    const how = signal?.aborted === true ? 'was interrupted' : `failed: ${reason}`;
    const statements = plan.statements.map(
      (statement): StatementOutcome => ({
        name: statement.name,
        state: changed.has(statement.name)
          ? 'rolled-back'
          : statement.name === running && signal?.aborted !== true
            ? 'failed'
            : 'not-run',
      }),
    );
    throw new MergeRunError(
      `${running} ${how}; nothing was committed (a local run is one transaction): run the merge again`,
      {
        ...base,
        changeRowsRead: null,
        rows: null,
        currentRows: null,
        tombstones: null,
        statements,
        exported: null,
        notDone: ['nothing was committed: the transaction was rolled back'],
      },
      { cause: error },
    );
  }
}
