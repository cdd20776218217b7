/**
 * Where the Athena engine finds the two sides: the Glue tables `reconcile-tables.ts` (in `@sales/pipeline-spec`)
 * names, written as relations the dialect's `rowSource` and `memberNames` read the `json` column of.
 */
import { CHANGE_LINES_TABLE, RECONCILE_ROWS_TABLE, RECONCILE_RUN_COLUMN, ROW_LINE_COLUMN } from '@sales/pipeline-spec';

const identifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * The lake's change rows: the unpartitioned text table over `sales/`, qualified by its database.
 *
 * @param database - The Glue database (stack output `glue_database`).
 * @returns e.g. `"sales_dev"."order_change_lines"`
 * @example
 * ```ts
 * changeLinesRelation('sales_dev'); //=> '"sales_dev"."order_change_lines"'
 * ```
 */
export function changeLinesRelation(database: string): string {
  return `${identifier(database)}.${identifier(CHANGE_LINES_TABLE)}`;
}

/**
 * One scratch folder's rows: the `reconcile_rows` partition of the run id, as a subquery. The equality on the
 * partition column sits on the table itself, as the `injected` projection requires, so Athena reads that one folder.
 *
 * @param database - The Glue database.
 * @param runId - The partition value (the folder under `reconcile/`).
 * @returns A parenthesized SELECT of the `json` column.
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-dynamic-id-partitioning.html
 * @example
 * ```ts
 * scratchRowsRelation('sales_dev', 'r-1-table');
 * //=> `(SELECT "json" FROM "sales_dev"."reconcile_rows" WHERE "run" = 'r-1-table')`
 * ```
 */
export function scratchRowsRelation(database: string, runId: string): string {
  return (
    `(SELECT ${identifier(ROW_LINE_COLUMN)} FROM ${identifier(database)}.${identifier(RECONCILE_ROWS_TABLE)} ` +
    `WHERE ${identifier(RECONCILE_RUN_COLUMN)} = ${literal(runId)})`
  );
}
