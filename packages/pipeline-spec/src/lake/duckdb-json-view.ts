import { toDuckDbType } from './duckdb-type';
import type { GlueType } from './hive-type';

/** A view over the lake's GZIP JSON-lines objects, as a Glue table over them reads it. */
export interface LakeJsonView {
  /** The view's name, unquoted (e.g. `order_changes`). */
  readonly name: string;
  /** `CREATE OR REPLACE TEMP VIEW` when true (a view of one connection), else a plain view. */
  readonly temporary: boolean;
  /** The objects, e.g. `/repo/.local/sales/**\/*.json.gz`. */
  readonly dataGlob: string;
  /** The data columns with their Glue types, in table order. */
  readonly columns: readonly { readonly name: string; readonly type: GlueType }[];
  /** The Hive partition columns, after the data columns (read as strings). */
  readonly partitionKeys: readonly string[];
}

const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The one DuckDB spelling of "the lake as Athena reads it": `read_json` over GZIP JSON lines with the columns typed
 * as declared ({@link toDuckDbType}), plus the Hive partition columns as strings (`hive_types_autocast = false`, as
 * Glue declares them). Used by the local Athena (`@sales/local`) and the local merge's change log (`@sales/lake-ops`).
 *
 * @param view - name, glob, columns, partition keys
 * @returns one `CREATE OR REPLACE [TEMP] VIEW` statement
 * @see https://duckdb.org/docs/stable/data/json/loading_json
 * @see https://duckdb.org/docs/stable/data/partitioning/hive_partitioning
 * @example
 * ```ts
 * lakeJsonViewSql({ name: 'order_changes', temporary: false, dataGlob: '/l/sales/**\/*.json.gz',
 *   columns: [{ name: 'order_id', type: { kind: 'string' } }], partitionKeys: ['dt'] });
 * //=> `CREATE OR REPLACE VIEW "order_changes" AS SELECT "order_id", "dt" FROM read_json('/l/sales/**\/*.json.gz', …)`
 * ```
 */
export function lakeJsonViewSql(view: LakeJsonView): string {
  const declared = view.columns.map((column) => `${literal(column.name)}: ${literal(toDuckDbType(column.type))}`);
  const select = [...view.columns.map((column) => column.name), ...view.partitionKeys].map(identifier).join(', ');
  return (
    `CREATE OR REPLACE ${view.temporary ? 'TEMP ' : ''}VIEW ${identifier(view.name)} AS SELECT ${select} ` +
    `FROM read_json(${literal(view.dataGlob)}, format = 'newline_delimited', compression = 'gzip', ` +
    `hive_partitioning = true, hive_types_autocast = false, columns = {${declared.join(', ')}})`
  );
}
