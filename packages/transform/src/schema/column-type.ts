import { SchemaError } from './schema-error.js';

/**
 * A declared column type, parsed from its Hive type text (`int`, `decimal(12,2)`,
 * `array<struct<sku:string,quantity:int>>`). Only the types whose OpenX JSON SerDe read of a
 * DynamoDB value can be checked exactly are supported; `double`, `float`, `map`, `date` and
 * `timestamp` are refused when the schema is built, not guessed at.
 */
export type ColumnType =
  | { readonly kind: 'string' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer'; readonly min: bigint; readonly max: bigint; readonly safeDigits: number }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'array'; readonly element: ColumnType }
  | { readonly kind: 'struct'; readonly fields: ReadonlyMap<string, ColumnType> };

/** Hive integer types and their two's-complement ranges. @see https://docs.aws.amazon.com/athena/latest/ug/data-types.html */
const INTEGER_BITS: Readonly<Record<string, bigint>> = {
  tinyint: 8n,
  smallint: 16n,
  int: 32n,
  integer: 32n,
  bigint: 64n,
};

/** Athena's largest decimal precision. */
const MAX_PRECISION = 38;

class Reader {
  at = 0;
  constructor(readonly text: string) {}
  peek(): string {
    return this.text[this.at] ?? '';
  }
  expect(char: string): void {
    if (this.text[this.at] !== char) throw this.error(`expected "${char}"`);
    this.at++;
  }
  word(): string {
    const match = /^[A-Za-z0-9_]+/.exec(this.text.slice(this.at));
    if (match === null) throw this.error('expected a name');
    this.at += match[0].length;
    return match[0];
  }
  error(what: string): SchemaError {
    return new SchemaError(`column type "${this.text}" is not a supported Hive type: ${what} at character ${this.at}`);
  }
}

function readType(reader: Reader): ColumnType {
  const name = reader.word().toLowerCase();
  if (name === 'string' || name === 'varchar' || name === 'char') return { kind: 'string' };
  if (name === 'boolean') return { kind: 'boolean' };
  const bits = INTEGER_BITS[name];
  if (bits !== undefined) {
    const max = 2n ** (bits - 1n) - 1n;
    // Integers with fewer digits than the maximum are in range without a BigInt comparison.
    return { kind: 'integer', min: -max - 1n, max, safeDigits: String(max).length };
  }
  if (name === 'decimal') return readDecimal(reader);
  if (name === 'array') {
    reader.expect('<');
    const element = readType(reader);
    reader.expect('>');
    return { kind: 'array', element };
  }
  if (name === 'struct') return readStruct(reader);
  throw reader.error(
    `"${name}" cannot be checked exactly (supported: string, boolean, tinyint, smallint, int, bigint, decimal(p,s), array<…>, struct<…>)`,
  );
}

/** `decimal` alone is Hive's `decimal(10,0)`. */
function readDecimal(reader: Reader): ColumnType {
  if (reader.peek() !== '(') return { kind: 'decimal', precision: 10, scale: 0 };
  reader.expect('(');
  const precision = Number(reader.word());
  reader.expect(',');
  const scale = Number(reader.word());
  reader.expect(')');
  if (
    !Number.isInteger(precision) ||
    precision < 1 ||
    precision > MAX_PRECISION ||
    !Number.isInteger(scale) ||
    scale < 0 ||
    scale > precision
  ) {
    throw reader.error(`decimal precision must be 1 to ${MAX_PRECISION} and scale 0 to the precision`);
  }
  return { kind: 'decimal', precision, scale };
}

function readStruct(reader: Reader): ColumnType {
  reader.expect('<');
  const fields = new Map<string, ColumnType>();
  for (;;) {
    const field = reader.word().toLowerCase();
    reader.expect(':');
    if (fields.has(field)) throw reader.error(`duplicate struct field "${field}"`);
    fields.set(field, readType(reader));
    if (reader.peek() !== ',') break;
    reader.expect(',');
  }
  reader.expect('>');
  return { kind: 'struct', fields };
}

/**
 * Parse a Hive column type as Glue stores it.
 *
 * @param text - the type, e.g. `decimal(12,2)` or `array<struct<sku:string,quantity:int>>`
 * @returns the parsed type
 * @throws SchemaError when the text is not a type the conformance check supports
 * @see https://docs.aws.amazon.com/athena/latest/ug/data-types.html
 * @example
 * ```ts
 * parseColumnType('decimal(12,2)'); //=> { kind: 'decimal', precision: 12, scale: 2 }
 * ```
 */
export function parseColumnType(text: string): ColumnType {
  const reader = new Reader(text.replace(/\s+/g, ''));
  const type = readType(reader);
  if (reader.at !== reader.text.length) throw reader.error('unexpected text');
  return type;
}
