/**
 * againstCurrent: the parts of a lake side that make reconcile judge the table against `orders_current`, on any
 * engine: DuckDB over the local merge's database, Athena over the Iceberg tables.
 */
import { CURRENT_TABLE_NAME, MERGE_LOG_TABLE_NAME, TOMBSTONE_TABLE_NAME } from '@sales/pipeline-spec';
import { CURRENT_ITEM_COLUMNS, currentStateDialect } from './current-state-dialect.js';
import type { ComparisonEngine } from './find-drift.js';
import type { LakeSide, LastMerge } from './lake-side.js';
import type { TypedText } from './typed-text.js';

const identifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The current-state tables of a schema (a Glue database, an attached DuckDB database) as relations.
 *
 * @param schema - the schema's name
 * @returns the three tables, qualified and quoted
 * @example
 * ```ts
 * currentStateRelations('sales_dev').current; //=> '"sales_dev"."orders_current"'
 * ```
 */
export function currentStateRelations(schema: string): { current: string; tombstones: string; merges: string } {
  const qualified = (table: string): string => `${identifier(schema)}.${identifier(table)}`;
  return {
    current: qualified(CURRENT_TABLE_NAME),
    tombstones: qualified(TOMBSTONE_TABLE_NAME),
    merges: qualified(MERGE_LOG_TABLE_NAME),
  };
}

/**
 * The lake-side parts for `--against current`: an engine whose dialect reads `orders_current` (and its tombstones)
 * as the lake's rows and prints every value in its declared type; the declared item columns as the only ones judged;
 * and the last merge, read from the merge log.
 *
 * @param engine - the engine, with its own dialect
 * @param typed - how that engine prints typed values
 * @param relations - the current-state tables in the engine's terms
 * @returns the parts to spread into a {@link LakeSide}
 */
export function againstCurrent(
  engine: ComparisonEngine,
  typed: TypedText,
  relations: { current: string; tombstones: string; merges: string },
): Pick<LakeSide, 'against' | 'engine' | 'lakeRows' | 'judgedColumns' | 'lastMerge'> {
  return {
    against: 'current',
    engine: { dialect: currentStateDialect(engine.dialect, typed, relations), query: (sql) => engine.query(sql) },
    lakeRows: () => relations.current,
    judgedColumns: CURRENT_ITEM_COLUMNS,
    lastMerge: async (): Promise<LastMerge | null> => {
      const [row] = await engine.query(
        `SELECT "run_id", "read_until" FROM ${relations.merges} ORDER BY "read_until" DESC LIMIT 1`,
      );
      return row === undefined ? null : { run_id: String(row.run_id), read_until: String(row.read_until) };
    },
  };
}
