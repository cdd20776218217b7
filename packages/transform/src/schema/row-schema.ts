import { parseColumnType, type ColumnType } from './column-type.js';
import { SchemaError } from './schema-error.js';

/** One declared column, as the Glue table declares it. */
export interface SchemaColumn {
  /** Column name: lower snake_case, at most 255 characters. */
  readonly name: string;
  /** Hive type, e.g. `string`, `bigint`, `decimal(12,2)`, `array<struct<sku:string>>`. */
  readonly type: string;
}

/**
 * A declared table schema, built once by {@link createRowSchema} and given to the handler
 * (`createHandler({ schema })`) or to `transformFirehoseEvent`/`toRow`. With it, every row
 * conforms: see {@link createRowSchema}.
 */
export interface RowSchema {
  /** Declared column types by column name. */
  readonly columns: ReadonlyMap<string, ColumnType>;
}

/** Athena and Glue column names: lower-case letters, digits and `_`, at most 255 characters. */
const COLUMN_NAME = /^[a-z0-9_]{1,255}$/;

/**
 * Build the schema rows must conform to, from the Glue table's columns.
 *
 * With a schema, a value is written into a declared column only if Athena's OpenX JSON SerDe
 * reads it back exactly: `tinyint`/`smallint`/`int`/`bigint` take integral `N` values within
 * range; `decimal(p,s)` takes `N` values with at most `s` fraction digits and `p - s` integer
 * digits (no rounding, no exponent); `boolean` takes `BOOL`; `string` takes `S`; `array<T>` takes
 * a list (or `SS`/`NS`) whose every element conforms to `T`; `struct<…>` takes a map whose every
 * key is a declared field with a conforming value. `NULL` conforms to every type. Any other value
 * is written as `null` in its column and kept, as DynamoDB JSON, in the row's `cdc_rejected`
 * column (JSON text of `{ "<column>": <attribute value> }`).
 *
 * Columns the schema does not declare are always strings, so no first sighting can fix another
 * type: `S` and `B` as they are, `N` as its exact digits, `BOOL` as `"true"`/`"false"`, lists,
 * sets and empty maps as their JSON text. Declare a column to give it a type.
 *
 * @param columns - the table's columns (partition columns excluded)
 * @returns the compiled schema
 * @throws SchemaError for a name Athena refuses, a duplicate name, or an unsupported type
 * @see https://docs.aws.amazon.com/athena/latest/ug/openx-json-serde.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html
 * @example
 * ```ts
 * const schema = createRowSchema([{ name: 'total', type: 'decimal(12,2)' }]);
 * schema.columns.get('total'); //=> { kind: 'decimal', precision: 12, scale: 2 }
 * ```
 */
export function createRowSchema(columns: readonly SchemaColumn[]): RowSchema {
  const types = new Map<string, ColumnType>();
  for (const column of columns) {
    if (!COLUMN_NAME.test(column.name)) {
      throw new SchemaError(
        `column name must be 1 to 255 lower-case letters, digits or "_", received ${JSON.stringify(column.name)}`,
      );
    }
    if (types.has(column.name)) throw new SchemaError(`column "${column.name}" is declared twice`);
    types.set(column.name, parseColumnType(column.type));
  }
  return { columns: types };
}
