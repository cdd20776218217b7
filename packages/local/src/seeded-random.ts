import { createHash } from 'node:crypto';

/** A deterministic source of numbers in [0, 1), as returned by {@link createSeededRandom}. */
export type RandomSource = () => number;

/**
 * A small seeded PRNG (mulberry32) so duplicate re-delivery and generated ids repeat exactly
 * for the same `--seed`.
 *
 * @param seed - any integer; only its low 32 bits are used
 * @returns a function returning numbers uniformly distributed in [0, 1)
 * @example
 * ```ts
 * const next = createSeededRandom(42);
 * next() === createSeededRandom(42)(); //=> true
 * ```
 */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/**
 * A 32-bit PRNG seed from a string seed (the generator's seeds are strings).
 *
 * @param seed - any string
 * @returns an unsigned 32-bit integer
 */
export function seedNumber(seed: string): number {
  return createHash('md5').update(seed).digest().readUInt32BE(0);
}
