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
 * value by value ({@link KeyComparison}). DuckDB sorts each side by `order_id` (a sort spills to disk past DuckDB's
 * memory limit, where a join of the two would have to hold one side) and hands both over a batch at a time, and the
 * two sorted streams are merged here: memory holds a batch of each.
 *
 * @param db - where `sourceSql` runs; two of its streams are read at once
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
  const table = rowsOf(
    db.stream(
      `SELECT order_id, expected FROM read_json(${literal(tableRows)}, format = 'newline_delimited', ` +
        `columns = {'order_id': 'VARCHAR', 'expected': 'VARCHAR'}) ORDER BY order_id`,
    ),
  );
  const state = rowsOf(
    db.stream(
      `SELECT CAST(src.order_id AS VARCHAR) AS key, src AS row FROM (\n${source}\n) src ORDER BY key NULLS LAST`,
    ),
  );
  const check = new KeyComparison(notItemColumns);
  let rows = 0;
  let item = await table.next();
  let current = await state.next();
  let matched = false; // whether a row of the item at hand has come
  while (item.done !== true || current.done !== true) {
    const itemKey = item.done === true ? undefined : String(item.value['order_id']);
    const rowKey = current.done === true ? undefined : (current.value['key'] as string | null);
    const order =
      itemKey === undefined ? 1 : rowKey === undefined || rowKey === null ? -1 : compareKeys(itemKey, rowKey);
    if (order < 0 && item.done !== true) {
      if (!matched) check.compare(itemKey ?? '', expectedOf(item.value), undefined);
      item = await table.next();
      matched = false;
      continue;
    }
    if (order === 0) matched = true;
    const row = (current.value as Record<string, unknown>)['row'] as StateRow;
    rows += 1;
    check.compare(String(row['order_id']), order === 0 && item.done !== true ? expectedOf(item.value) : undefined, row);
    current = await state.next();
  }
  return { rows, difference: check.result() };
}

/** Keys in DuckDB's VARCHAR order: by their UTF-8 bytes. */
const compareKeys = (a: string, b: string): number => (a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b)));

/** The item's row from its line (`{}` when the transform makes none). */
const expectedOf = (line: Record<string, unknown>): StateRow =>
  typeof line['expected'] === 'string' ? (JSON.parse(line['expected']) as StateRow) : {};

/** The rows of a stream of batches, one at a time. */
async function* rowsOf(
  batches: AsyncIterable<readonly Record<string, unknown>[]>,
): AsyncGenerator<Record<string, unknown>> {
  for await (const batch of batches) yield* batch;
}
