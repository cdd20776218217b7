import type { GlueColumn } from '../lake/catalog-schema';

/**
 * Athena's encoding of a view in the Glue Data Catalog, so the stack can declare a view as a Glue table
 * (`TableType` `VIRTUAL_VIEW`) without running `CREATE VIEW`. Athena stores `ViewOriginalText` as
 * `/* Presto View: <base64 of a JSON definition> *\/` and `ViewExpandedText` as `/* Presto View *\/`; the definition
 * holds the SQL, the catalog and schema it resolves names in, and the output columns with their Trino types. Athena
 * compares those columns with what the SQL returns and calls the view stale when they differ.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/views.html
 * @see https://github.com/hashicorp/terraform-provider-aws/issues/17363
 */

/** `ViewExpandedText` of every Athena view. */
export const PRESTO_VIEW_EXPANDED_TEXT = '/* Presto View */';

/** Table parameters Athena sets on the views it creates. */
export const PRESTO_VIEW_PARAMETERS: Readonly<Record<string, string>> = { presto_view: 'true', comment: 'Presto View' };

const SCALARS: Readonly<Record<string, string>> = {
  string: 'varchar',
  int: 'integer',
  integer: 'integer',
  tinyint: 'tinyint',
  smallint: 'smallint',
  bigint: 'bigint',
  boolean: 'boolean',
  float: 'real',
  double: 'double',
  date: 'date',
  timestamp: 'timestamp(3)',
  binary: 'varbinary',
};

/** Split `a:int,b:struct<c:int,d:string>` at the commas of the top level. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '<' || char === '(') depth += 1;
    else if (char === '>' || char === ')') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  return [...parts, text.slice(start)];
}

/**
 * A Hive (Glue) column type in Trino's spelling, as Athena writes it into a view definition.
 *
 * @param hiveType - e.g. `array<struct<sku:string,quantity:int>>`
 * @returns e.g. `array(row(sku varchar, quantity integer))`
 * @throws Error for a type this mapping does not know, naming it
 * @see https://docs.aws.amazon.com/athena/latest/ug/data-types.html
 * @example
 * ```ts
 * trinoType('decimal(12,2)'); //=> 'decimal(12,2)'
 * trinoType('array<struct<sku:string,quantity:int>>'); //=> 'array(row(sku varchar, quantity integer))'
 * ```
 */
export function trinoType(hiveType: string): string {
  const type = hiveType.trim();
  const scalar = SCALARS[type.toLowerCase()];
  if (scalar !== undefined) return scalar;
  if (/^(decimal|char|varchar)\(\s*\d+(\s*,\s*\d+)?\s*\)$/i.test(type)) return type.toLowerCase().replace(/\s+/g, '');
  const nested = /^(array|map|struct)<(.*)>$/i.exec(type);
  if (nested === null) throw new Error(`no Trino type for the Hive type "${hiveType}"`);
  const [, kind, inner] = nested as unknown as [string, string, string];
  const parts = splitTopLevel(inner);
  if (kind.toLowerCase() === 'array') return `array(${trinoType(inner)})`;
  if (kind.toLowerCase() === 'map') return `map(${parts.map(trinoType).join(', ')})`;
  const fields = parts.map((field) => {
    const colon = field.indexOf(':');
    return `${field.slice(0, colon).trim()} ${trinoType(field.slice(colon + 1))}`;
  });
  return `row(${fields.join(', ')})`;
}

/** What Athena needs to run a view stored in Glue. */
export interface PrestoView {
  /** The view's `SELECT`, in Athena's dialect. */
  readonly sql: string;
  /** The Glue database its unqualified names resolve in. */
  readonly database: string;
  /** Its output columns, with their Hive types. */
  readonly columns: readonly GlueColumn[];
}

/**
 * `ViewOriginalText` of a view: the JSON definition Athena writes for `CREATE VIEW`, base64-encoded in a comment.
 * Deterministic: the same view gives the same text, byte for byte, so a plan shows no change until the view does.
 *
 * @param view - the SQL, database and columns
 * @returns `/* Presto View: <base64> *\/`
 * @example
 * ```ts
 * prestoViewOriginalText({ sql: 'SELECT 1 AS x', database: 'sales_dev', columns: [{ name: 'x', type: 'int' }] });
 * //=> '/* Presto View: eyJvcmlnaW5hbFNxbCI6IlNFTEVDVCAxIEFTIHgiLC... *\/'
 * ```
 */
export function prestoViewOriginalText(view: PrestoView): string {
  const definition = {
    originalSql: view.sql,
    catalog: 'awsdatacatalog',
    schema: view.database,
    columns: view.columns.map((column) => ({ name: column.name, type: trinoType(column.type) })),
  };
  return `/* Presto View: ${Buffer.from(JSON.stringify(definition), 'utf8').toString('base64')} */`;
}
