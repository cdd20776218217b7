/**
 * Seeded randomness for the plan: a 53-bit string hash and a small, well-known PRNG.
 *
 * Both are deterministic and dependency-free, so a plan is reproducible from its seed on any machine.
 */

/** A source of uniformly distributed numbers in [0, 1), like `Math.random`. */
export type Random = () => number;

/**
 * Hashes a string to a 53-bit non-negative integer (cyrb53, public domain).
 *
 * @param text - Any string, e.g. the run's seed.
 * @returns An integer in [0, 2^53).
 * @example
 * ```ts
 * hash53('42') === hash53('42'); //=> true
 * ```
 */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Creates a mulberry32 generator (public domain): fast, 32-bit state, good enough for test data.
 *
 * @param seed - Any string; it is hashed to the 32-bit initial state.
 * @returns A function returning the next number in [0, 1) on each call.
 * @example
 * ```ts
 * const a = createRandom('7'); const b = createRandom('7');
 * a() === b(); //=> true
 * ```
 */
export function createRandom(seed: string): Random {
  let state = hash53(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks an integer in [min, max], both inclusive.
 *
 * @param random - The random source.
 * @param min - Smallest value.
 * @param max - Largest value, at least `min`.
 * @returns The chosen integer.
 */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * Picks one element of a non-empty array uniformly.
 *
 * @param random - The random source.
 * @param items - The choices; must not be empty.
 * @returns The chosen element.
 * @throws Error when `items` is empty.
 */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick needs at least one item');
  return item;
}

/**
 * The run prefix of order ids for a seed: 12 hex digits of its hash, so runs with different seeds
 * can share a table without id collisions (collision odds for n seeds ≈ n² / 2^49).
 *
 * @param seed - The run's seed.
 * @returns 12 lower-case hex digits.
 * @example
 * ```ts
 * runPrefix('42').length; //=> 12
 * ```
 */
export function runPrefix(seed: string): string {
  return hash53(`order-prefix:${seed}`).toString(16).padStart(14, '0').slice(-12);
}
