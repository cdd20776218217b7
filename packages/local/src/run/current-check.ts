/**
 * checkCurrentTable: the run's final check of `orders_current` (the merge's Parquet export) against the table, both
 * read from disk.
 */
import { existsSync } from 'node:fs';
import { createDuckDb, streamRows } from '../athena/duckdb-instance.js';
import { CURRENT_TABLE_COLUMNS } from './lake-check.js';
import { compareWithTable, type TableComparison } from './table-check.js';

/** What the final check of `orders_current` found: the rows the export holds, and how it differs from the table. */
export type CurrentTableCheck = TableComparison;

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * Compare the export of `orders_current` with the table's rows, item by item and value by value (numbers by value,
 * structs by member), both sorted by key in DuckDB and merged: memory holds a data chunk of each, not the export or
 * the table.
 *
 * @param parquet - `<out>/current/orders_current.parquet`
 * @param tableRows - the table's rows (`writeTableRows`)
 * @returns the rows read and the difference, or null when there is no export (no merge ran)
 * @example
 * ```ts
 * await checkCurrentTable('.local/current/orders_current.parquet', '.local/.staging-x/.scratch/table-rows.jsonl');
 * //=> { rows: 249, difference: { missing_in_lake: 0, extra_in_lake: 0, value_mismatch: 0, sample: [], not_judged: [...] } }
 * ```
 */
export async function checkCurrentTable(parquet: string, tableRows: string): Promise<CurrentTableCheck | null> {
  if (!existsSync(parquet)) return null;
  const instance = await createDuckDb();
  try {
    const db = { stream: (sql: string) => streamRows(instance, sql) };
    return await compareWithTable(
      db,
      `SELECT * FROM read_parquet(${literal(parquet)})`,
      tableRows,
      CURRENT_TABLE_COLUMNS,
    );
  } finally {
    instance.closeSync();
  }
}
