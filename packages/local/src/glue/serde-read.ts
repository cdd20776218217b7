/**
 * How Athena's OpenX JSON SerDe reads one value of a row, and the type the Glue crawler infers from it.
 */
import type { GlueType } from '@sales/pipeline-spec';
import { mergeGlueTypes, renderGlueType } from './glue-types.js';
import { JsonNumber, RawObject, type RawJson } from './raw-json.js';

/**
 * Athena's OpenX JSON SerDe, as strict as it is, applied to one value: returns why the value would
 * fail the query (`HIVE_BAD_DATA`, "Primitive can not be coerced to a ROW") or change silently on
 * read (rounding, truncation, a coerced scalar, a struct field the table does not have), or
 * undefined when Athena reads it back exactly.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/openx-json-serde.html
 * @see https://repost.aws/knowledge-center/athena-hive-bad-data-error
 * @see https://docs.aws.amazon.com/athena/latest/ug/data-types.html
 */
export function readProblem(type: GlueType, value: RawJson): string | undefined {
  if (value === null || type.kind === 'null') return undefined;
  const shown = describe(value);
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? undefined : `${shown} in a string column (the SerDe would coerce it)`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${shown} in a boolean column`;
    case 'int':
    case 'bigint':
      return integerProblem(type.kind, value, shown);
    case 'double':
      return value instanceof JsonNumber ? undefined : `${shown} in a double column`;
    case 'decimal':
      return decimalProblem(type.precision, type.scale, value, shown);
    case 'array':
      if (!Array.isArray(value)) return `${shown} where the table declares ${renderGlueType(type)}`;
      for (let i = 0; i < value.length; i++) {
        const problem = readProblem(type.element, value[i] as RawJson);
        if (problem !== undefined) return `[${i}]: ${problem}`;
      }
      return undefined;
    case 'struct':
      if (!(value instanceof RawObject))
        return `${shown}: Primitive can not be coerced to a ROW (${renderGlueType(type)})`;
      for (const [key, field] of value.members) {
        const fieldType = type.fields.get(key.toLowerCase());
        if (fieldType === undefined)
          return `.${key}: not a field of ${renderGlueType(type)} (Athena would drop it silently)`;
        const problem = readProblem(fieldType, field);
        if (problem !== undefined) return `.${key}: ${problem}`;
      }
      return duplicateKey(value);
  }
}

const INT_RANGE = { int: [-(2n ** 31n), 2n ** 31n - 1n], bigint: [-(2n ** 63n), 2n ** 63n - 1n] } as const;

function integerProblem(kind: 'int' | 'bigint', value: RawJson, shown: string): string | undefined {
  if (!(value instanceof JsonNumber) || !/^-?\d+$/.test(value.text))
    return `${shown} in an ${kind} column (HIVE_BAD_DATA)`;
  const [min, max] = INT_RANGE[kind];
  const n = BigInt(value.text);
  return n >= min && n <= max ? undefined : `${shown} is out of ${kind} range (HIVE_BAD_DATA)`;
}

function decimalProblem(precision: number, scale: number, value: RawJson, shown: string): string | undefined {
  const match = value instanceof JsonNumber ? /^-?(\d+)(?:\.(\d+))?$/.exec(value.text) : null;
  if (match === null) return `${shown} in a decimal(${precision},${scale}) column`;
  const integerDigits = (match[1] as string).replace(/^0+/, '').length;
  const fractionDigits = match[2]?.length ?? 0;
  if (fractionDigits > scale)
    return `${shown} has ${fractionDigits} fraction digits, decimal(${precision},${scale}) rounds to ${scale}`;
  if (integerDigits > precision - scale)
    return `${shown} has ${integerDigits} integer digits, decimal(${precision},${scale}) holds ${precision - scale} (read as NULL)`;
  return undefined;
}

/**
 * A key an object holds twice ignoring case, as the SerDe (which lower-cases keys) refuses it.
 *
 * @param object - a raw JSON object
 * @returns why, or undefined without a duplicate
 */
export function duplicateKey(object: RawObject): string | undefined {
  const seen = new Set<string>();
  for (const [key] of object.members) {
    const lower = key.toLowerCase();
    if (seen.has(lower)) return `duplicate key "${key}" (the SerDe lower-cases keys: "Duplicate key")`;
    seen.add(lower);
  }
  return undefined;
}

function describe(value: RawJson): string {
  if (value instanceof JsonNumber) return `number ${value.text}`;
  if (value instanceof RawObject) return 'an object';
  if (Array.isArray(value)) return 'an array';
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}

/**
 * The type the Glue crawler's JSON classifier infers from one value, from its text: integers that
 * fit 32 bits are `int`, other integers `bigint` (even beyond 64 bits), other numbers `double`.
 *
 * @param value - a raw JSON value
 * @returns its type (`null` for JSON null: it fixes nothing)
 */
export function sightedType(value: RawJson): GlueType {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'string') return { kind: 'string' };
  if (typeof value === 'boolean') return { kind: 'boolean' };
  if (value instanceof JsonNumber) {
    if (!/^-?\d+$/.test(value.text)) return { kind: 'double' };
    const n = BigInt(value.text);
    return { kind: n >= -(2n ** 31n) && n < 2n ** 31n ? 'int' : 'bigint' };
  }
  if (Array.isArray(value))
    return { kind: 'array', element: value.map(sightedType).reduce(mergeGlueTypes, { kind: 'null' }) };
  return {
    kind: 'struct',
    fields: new Map(value.members.map(([key, field]) => [key.toLowerCase(), sightedType(field)])),
  };
}
