import { AttributeError, rethrowWithSegment } from './attribute-error.js';
import { isStrictBase64 } from './base64.js';
import { isColumnName, toColumnName } from './column-name.js';
import { memberPrefix } from './member-prefix.js';
import { describeValue } from './parsed.js';
import { compareNumberText, toJsonNumber } from './number-text.js';
import { resolveColumnNames } from './resolve-collisions.js';

const NO_RESERVED: ReadonlySet<string> = new Set();
/** Characters JSON.stringify would escape (control characters, quote, backslash, surrogates). */
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** JSON string literal of `text`; skips JSON.stringify in the common case nothing needs escaping. */
function stringJson(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * The type key of one attribute value (`S`, `N`, `M`, ...), checking that there is exactly one.
 *
 * @param av - candidate attribute value
 * @returns the single key of `av`
 * @throws AttributeError `malformed-attribute-value` (not an object, several keys) or `empty-attribute-value` (`{}`)
 */
export function attributeType(av: unknown): string {
  if (typeof av !== 'object' || av === null || Array.isArray(av)) {
    throw new AttributeError('malformed-attribute-value', `expected an attribute value such as {"S":"..."}, received ${describeValue(av)}`);
  }
  let type: string | undefined;
  let count = 0;
  for (const key in av) {
    type = key;
    count++;
  }
  if (type === undefined) throw new AttributeError('empty-attribute-value', 'attribute value {} has no type');
  if (count !== 1) throw new AttributeError('malformed-attribute-value', `attribute value has ${count} type keys (${Object.keys(av).join(', ')}), expected exactly one`);
  return type;
}

/**
 * The JSON number literal of an `N` payload, with exactly the stored digits (the number policy
 * of {@link toJsonNumber}: the value never passes through a double).
 *
 * @param value - the value under the `N` key (or one member of an `NS`)
 * @returns JSON number text, e.g. `7.50` for `"+007.50"`
 * @throws AttributeError `non-numeric-N` when `value` is not a string holding a decimal number
 * @example
 * ```ts
 * numberJson('1234567890123456789012345'); //=> '1234567890123456789012345'
 * numberJson('forty-three'); // throws AttributeError (non-numeric-N)
 * ```
 */
export function numberJson(value: unknown): string {
  const json = typeof value === 'string' ? toJsonNumber(value) : undefined;
  if (json === undefined) throw new AttributeError('non-numeric-N', `N must be a decimal number string, received ${describeValue(value)}`);
  return json;
}

function stringArray(type: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw new AttributeError('malformed-attribute-value', `${type} must be an array, received ${describeValue(value)}`);
  for (const member of value) {
    if (typeof member !== 'string') throw new AttributeError(type === 'NS' ? 'non-numeric-N' : 'malformed-attribute-value', `${type} members must be strings, received ${describeValue(member)}`);
  }
  return value as string[];
}

function isSorted(values: readonly string[], compare: (a: string, b: string) => number): boolean {
  for (let i = 1; i < values.length; i++) if (compare(values[i - 1] as string, values[i] as string) > 0) return false;
  return true;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A set payload as a JSON array, sorted deterministically: `SS`/`BS` by code unit, `NS` by
 * numeric value (ties broken by text), so the same set always gives the same text.
 *
 * @param type - `SS`, `NS` or `BS`
 * @param value - the value under that key
 * @returns JSON array text
 * @throws AttributeError `malformed-attribute-value` when `value` is not an array of strings or a
 *   `BS` member is not strict base64; `non-numeric-N` when an `NS` member is not a decimal number
 * @example
 * ```ts
 * setJson('NS', ['17', '3']); //=> '[3,17]'
 * ```
 */
export function setJson(type: string, value: unknown): string {
  const members = stringArray(type, value);
  if (type === 'NS') {
    const numbers = members.map((member) => numberJson(member));
    if (!isSorted(numbers, compareNumberText)) numbers.sort(compareNumberText);
    return `[${numbers.join(',')}]`;
  }
  if (type === 'BS') for (const member of members) base64Json(member);
  const sorted = isSorted(members, compareText) ? members : [...members].sort(compareText);
  return type === 'BS' ? `[${sorted.map((member) => `"${member}"`).join(',')}]` : JSON.stringify(sorted);
}

/**
 * The JSON string literal of a `B` payload (or one member of a `BS`), after checking that it is
 * strict, padded standard base64, so the lake never holds bytes Node would decode by guessing.
 * The text is kept as is: base64 needs no JSON escaping.
 *
 * @param value - the value under the `B` key
 * @returns the base64 text in double quotes
 * @throws AttributeError `malformed-attribute-value` when `value` is not a strict base64 string
 * @example
 * ```ts
 * base64Json('SGk='); //=> '"SGk="'
 * base64Json('SGk');  // throws AttributeError (malformed-attribute-value)
 * ```
 */
export function base64Json(value: unknown): string {
  if (typeof value !== 'string' || !isStrictBase64(value)) {
    throw new AttributeError('malformed-attribute-value', `B must be a base64 string, received ${describeValue(value)}`);
  }
  return `"${value}"`;
}

function listJson(value: unknown): string {
  if (!Array.isArray(value)) throw new AttributeError('malformed-attribute-value', `L must be an array, received ${describeValue(value)}`);
  let json = '[';
  for (let i = 0; i < value.length; i++) {
    try {
      json += (i === 0 ? '' : ',') + attributeToJson(value[i]);
    } catch (error) {
      rethrowWithSegment(error, String(i));
    }
  }
  return `${json}]`;
}

/**
 * A map that is not flattened (inside a list) becomes a JSON object; its keys get the same
 * snake_case names as columns. Keys that already are snake_case (the usual case) are written in
 * one pass; otherwise names are resolved like columns, so renamed keys cannot collide.
 */
function objectJson(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AttributeError('malformed-attribute-value', `M must be an object, received ${describeValue(value)}`);
  }
  const map = value as Record<string, unknown>;
  let members = '';
  for (const key in map) {
    if (!isColumnName(key)) return renamedObjectJson(map);
    let member: string;
    try {
      member = attributeToJson(map[key]);
    } catch (error) {
      rethrowWithSegment(error, key);
    }
    members += memberPrefix(key) + member;
  }
  return `{${members.slice(1)}}`;
}

/**
 * An `M` payload as a JSON object whose keys need renaming: each key gets its snake_case column
 * name, and keys whose names meet (`customerId` and `customer_id`) are told apart the way
 * columns are (the exact name keeps it, the others get `_2`, `_3`, ...), so no member is lost.
 * Members keep the map's order.
 *
 * @param map - the value under the `M` key, with at least one key that is not lower snake_case
 * @returns JSON object text
 * @throws AttributeError when a member is not a valid attribute value; its path starts with the member's raw key
 * @example
 * ```ts
 * renamedObjectJson({ customerId: { S: 'a' }, customer_id: { S: 'b' } });
 * //=> '{"customer_id_2":"a","customer_id":"b"}'
 * ```
 */
export function renamedObjectJson(map: Record<string, unknown>): string {
  const keys = Object.keys(map);
  const values = keys.map((key) => {
    try {
      return attributeToJson(map[key]);
    } catch (error) {
      return rethrowWithSegment(error, key);
    }
  });
  const names = resolveColumnNames(keys.map((key) => ({ name: toColumnName(key), path: [key] })), NO_RESERVED);
  return `{${names.map((name, i) => `"${name}":${values[i] as string}`).join(',')}}`;
}

/**
 * Write the payload of an attribute value of a known type as JSON text.
 *
 * @param type - the attribute's type key, from {@link attributeType}
 * @param value - the value under that key
 * @returns JSON text
 * @throws AttributeError when the value does not match its type
 */
export function typedValueToJson(type: string, value: unknown): string {
  switch (type) {
    case 'S':
      if (typeof value !== 'string') throw new AttributeError('malformed-attribute-value', `S must be a string, received ${describeValue(value)}`);
      return stringJson(value);
    case 'N':
      return numberJson(value);
    case 'BOOL':
      if (typeof value !== 'boolean') throw new AttributeError('malformed-attribute-value', `BOOL must be true or false, received ${describeValue(value)}`);
      return value ? 'true' : 'false';
    case 'NULL':
      if (value !== true) throw new AttributeError('malformed-attribute-value', `NULL must be true, received ${describeValue(value)}`);
      return 'null';
    case 'B':
      return base64Json(value);
    case 'M':
      return objectJson(value);
    case 'L':
      return listJson(value);
    case 'SS':
    case 'NS':
    case 'BS':
      return setJson(type, value);
    default:
      throw new AttributeError('unknown-attribute-type', `unknown attribute type ${JSON.stringify(type)}; expected S, N, B, BOOL, NULL, M, L, SS, NS or BS`);
  }
}

/**
 * Convert one DynamoDB attribute value to JSON text without building an intermediate object:
 * `S` -> string, `N` -> number with the stored digits, `B` -> base64 string, `BOOL` -> boolean,
 * `NULL` -> null, `M` -> object (snake_case keys), `L` -> array, `SS`/`NS`/`BS` -> sorted array.
 *
 * @param av - the attribute value, as parsed from stream JSON
 * @returns JSON text
 * @throws AttributeError when `av` is not valid DynamoDB JSON (callers turn it into a failure)
 * @example
 * ```ts
 * attributeToJson({ NS: ['17', '3'] }); //=> '[3,17]'
 * ```
 */
export function attributeToJson(av: unknown): string {
  const type = attributeType(av);
  return typedValueToJson(type, (av as Record<string, unknown>)[type]);
}
