import { AttributeError } from './attribute-error.js';
import { isStrictBase64 } from '../decode/base64.js';
import { toJsonNumber } from './number-text.js';
import { describeValue } from '../shared/parsed.js';

/**
 * The type key of one attribute value (`S`, `N`, `M`, ...), checking that there is exactly one.
 *
 * @param av - candidate attribute value
 * @returns the single key of `av`
 * @throws AttributeError `malformed-attribute-value` (not an object, several keys) or `empty-attribute-value` (`{}`)
 * @example
 * ```ts
 * attributeType({ N: '5' }); //=> 'N'
 * ```
 */
export function attributeType(av: unknown): string {
  if (typeof av !== 'object' || av === null || Array.isArray(av)) {
    throw new AttributeError(
      'malformed-attribute-value',
      `expected an attribute value such as {"S":"..."}, received ${describeValue(av)}`,
    );
  }
  let type: string | undefined;
  let count = 0;
  for (const key in av) {
    type = key;
    count++;
  }
  if (type === undefined) throw new AttributeError('empty-attribute-value', 'attribute value {} has no type');
  if (count !== 1)
    throw new AttributeError(
      'malformed-attribute-value',
      `attribute value has ${count} type keys (${Object.keys(av).join(', ')}), expected exactly one`,
    );
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
  if (json === undefined)
    throw new AttributeError('non-numeric-N', `N must be a decimal number string, received ${describeValue(value)}`);
  return json;
}

/**
 * A `B` payload (or one member of a `BS`), after checking that it is strict, padded standard
 * base64, so the lake never holds bytes Node would decode by guessing. Base64 needs no JSON
 * escaping, so writers write it as ASCII between quotes.
 *
 * @param value - the value under the `B` key
 * @returns the base64 text
 * @throws AttributeError `malformed-attribute-value` when `value` is not a strict base64 string
 * @example
 * ```ts
 * base64Text('SGk='); //=> 'SGk='
 * base64Text('SGk');  // throws AttributeError (malformed-attribute-value)
 * ```
 */
export function base64Text(value: unknown): string {
  if (typeof value !== 'string' || !isStrictBase64(value)) {
    throw new AttributeError(
      'malformed-attribute-value',
      `B must be a base64 string, received ${describeValue(value)}`,
    );
  }
  return value;
}
