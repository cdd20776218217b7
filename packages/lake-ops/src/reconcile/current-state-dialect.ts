/**
 * currentStateDialect: reconcile's comparison run against `orders_current` instead of the change log. The comparison
 * itself (`comparison-sql.ts`) is unchanged: only where its rows come from and how their values are printed differ.
 */
import { CURRENT_COLUMNS } from '@sales/pipeline-spec';
import { itemColumns } from './comparison-sql.js';
import type { SqlDialect } from './sql-dialect.js';
import type { TypedText } from './typed-text.js';

/** The current-state tables, as the engine names them. */
export interface CurrentStateRelations {
  /** `orders_current`: one row per live order. */
  readonly current: string;
  /** `orders_current_tombstones`: the sort key of each recent remove. */
  readonly tombstones: string;
}

const identifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The declared type of each compared column of `orders_current`. */
const CURRENT_TYPES: ReadonlyMap<string, string> = new Map(CURRENT_COLUMNS.map((column) => [column.name, column.type]));

/**
 * The item columns `orders_current` holds: its declared columns but the key and the `cdc_` ones. A table column
 * outside them is not judged against it (the caller says so).
 *
 * @example
 * ```ts
 * CURRENT_ITEM_COLUMNS.includes('total'); //=> true
 * ```
 */
export const CURRENT_ITEM_COLUMNS: readonly string[] = itemColumns(CURRENT_COLUMNS.map((column) => column.name));

function typeOf(column: string): string {
  const type = CURRENT_TYPES.get(column);
  if (type === undefined) throw new Error(`column ${column} is not a column of orders_current`);
  return type;
}

/**
 * A dialect whose row sources compare the table with `orders_current`:
 * - the location `relations.current` is `orders_current` (its rows `cdc_operation` `current`) with the tombstones as
 *   `remove` rows, so a key removed after the table was read is fenced like a remove in the change log;
 * - any other location (the table's rows, the re-read rows) is read through the base dialect, each value then read as
 *   its declared type;
 * - every value is printed by `typed` from its declared type, so both sides print alike.
 *
 * Its `memberNames` is the base dialect's: the caller takes `orders_current`'s columns from its declaration
 * ({@link CURRENT_ITEM_COLUMNS}) instead of asking the engine.
 *
 * @param base - the engine's dialect
 * @param typed - the engine's typed printing
 * @param relations - the current-state tables in the engine's terms
 * @returns the dialect
 * @example
 * ```ts
 * const dialect = currentStateDialect(DUCKDB_DIALECT, DUCKDB_TYPED_TEXT, { current: '"c"."orders_current"', tombstones: '"c"."orders_current_tombstones"' });
 * ```
 */
export function currentStateDialect(base: SqlDialect, typed: TypedText, relations: CurrentStateRelations): SqlDialect {
  const keys = `${identifier('order_id')}, CAST(${identifier('cdc_sort_key')} AS VARCHAR) AS ${identifier('cdc_sort_key')}`;
  return {
    ...base,
    rowSource: (location, columns) => {
      if (location !== relations.current) {
        const values = columns.map((c) => `${typed.ofJson(identifier(c), typeOf(c))} AS ${identifier(c)}`);
        return `(SELECT ${['"order_id"', '"cdc_sort_key"', '"cdc_operation"', ...values].join(', ')} FROM ${base.rowSource(location, columns)} AS "table_rows")`;
      }
      const current = columns.map((c) => `${typed.ofColumn(identifier(c), typeOf(c))} AS ${identifier(c)}`);
      const removed = columns.map((c) => `CAST(NULL AS VARCHAR) AS ${identifier(c)}`);
      return (
        `(SELECT ${[keys, `'current' AS "cdc_operation"`, ...current].join(', ')} FROM ${relations.current} ` +
        `UNION ALL SELECT ${[keys, `'remove' AS "cdc_operation"`, ...removed].join(', ')} FROM ${relations.tombstones})`
      );
    },
  };
}
