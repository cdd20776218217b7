/**
 * DuckdbComparison: runs reconcile's comparison (see `comparison-sql.ts`) in an embedded DuckDB over a local lake
 * folder and folders of table-side row objects, with bounded memory (DuckDB spills to its temp folder).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DUCKDB_DIALECT, EMPTY_LOCATION } from './sql-dialect.js';

/**
 * DuckDB's memory limit for the comparison; beyond it, the window's sort, aggregates and joins spill to the temp
 * folder, so what grows with the table (stage 1's window over every lake row) stops growing here. What cannot spill
 * sets the floor: the JSON reader's buffer of 32 MiB per thread ({@link DUCKDB_THREADS}), and stage 2's query of up
 * to 20,000 keys (`KEYS_PER_QUERY`), every one of them drifting. With one thread, 128 MB carries that query over
 * 20,000 rows of 1 KiB or 10,000 of 2 KiB, as 256 MB with two threads did, and stage 1 over 1M keys spills about
 * 24 MiB; 96 MB fails the 20,000 × 1 KiB query (measured with DuckDB 1.5, one process each).
 */
export const DUCKDB_MEMORY_LIMIT = '128MB';

/**
 * DuckDB's threads. One: every thread of a JSON scan holds its own 32 MiB buffer outside what spills (two threads
 * held 75 MiB of them, one 40 MiB). With the window narrowed in `comparison-sql.ts`, the comparison alone at 1M keys
 * takes as long on one thread as it did on two before (7.7-10.0 s against 8.9-9.1 s, `bench/comparison-scale.ts`).
 */
const DUCKDB_THREADS = '1';

/** Whether a folder holds, at any depth, a file with the extension (DuckDB's glob fails when nothing matches). */
function holdsFiles(folder: string, extension: string): boolean {
  if (!existsSync(folder)) return false;
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).some((name) => name.endsWith(extension));
}

/**
 * The DuckDB location of every row object under a folder: a glob, or {@link EMPTY_LOCATION} when there are none.
 *
 * @param folder - Absolute folder.
 * @param extension - The objects' extension, e.g. `.json.gz`.
 * @returns The location.
 * @example
 * ```ts
 * rowObjectsLocation('/repo/.local/sales', '.json.gz'); //=> '/repo/.local/sales/**\/*.json.gz'
 * ```
 */
export function rowObjectsLocation(folder: string, extension: string): string {
  return holdsFiles(folder, extension) ? join(folder, '**', `*${extension}`) : EMPTY_LOCATION;
}

/** An embedded DuckDB for one reconcile run. */
export class DuckdbComparison {
  /** The dialect the comparison's SQL is rendered in. */
  readonly dialect = DUCKDB_DIALECT;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /**
   * Opens an in-memory DuckDB that spills to `tempFolder`.
   *
   * @param tempFolder - Where DuckDB may spill; removed by the caller.
   * @returns The engine; call {@link DuckdbComparison.close} when done.
   * @see https://duckdb.org/docs/stable/configuration/overview (memory_limit, temp_directory)
   */
  static async open(tempFolder: string): Promise<DuckdbComparison> {
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: DUCKDB_MEMORY_LIMIT,
      temp_directory: tempFolder,
      threads: DUCKDB_THREADS,
      preserve_insertion_order: 'false',
    });
    return new DuckdbComparison(instance, await instance.connect());
  }

  /**
   * Runs one query.
   *
   * @param sql - The statement.
   * @returns Its rows, values as JSON (BIGINT and HUGEINT as strings).
   */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  }

  /** Closes the connection and the database. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
