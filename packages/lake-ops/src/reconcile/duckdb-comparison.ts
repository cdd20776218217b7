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
 * folder. 256 MB carries stage 1 over 1M keys (`bench/comparison-scale.ts`). 128 MB was tried and refused: the JSON
 * reader allocates 32 MiB buffers that it cannot spill, and an engine reused over many queries then failed
 * (the reconcile property test, on CI).
 */
export const DUCKDB_MEMORY_LIMIT = '256MB';

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
      threads: '2',
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
