import type { GlueType } from '@sales/pipeline-spec';

const NULL: GlueType = { kind: 'null' };
const STRING: GlueType = { kind: 'string' };
const INT_MAX = 2 ** 31 - 1;
const NUMERIC_RANK = { int: 0, bigint: 1, double: 2 } as const;

/**
 * The type of one JSON value: objects are structs, arrays are arrays of the merged element type,
 * integers are `int` when they fit 32 bits else `bigint`, other numbers `double`.
 *
 * @param value - a parsed JSON value
 * @returns its type; `null` for JSON null (it says nothing about the column)
 */
export function inferGlueType(value: unknown): GlueType {
  if (value === null || value === undefined) return NULL;
  if (typeof value === 'string') return STRING;
  if (typeof value === 'boolean') return { kind: 'boolean' };
  if (typeof value === 'number')
    return Number.isInteger(value) ? { kind: Math.abs(value) <= INT_MAX ? 'int' : 'bigint' } : { kind: 'double' };
  if (Array.isArray(value)) return { kind: 'array', element: value.map(inferGlueType).reduce(mergeGlueTypes, NULL) };
  return {
    kind: 'struct',
    fields: new Map(
      Object.entries(value as Record<string, unknown>).map(([name, field]) => [name, inferGlueType(field)]),
    ),
  };
}

/**
 * Merge the types seen for one column: null gives way to anything, numbers widen
 * (int -> bigint -> double), structs take the union of their fields, and anything else that
 * disagrees becomes `string`, as the crawler does for a conflicting column.
 *
 * @param a - the type so far
 * @param b - the type of another value
 * @returns the merged type
 */
export function mergeGlueTypes(a: GlueType, b: GlueType): GlueType {
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  if (a.kind in NUMERIC_RANK && b.kind in NUMERIC_RANK) {
    const rank = (t: GlueType) => NUMERIC_RANK[t.kind as keyof typeof NUMERIC_RANK];
    return rank(a) >= rank(b) ? a : b;
  }
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', element: mergeGlueTypes(a.element, b.element) };
  if (a.kind === 'struct' && b.kind === 'struct') {
    const fields = new Map(a.fields);
    for (const [name, type] of b.fields) fields.set(name, mergeGlueTypes(fields.get(name) ?? NULL, type));
    return { kind: 'struct', fields };
  }
  return a.kind === b.kind ? a : STRING;
}

/**
 * Render a type in Glue/Hive DDL notation; a column seen only as null is `string`.
 *
 * @param type - the type
 * @returns e.g. `array<struct<sku:string,quantity:int>>`
 * @example
 * ```ts
 * renderGlueType(inferGlueType([{ sku: 'A', quantity: 2 }])); //=> 'array<struct<sku:string,quantity:int>>'
 * ```
 */
export function renderGlueType(type: GlueType): string {
  if (type.kind === 'array') return `array<${renderGlueType(type.element)}>`;
  if (type.kind === 'struct')
    return `struct<${[...type.fields].map(([name, field]) => `${name}:${renderGlueType(field)}`).join(',')}>`;
  if (type.kind === 'decimal') return `decimal(${type.precision},${type.scale})`;
  return type.kind === 'null' ? 'string' : type.kind;
}
