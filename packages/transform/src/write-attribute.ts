import { attributeType, base64Json, numberJson, renamedObjectJson, setJson } from './attribute-json.js';
import { AttributeError, rethrowWithSegment } from './attribute-error.js';
import type { ByteWriter } from './byte-writer.js';
import { keyColumn } from './member-prefix.js';
import { describeValue } from './parsed.js';

function writeList(writer: ByteWriter, value: unknown): void {
  if (!Array.isArray(value)) throw new AttributeError('malformed-attribute-value', `L must be an array, received ${describeValue(value)}`);
  writer.ascii('[');
  for (let i = 0; i < value.length; i++) {
    if (i > 0) writer.ascii(',');
    try {
      writeAttribute(writer, value[i]);
    } catch (error) {
      rethrowWithSegment(error, String(i));
    }
  }
  writer.ascii(']');
}

function writeObject(writer: ByteWriter, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AttributeError('malformed-attribute-value', `M must be an object, received ${describeValue(value)}`);
  }
  const map = value as Record<string, unknown>;
  const start = writer.length;
  writer.ascii('{');
  let first = true;
  for (const key in map) {
    const column = keyColumn(key);
    if (!column.exact) {
      // Renamed keys may collide: rewrite this object through the resolving string path.
      writer.length = start;
      writer.raw(renamedObjectJson(map));
      return;
    }
    writer.ascii(column.prefix, first ? 1 : 0);
    first = false;
    try {
      writeAttribute(writer, map[key]);
    } catch (error) {
      rethrowWithSegment(error, key);
    }
  }
  writer.ascii('}');
}

/**
 * Write the payload of an attribute value of a known type as JSON bytes: the same text
 * `typedValueToJson` returns, without building it as a string.
 *
 * @param writer - where to append
 * @param type - the attribute's type key
 * @param value - the value under that key
 * @throws AttributeError when the value does not match its type
 */
export function writeTypedValue(writer: ByteWriter, type: string, value: unknown): void {
  switch (type) {
    case 'S':
      if (typeof value !== 'string') throw new AttributeError('malformed-attribute-value', `S must be a string, received ${describeValue(value)}`);
      writer.jsonString(value);
      return;
    case 'N':
      writer.ascii(numberJson(value));
      return;
    case 'BOOL':
      if (typeof value !== 'boolean') throw new AttributeError('malformed-attribute-value', `BOOL must be true or false, received ${describeValue(value)}`);
      writer.ascii(value ? 'true' : 'false');
      return;
    case 'NULL':
      if (value !== true) throw new AttributeError('malformed-attribute-value', `NULL must be true, received ${describeValue(value)}`);
      writer.ascii('null');
      return;
    case 'B':
      writer.ascii(base64Json(value));
      return;
    case 'M':
      writeObject(writer, value);
      return;
    case 'L':
      writeList(writer, value);
      return;
    case 'SS':
    case 'NS':
    case 'BS':
      writer.raw(setJson(type, value));
      return;
    default:
      throw new AttributeError('unknown-attribute-type', `unknown attribute type ${JSON.stringify(type)}; expected S, N, B, BOOL, NULL, M, L, SS, NS or BS`);
  }
}

/**
 * Write one DynamoDB attribute value as JSON bytes (see `attributeToJson`).
 *
 * @param writer - where to append
 * @param av - the attribute value
 * @throws AttributeError when `av` is not valid DynamoDB JSON
 */
export function writeAttribute(writer: ByteWriter, av: unknown): void {
  const type = attributeType(av);
  writeTypedValue(writer, type, (av as Record<string, unknown>)[type]);
}
