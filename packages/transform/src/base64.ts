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
