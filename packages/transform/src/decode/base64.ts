const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Whether `text` is strict, padded standard base64 (RFC 4648 §4): alphabet `A-Z a-z 0-9 + /`,
 * length a multiple of 4, at most two trailing `=`. Whitespace, the URL-safe alphabet and
 * missing padding are rejected, unlike `Buffer.from(text, 'base64')`, which accepts anything.
 *
 * @param text - candidate base64 text
 * @returns true when Node decodes it without skipping or guessing
 * @example
 * ```ts
 * isStrictBase64('SGk='); //=> true
 * isStrictBase64('SGk');  //=> false
 * ```
 */
export function isStrictBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text);
}

/**
 * Decode strict, padded standard base64 (same acceptance as {@link isStrictBase64}) in one pass
 * over the data. Node's decoder skips every character outside the alphabet and stops at an
 * inner `=`, so for a length that is a multiple of 4, the decoded size equals
 * `3 * length / 4 - padding` exactly when every character was valid; the URL-safe `-` and `_`,
 * which Node accepts, are rejected separately.
 *
 * @param text - candidate base64 text
 * @returns the bytes, or `undefined` when `text` is not strict base64
 */
export function decodeStrictBase64(text: string): Buffer | undefined {
  const length = text.length;
  if (length % 4 !== 0 || text.indexOf('-') !== -1 || text.indexOf('_') !== -1) return undefined;
  const padding = text.charCodeAt(length - 1) === 61 ? (text.charCodeAt(length - 2) === 61 ? 2 : 1) : 0;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === (length / 4) * 3 - padding ? bytes : undefined;
}
