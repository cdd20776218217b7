/**
 * openCurrentStateDatabase: the local lake's DuckDB database of `orders_current`, opened by one process at a time.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** An open database and its one connection. */
export interface CurrentStateDatabase {
  readonly connection: DuckDBConnection;
  /** Closes the connection and the database (a checkpoint folds its write-ahead log into the file). */
  close(): void;
}

/**
 * DuckDB settings of a merge: one thread and a memory limit of 128 MB, beyond which the window's sort and the MERGE
 * joins spill to `<database>.tmp/`, so a merge costs the same memory however long the change log. At 512 MB on two
 * threads the last merge of a 300 k-change local run took 836 MiB of native memory; the same limit as reconcile's
 * comparison (`DUCKDB_MEMORY_LIMIT`) bounds it.
 *
 * @see https://duckdb.org/docs/stable/configuration/overview
 */
const SETTINGS = { threads: '1', memory_limit: '128MB' } as const;

/** DuckDB's refusal when another process holds the file's lock. */
const LOCKED = /Could not set lock on file/;

/**
 * Opens the database file. DuckDB lets one process write a database file at a time: a second merge on the same lake,
 * or a reader holding it open, is refused with a message saying so, and nothing is changed.
 *
 * @param path - The database file; created when `readOnly` is false and it does not exist.
 * @param readOnly - Open for reading only (a dry run), so nothing is created or changed.
 * @returns The database.
 * @throws Error naming the file when another process holds it.
 * @see https://duckdb.org/docs/stable/connect/concurrency
 * @example
 * ```ts
 * const db = await openCurrentStateDatabase('.local/current/current-state.duckdb', false);
 * try { await db.connection.run('SELECT 1'); } finally { db.close(); }
 * ```
 */
export async function openCurrentStateDatabase(path: string, readOnly: boolean): Promise<CurrentStateDatabase> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, readOnly ? { ...SETTINGS, access_mode: 'READ_ONLY' } : SETTINGS);
  } catch (error) {
    if (LOCKED.test(String(error)))
      throw new Error(
        `another process holds ${path} (a merge running on this lake, or a session reading it); nothing was changed: run the merge again when it ends`,
        { cause: error },
      );
    throw error;
  }
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
