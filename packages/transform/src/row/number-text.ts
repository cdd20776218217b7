const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const LENIENT_NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The number policy: turn a DynamoDB `N` string into a JSON number literal with exactly the
 * stored digits. The value never passes through a double, so a 25-digit integer or a
 * 38-digit decimal keeps every digit, and a column holding numbers is numeric in every row.
 *
 * Text that already is a JSON number is returned unchanged (`"12.50"` stays `12.50`). Other
 * spellings DynamoDB's number syntax allows are normalised without changing any significant
 * digit: a leading `+` is dropped, leading zeros of the integer part are dropped, `.5` becomes
 * `0.5` and `5.` becomes `5`.
 *
 * @param text - the `N` string
 * @returns the JSON number text, or `undefined` when `text` is not a decimal number
 * @example
 * ```ts
 * toJsonNumber('1234567890123456789012345'); //=> '1234567890123456789012345'
 * toJsonNumber('+007.50');                   //=> '7.50'
 * toJsonNumber('forty-three');               //=> undefined
 * ```
 */
export function toJsonNumber(text: string): string | undefined {
  if (JSON_NUMBER.test(text)) return text;
  const match = LENIENT_NUMBER.exec(text);
  if (match === null) return undefined;
  const [, sign = '', integer = '', fraction, exponent] = match;
  if (integer === '' && (fraction === undefined || fraction === '')) return undefined;
  const intPart = integer.replace(/^0+(?=\d)/, '') || '0';
  const fracPart = fraction === undefined || fraction === '' ? '' : `.${fraction}`;
  const expPart = exponent === undefined ? '' : `e${exponent}`;
  return `${sign === '-' ? '-' : ''}${intPart}${fracPart}${expPart}`;
}

/**
 * Total order for the members of a number set (`NS`): by numeric value, with ties at double
 * precision broken by the text, so the order is deterministic for any digits.
 *
 * @param a - JSON number text
 * @param b - JSON number text
 * @returns negative, zero or positive, as `Array.prototype.sort` expects
 */
export function compareNumberText(a: string, b: string): number {
  const difference = Number(a) - Number(b);
  if (difference !== 0) return difference;
  return a < b ? -1 : a > b ? 1 : 0;
}
