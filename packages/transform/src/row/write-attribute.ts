import { AttributeError, rethrowWithSegment } from './attribute-error.js';
import { attributeType, base64Text, numberJson } from './attribute-payload.js';
import { columnKey } from './column-name.js';
import type { JsonSink } from './json-sink.js';
import { describeValue } from '../shared/parsed.js';
import { resolveColumnNames } from './resolve-collisions.js';
import { writeSet } from './write-set.js';

const NO_RESERVED: ReadonlySet<string> = new Set();

function writeList(sink: JsonSink, value: unknown): void {
  if (!Array.isArray(value))
    throw new AttributeError('malformed-attribute-value', `L must be an array, received ${describeValue(value)}`);
  sink.ascii('[');
  for (let i = 0; i < value.length; i++) {
    if (i > 0) sink.ascii(',');
    try {
      writeAttribute(sink, value[i]);
    } catch (error) {
      rethrowWithSegment(error, String(i));
    }
  }
  sink.ascii(']');
}

/**
 * A map inside a list becomes a JSON object whose keys get the same snake_case names as columns,
 * in the map's order. Keys that already are snake_case (the usual case) are written in one pass;
 * when one is not, the object is rewritten with names resolved like columns (the exact name
 * keeps it, the others get `_2`, `_3`, ...), so renamed keys cannot collide.
 */
function writeObject(sink: JsonSink, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AttributeError('malformed-attribute-value', `M must be an object, received ${describeValue(value)}`);
  }
  const map = value as Record<string, unknown>;
  const start = sink.mark();
  sink.ascii('{');
  let first = true;
  for (const key in map) {
    const column = columnKey(key);
    if (!column.exact) {
      sink.rewind(start);
      writeRenamedObject(sink, map);
      return;
    }
    sink.ascii(column.member, first ? 1 : 0);
    first = false;
    writeMember(sink, key, map[key]);
  }
  sink.ascii('}');
}

/**
 * The JSON keys a map inside a list is written with: each key's column name, resolved like
 * columns when two meet (the exact name keeps it, the others get `_2`, `_3`, ...).
 *
 * @param map - the map's content
 * @returns names, index-aligned with `Object.keys(map)`
 * @example
 * ```ts
 * objectKeyNames({ customerId: { S: 'a' }, customer_id: { S: 'b' } }); //=> ['customer_id_2', 'customer_id']
 * ```
 */
export function objectKeyNames(map: Record<string, unknown>): string[] {
  return resolveColumnNames(
    Object.keys(map).map((key) => ({ name: columnKey(key).name, path: [key] })),
    NO_RESERVED,
  );
}

function writeRenamedObject(sink: JsonSink, map: Record<string, unknown>): void {
  const keys = Object.keys(map);
  const names = objectKeyNames(map);
  sink.ascii('{');
  keys.forEach((key, i) => {
    sink.ascii(columnKey(names[i] as string).member, i === 0 ? 1 : 0);
    writeMember(sink, key, map[key]);
  });
  sink.ascii('}');
}

function writeMember(sink: JsonSink, key: string, av: unknown): void {
  try {
    writeAttribute(sink, av);
  } catch (error) {
    rethrowWithSegment(error, key);
  }
}

/**
 * Write the payload of an attribute value of a known type as JSON: `S` -> string, `N` -> number
 * with the stored digits, `B` -> base64 string, `BOOL` -> boolean, `NULL` -> null, `M` -> object
 * (snake_case keys), `L` -> array, `SS`/`NS`/`BS` -> sorted array. The one recursion behind both
 * the handler's bytes and `toRow`'s strings.
 *
 * @param sink - where to write
 * @param type - the attribute's type key, from {@link attributeType}
 * @param value - the value under that key
 * @throws AttributeError when the value does not match its type; its path names the nested member
 * @example
 * ```ts
 * const sink = new ByteWriter();
 * writeTypedValue(sink, 'L', [{ N: '+1.50' }, { SS: ['b', 'a'] }]);
 * sink.toString(); //=> '[1.50,["a","b"]]'
 * ```
 */
export function writeTypedValue(sink: JsonSink, type: string, value: unknown): void {
  switch (type) {
    case 'S':
      if (typeof value !== 'string')
        throw new AttributeError('malformed-attribute-value', `S must be a string, received ${describeValue(value)}`);
      sink.jsonString(value);
      return;
    case 'N':
      sink.ascii(numberJson(value));
      return;
    case 'BOOL':
      if (typeof value !== 'boolean')
        throw new AttributeError(
          'malformed-attribute-value',
          `BOOL must be true or false, received ${describeValue(value)}`,
        );
      sink.ascii(value ? 'true' : 'false');
      return;
    case 'NULL':
      if (value !== true)
        throw new AttributeError('malformed-attribute-value', `NULL must be true, received ${describeValue(value)}`);
      sink.ascii('null');
      return;
    case 'B':
      sink.ascii('"');
      sink.ascii(base64Text(value));
      sink.ascii('"');
      return;
    case 'M':
      writeObject(sink, value);
      return;
    case 'L':
      writeList(sink, value);
      return;
    case 'SS':
    case 'NS':
    case 'BS':
      writeSet(sink, type, value);
      return;
    default:
      throw new AttributeError(
        'unknown-attribute-type',
        `unknown attribute type ${JSON.stringify(type)}; expected S, N, B, BOOL, NULL, M, L, SS, NS or BS`,
      );
  }
}

/**
 * Write one DynamoDB attribute value as JSON (see {@link writeTypedValue}).
 *
 * @param sink - where to write
 * @param av - the attribute value, as parsed from stream JSON
 * @throws AttributeError when `av` is not valid DynamoDB JSON (callers turn it into a failure)
 */
export function writeAttribute(sink: JsonSink, av: unknown): void {
  const type = attributeType(av);
  writeTypedValue(sink, type, (av as Record<string, unknown>)[type]);
}
