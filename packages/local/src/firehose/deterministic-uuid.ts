import { createHash } from 'node:crypto';

/**
 * A deterministic identifier in UUID layout derived from its inputs (an MD5 digest with the
 * version-4 and RFC 4122 variant bits set), for ids that AWS generates randomly: invocation ids, object-name suffixes.
 *
 * @param parts - values that together make the id unique
 * @returns a lower-case `8-4-4-4-12` hex string
 * @example
 * ```ts
 * deterministicUuid('invocation', 1); //=> e.g. 'c4ca4238-a0b9-4382-8dcc-509a6f75849b'
 * ```
 */
export function deterministicUuid(...parts: ReadonlyArray<string | number>): string {
  const hex = createHash('md5').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
