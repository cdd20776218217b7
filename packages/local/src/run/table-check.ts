/**
 * The table side of the run's final checks, on disk: the rows the table's items make, written by a paged Scan, and
 * the comparison of a current state with them in DuckDB, so memory holds neither the table nor the state.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { scanPages } from '../dynamodb/database.js';
import { KeyComparison, type StateDifference, type StateRow } from './key-comparison.js';
import { expectedRowText, tableKeyOf } from './lake-check.js';

/** What runs a query and hands its rows a batch at a time, values as JSON (a DuckDB connection's stream). */
export interface RowStream {
  stream(sql: string): AsyncIterable<readonly Record<string, unknown>[]>;
}

/** A current state's comparison with the table. */
export interface TableComparison {
  /** Rows of the current state. */
  readonly rows: number;
  /** How it differs from the table, and what was not judged. */
  readonly difference: StateDifference;
}

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * Scan the table a page at a time and write, per item, its key and the row the transform makes of it
 * (`{"order_id": …, "expected": "<row JSON>"}`, one JSON line each) to a file.
 *
 * @param client - a client on the table's endpoint
 * @param tableName - the table
 * @param path - the file to write (replaced)
 * @returns the number of items
 */
export async function writeTableRows(client: DynamoDBClient, tableName: string, path: string): Promise<number> {
  writeFileSync(path, '');
  let items = 0;
  for await (const page of scanPages(client, tableName)) {
    const lines = page.map(
      (item) => `${JSON.stringify({ order_id: tableKeyOf(item), expected: expectedRowText(item) })}\n`,
    );
    if (lines.length > 0) appendFileSync(path, lines.join(''));
    items += page.length;
  }
  return items;
}

/**
 * Compare a current state (the rows of `sourceSql`) with the table's rows ({@link writeTableRows}), key by key and
 * value by value ({@link KeyComparison}): DuckDB joins the two sides by `order_id`, in key order, and hands the pairs
 * over a batch at a time.
 *
 * @param db - where `sourceSql` runs
 * @param sourceSql - one SELECT of the current state, with an `order_id` column
 * @param tableRows - the file of {@link writeTableRows}
 * @param notItemColumns - columns of the state that are not item attributes, with why: not compared
 * @returns the state's row count and how it differs
 */
export async function compareWithTable(
  db: RowStream,
  sourceSql: string,
  tableRows: string,
  notItemColumns: ReadonlyMap<string, string>,
): Promise<TableComparison> {
  const source = sourceSql.trim().replace(/;+$/, '');
  const sql =
    `SELECT t.order_id AS table_key, t.expected AS expected, c.row AS row FROM read_json(${literal(tableRows)}, ` +
    `format = 'newline_delimited', columns = {'order_id': 'VARCHAR', 'expected': 'VARCHAR'}) t ` +
    `FULL OUTER JOIN (SELECT CAST(src.order_id AS VARCHAR) AS key, src AS row FROM (\n${source}\n) src) c ` +
    'ON t.order_id = c.key ORDER BY coalesce(t.order_id, c.key)';
  const check = new KeyComparison(notItemColumns);
  let rows = 0;
  for await (const batch of db.stream(sql)) {
    for (const pair of batch) {
      const row = (pair['row'] ?? undefined) as StateRow | undefined;
      const key = row === undefined ? String(pair['table_key']) : String(row['order_id']);
      const expected =
        pair['table_key'] === null || pair['table_key'] === undefined
          ? undefined
          : typeof pair['expected'] === 'string'
            ? (JSON.parse(pair['expected']) as StateRow)
            : {};
      if (row !== undefined) rows += 1;
      check.compare(key, expected, row);
    }
  }
  return { rows, difference: check.result() };
}
