/**
 * Glue/Hive column types as data: the declared tables' types (`catalog-schema.ts`, `current-state-tables.ts`) parsed,
 * so each engine can spell them its own way (DuckDB: `duckdb-type.ts`) and the local crawler can compare them.
 */

/** A Glue/Hive column type, parsed; `null` is a column seen only as JSON null (the crawler's view). */
export type GlueType =
  | { readonly kind: 'null' | 'string' | 'boolean' | 'int' | 'bigint' | 'double' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'array'; readonly element: GlueType }
  | { readonly kind: 'struct'; readonly fields: ReadonlyMap<string, GlueType> };

/** Raised for a Hive type string this parser does not understand. */
export class HiveTypeError extends Error {
  override readonly name = 'HiveTypeError';
}

const SCALARS = new Set(['string', 'boolean', 'int', 'bigint', 'double']);

/**
 * Parse a Glue/Hive column type as the catalog declares it: scalars, `decimal(p,s)`,
 * `array<T>` and `struct<name:T,...>`, nested to any depth.
 *
 * @param text - e.g. `array<struct<sku:string,quantity:int,unit_price:decimal(12,2)>>`
 * @returns the parsed type
 * @throws {@link HiveTypeError} naming the type and the position it could not read
 * @example
 * ```ts
 * parseHiveType('decimal(12,2)'); //=> { kind: 'decimal', precision: 12, scale: 2 }
 * ```
 */
export function parseHiveType(text: string): GlueType {
  let position = 0;
  const fail = (): never => {
    throw new HiveTypeError(`cannot read Hive type "${text}" at position ${position}`);
  };
  const expect = (token: string): void => {
    if (!text.startsWith(token, position)) fail();
    position += token.length;
  };
  const word = () => {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(position)) ?? fail();
    position += match[0].length;
    return match[0];
  };
  const type = (): GlueType => {
    const name = word().toLowerCase();
    if (SCALARS.has(name)) return { kind: name as 'string' };
    if (name === 'decimal') {
      const match = /^\((\d+),(\d+)\)/.exec(text.slice(position)) ?? fail();
      position += match[0].length;
      return { kind: 'decimal', precision: Number(match[1]), scale: Number(match[2]) };
    }
    if (name === 'array') {
      expect('<');
      const element = type();
      expect('>');
      return { kind: 'array', element };
    }
    if (name !== 'struct') return fail();
    expect('<');
    const fields = new Map<string, GlueType>();
    do {
      const field = word();
      expect(':');
      fields.set(field, type());
    } while (text.startsWith(',', position) && ++position);
    expect('>');
    return { kind: 'struct', fields };
  };
  const parsed = type();
  return position === text.length ? parsed : fail();
}
