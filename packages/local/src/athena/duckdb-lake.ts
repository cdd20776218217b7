import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { lakeJsonViewSql } from '@sales/pipeline-spec';
import { createDuckDb, streamRows } from './duckdb-instance.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { currentTableViewSql } from './current-table.js';
import type { CatalogTable } from '../types.js';

/** Rows and column names of one query result, values as JSON (BIGINT and DECIMAL as strings). */
export interface QueryResult {
  /** Column names, in select order. */
  readonly columns: string[];
  /** Row objects keyed by column name: every row, or the first ones ({@link DuckDbLake.queryHead}). */
  readonly rows: Record<string, unknown>[];
  /** Rows the query returned, all of them. */
  readonly rowCount: number;
}

/**
 * The `CREATE VIEW` that makes the lake queryable as Athena sees it: {@link lakeJsonViewSql} over the GZIP objects
 * of the data prefix with the crawler's columns and types.
 *
 * @param tableName - the view's name, `order_changes`
 * @param dataGlob - e.g. `/repo/.local/sales/**\/*.json.gz`
 * @param table - the schema the crawler inferred
 * @returns one SQL statement
 */
export function createViewSql(tableName: string, dataGlob: string, table: CatalogTable): string {
  return lakeJsonViewSql({
    name: tableName,
    temporary: false,
    dataGlob,
    columns: table.columns,
    partitionKeys: table.partitionKeys,
  });
}

/**
 * An in-memory DuckDB with the lake mounted as a view, and `orders_current` as another when the merge exported it.
 *
 * @example
 * ```ts
 * const lake = await DuckDbLake.open('.local', 'sales/', '.json.gz', 'order_changes', table, '.local/current/orders_current.parquet');
 * try { await lake.query('SELECT count(*) AS n FROM order_changes'); } finally { lake.close(); }
 * ```
 */
export class DuckDbLake {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /**
   * Open DuckDB and create the views.
   *
   * @param root - lake folder
   * @param dataPrefix - e.g. `sales/`
   * @param extension - data file extension, e.g. `.json.gz`
   * @param tableName - view name
   * @param table - inferred schema
   * @param currentParquet - the merge's export of `orders_current`, mounted under that name when the file exists.
   *   @defaultValue - no `orders_current`
   * @returns the open lake; call {@link DuckDbLake.close} when done
   */
  static async open(
    root: string,
    dataPrefix: string,
    extension: string,
    tableName: string,
    table: CatalogTable,
    currentParquet?: string,
  ): Promise<DuckDbLake> {
    const instance = await createDuckDb();
    const connection = await instance.connect();
    const lake = new DuckDbLake(instance, connection);
    try {
      await connection.run(createViewSql(tableName, join(root, dataPrefix, '**', `*${extension}`), table));
      if (currentParquet !== undefined && existsSync(currentParquet))
        await connection.run(currentTableViewSql(currentParquet));
    } catch (error) {
      lake.close();
      throw error;
    }
    return lake;
  }

  /**
   * Run one statement.
   *
   * @param sql - the statement
   * @returns its columns and rows
   * @throws the DuckDB error, e.g. for SQL outside DuckDB's dialect
   */
  async query(sql: string): Promise<QueryResult> {
    const reader = await this.connection.runAndReadAll(sql);
    const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
    return { columns: reader.columnNames(), rows, rowCount: rows.length };
  }

  /**
   * Run one query and keep its first rows only, counting the rest as they stream by: memory holds `limit` rows.
   *
   * @param sql - the query
   * @param limit - rows to keep
   * @returns its columns, its first `limit` rows and its row count
   * @throws the DuckDB error, e.g. for SQL outside DuckDB's dialect
   */
  async queryHead(sql: string, limit: number): Promise<QueryResult> {
    const result = await this.connection.stream(sql);
    const rows: Record<string, unknown>[] = [];
    let rowCount = 0;
    for await (const batch of result.yieldRowObjectJson()) {
      rowCount += batch.length;
      if (rows.length < limit) rows.push(...(batch.slice(0, limit - rows.length) as Record<string, unknown>[]));
    }
    return { columns: result.columnNames(), rows, rowCount };
  }

  /**
   * Run one query on a connection of its own and hand its rows over a data chunk at a time ({@link streamRows}).
   *
   * @param sql - the query
   * @returns the batches, in the query's order
   */
  stream(sql: string): AsyncGenerator<Record<string, unknown>[]> {
    return streamRows(this.instance, sql);
  }

  /** Close the connection and the database. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
