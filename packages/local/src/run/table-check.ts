/**
 * The table side of the run's final checks, on disk: the rows the table's items make, written by a paged Scan, and
 * the comparison of a current state with them a bucket of keys at a time, so memory holds neither the table nor the
 * state.
 */
import { appendFileSync, createReadStream, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { scanPages } from '../dynamodb/database.js';
import { KeyBuckets } from './key-buckets.js';
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

/** Table rows text per bucket: the one bucket of the table a comparison holds in memory at a time. */
const BUCKET_BYTES = 8 * 1024 * 1024;

/**
 * Compare a current state (the rows of `sourceSql`) with the table's rows ({@link writeTableRows}), key by key and
 * value by value ({@link KeyComparison}). Both sides are spread over bucket files by a hash of the key
 * ({@link KeyBuckets}: the table's file read a line at a time, the state's rows as DuckDB streams them, unsorted),
 * then compared a bucket at a time: memory holds one bucket of the table's rows (about 8 MiB of text), whatever the
 * size of either side, and DuckDB runs the state's query alone. (Sorting both sides in DuckDB and merging them took
 * 563 MiB of RSS at a 128 MB limit for 120 MB of rows, and two sorts at once ran out of it.)
 *
 * @param db - where `sourceSql` runs
 * @param sourceSql - one SELECT of the current state, with an `order_id` column
 * @param tableRows - the file of {@link writeTableRows}; the buckets are made beside it and removed
 * @param notItemColumns - columns of the state that are not item attributes, with why: not compared
 * @param bucketBytes - table rows text per bucket. @defaultValue 8 MiB
 * @returns the state's row count and how it differs
 */
export async function compareWithTable(
  db: RowStream,
  sourceSql: string,
  tableRows: string,
  notItemColumns: ReadonlyMap<string, string>,
  bucketBytes = BUCKET_BYTES,
): Promise<TableComparison> {
  const source = sourceSql.trim().replace(/;+$/, '');
  const buckets = new KeyBuckets(dirname(tableRows), Math.max(1, Math.ceil(statSync(tableRows).size / bucketBytes)));
  try {
    for await (const line of readLines(tableRows)) {
      if (line !== '') buckets.add('a', String((JSON.parse(line) as TableRowLine).order_id), line);
    }
    const state = db.stream(`SELECT CAST(src.order_id AS VARCHAR) AS key, src AS row FROM (\n${source}\n) src`);
    for await (const batch of state) {
      for (const { key, row } of batch) buckets.add('b', String(key ?? ''), JSON.stringify(row));
    }
    buckets.flush();
    const check = new KeyComparison(notItemColumns);
    let rows = 0;
    for (let bucket = 0; bucket < buckets.count; bucket++) {
      const expected = new Map<string, string | undefined>();
      for await (const line of buckets.lines('a', bucket)) {
        const item = JSON.parse(line) as TableRowLine;
        expected.set(String(item.order_id), item.expected);
      }
      const matched = new Set<string>();
      for await (const line of buckets.lines('b', bucket)) {
        const row = JSON.parse(line) as StateRow;
        const key = String(row['order_id']);
        rows += 1;
        const present = row['order_id'] !== null && row['order_id'] !== undefined && expected.has(key);
        if (present) matched.add(key);
        check.compare(key, present ? expectedOf(expected.get(key)) : undefined, row);
      }
      for (const [key, text] of expected) if (!matched.has(key)) check.compare(key, expectedOf(text), undefined);
    }
    return { rows, difference: check.result() };
  } finally {
    buckets.remove();
  }
}

/** One line of {@link writeTableRows}. */
interface TableRowLine {
  readonly order_id: unknown;
  /** The row's JSON text; absent when the transform makes no row of the item. */
  readonly expected?: string;
}

/** The item's row from its text (`{}` when the transform makes none). */
const expectedOf = (text: string | undefined): StateRow =>
  typeof text === 'string' ? (JSON.parse(text) as StateRow) : {};

/** The lines of a file, read a chunk at a time. */
async function* readLines(path: string): AsyncGenerator<string> {
  yield* createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
}
