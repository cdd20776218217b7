import type { ColumnType } from '../schema/column-type.js';
import { rethrowWithSegment } from './attribute-error.js';
import { attributeType } from './attribute-payload.js';
import { ByteWriter } from './byte-writer.js';
import { columnKey } from './column-name.js';
import type { JsonSink } from './json-sink.js';
import { toJsonNumber } from './number-text.js';
import { objectKeyNames, writeTypedValue } from './write-attribute.js';

// Digit counts of the last text scanPlainDecimal accepted (no allocation per number).
let integerDigits = 0;
let fractionDigits = 0;

/**
 * Whether `text` is a plain decimal (`-12.50`: no exponent, no `+`, no leading zeros), setting
 * {@link integerDigits} and {@link fractionDigits}; scanned without a regex or an allocation.
 */
function scanPlainDecimal(text: string): boolean {
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  integerDigits = i - start;
  if (integerDigits === 0 || (integerDigits > 1 && text.charCodeAt(start) === 48)) return false;
  fractionDigits = 0;
  if (i === text.length) return true;
  if (text.charCodeAt(i) !== 46) return false;
  const point = ++i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  fractionDigits = i - point;
  return fractionDigits > 0 && i === text.length;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function numberConforms(type: ColumnType, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let text = value;
  if (!scanPlainDecimal(text)) {
    // Other spellings DynamoDB accepts (`+7`, `007.50`, `.5`) are written normalised; exponents never conform.
    const normalised = toJsonNumber(value);
    if (normalised === undefined || !scanPlainDecimal(normalised)) return false;
    text = normalised;
  }
  if (type.kind === 'integer') {
    if (fractionDigits !== 0) return false;
    if (integerDigits < type.safeDigits) return true;
    const n = BigInt(text);
    return n >= type.min && n <= type.max;
  }
  if (type.kind !== 'decimal') return false;
  // `0.5` has no integer digit that counts toward the precision (leading zeros were refused above).
  const significantInteger =
    integerDigits === 1 && text.charCodeAt(text.charCodeAt(0) === 45 ? 1 : 0) === 48 ? 0 : integerDigits;
  return fractionDigits <= type.scale && significantInteger <= type.precision - type.scale;
}

function setConforms(element: ColumnType, setType: string, members: unknown): boolean {
  if (!Array.isArray(members)) return false;
  if (setType === 'SS') return element.kind === 'string' && members.every((member) => typeof member === 'string');
  if (setType === 'NS') return members.every((member) => numberConforms(element, member));
  return false;
}

function writeElement(sink: JsonSink, column: ColumnType, av: unknown, segment: string): boolean {
  try {
    const type = attributeType(av);
    return writeConforming(sink, column, type, (av as Record<string, unknown>)[type]);
  } catch (error) {
    return rethrowWithSegment(error, segment);
  }
}

function writeList(sink: JsonSink, element: ColumnType, items: unknown): boolean {
  if (!Array.isArray(items)) return false;
  sink.ascii('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) sink.ascii(',');
    if (!writeElement(sink, element, items[i], String(i))) return false;
  }
  sink.ascii(']');
  return true;
}

/** A map as a struct: every key must be a declared field (named like columns) with a conforming value. */
function writeStruct(sink: JsonSink, fields: ReadonlyMap<string, ColumnType>, map: unknown): boolean {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return false;
  const content = map as Record<string, unknown>;
  const start = sink.mark();
  sink.ascii('{');
  let first = true;
  for (const key in content) {
    const column = columnKey(key);
    if (!column.exact) {
      sink.rewind(start);
      return writeRenamedStruct(sink, fields, content);
    }
    const field = fields.get(key);
    if (field === undefined) return false;
    sink.ascii(column.member, first ? 1 : 0);
    first = false;
    if (!writeElement(sink, field, content[key], key)) return false;
  }
  sink.ascii('}');
  return true;
}

function writeRenamedStruct(
  sink: JsonSink,
  fields: ReadonlyMap<string, ColumnType>,
  content: Record<string, unknown>,
): boolean {
  const keys = Object.keys(content);
  const names = objectKeyNames(content);
  sink.ascii('{');
  for (let i = 0; i < keys.length; i++) {
    const name = names[i] as string;
    const field = fields.get(name);
    if (field === undefined) return false;
    sink.ascii(columnKey(name).member, i === 0 ? 1 : 0);
    if (!writeElement(sink, field, content[keys[i] as string], keys[i] as string)) return false;
  }
  sink.ascii('}');
  return true;
}

/**
 * Write a value into a declared column if Athena's OpenX JSON SerDe reads it back exactly, in the
 * same pass that checks it: no `HIVE_BAD_DATA`, no rounding, no truncation, no primitive where a
 * struct is declared. `NULL` conforms to every type. Writes the same JSON as `writeTypedValue`.
 *
 * @param sink - where to write; on `false` it holds a partial value the caller rewinds
 * @param column - the declared type
 * @param type - the attribute's type key (`S`, `N`, `L`, ...)
 * @param payload - the value under that key
 * @returns whether the value conforms (and was written)
 * @throws AttributeError when the part of the value written so far is malformed
 */
export function writeConforming(sink: JsonSink, column: ColumnType, type: string, payload: unknown): boolean {
  if (type === 'NULL') {
    writeTypedValue(sink, type, payload);
    return true;
  }
  switch (column.kind) {
    case 'string':
      if (type !== 'S' || typeof payload !== 'string') return false;
      break;
    case 'boolean':
      if (type !== 'BOOL' || typeof payload !== 'boolean') return false;
      break;
    case 'integer':
    case 'decimal':
      if (type !== 'N' || !numberConforms(column, payload)) return false;
      break;
    case 'array':
      if (type === 'L') return writeList(sink, column.element, payload);
      if (!setConforms(column.element, type, payload)) return false;
      break;
    case 'struct':
      return type === 'M' && writeStruct(sink, column.fields, payload);
  }
  writeTypedValue(sink, type, payload);
  return true;
}

// Scratch output for valueConforms, created on first use (nothing runs at import).
let scratch: ByteWriter | undefined;

/**
 * Whether a value of DynamoDB type `type` may be written into a column of the declared type:
 * Athena's OpenX JSON SerDe reads it back exactly (the rule the row writer applies). Malformed
 * values do not conform.
 *
 * @param column - the declared type
 * @param type - the attribute's type key (`S`, `N`, `L`, ...)
 * @param payload - the value under that key
 * @returns true when the value may be written into the column as it is
 * @see https://docs.aws.amazon.com/athena/latest/ug/openx-json-serde.html
 * @see https://repost.aws/knowledge-center/athena-hive-bad-data-error
 * @example
 * ```ts
 * valueConforms({ kind: 'decimal', precision: 12, scale: 2 }, 'N', '12.345'); //=> false
 * ```
 */
export function valueConforms(column: ColumnType, type: string, payload: unknown): boolean {
  scratch ??= new ByteWriter(1024);
  scratch.reset();
  try {
    return writeConforming(scratch, column, type, payload);
  } catch {
    return false;
  }
}
