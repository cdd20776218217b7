/**
 * Exact money arithmetic in integer cents. Floats never touch a money value.
 */

/**
 * Formats integer cents as a decimal string with exactly two decimals.
 *
 * @param cents - A safe integer number of cents (may be negative).
 * @returns The decimal string DynamoDB stores as `N`.
 * @throws RangeError when `cents` is not a safe integer.
 * @example
 * ```ts
 * formatCents(4498); //=> '44.98'
 * formatCents(5);    //=> '0.05'
 * ```
 */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer, received ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Parses a decimal amount back to integer cents (the inverse of {@link formatCents}).
 *
 * Accepts zero to two decimals, because DynamoDB returns numbers in canonical form: an item
 * written with `"56.00"` reads back (and streams) as `"56"`, `"44.50"` as `"44.5"`.
 *
 * @param text - e.g. `"44.98"`, `"44.5"` or `"56"`.
 * @returns The integer number of cents.
 * @throws RangeError when the text is not a plain decimal with at most two decimals.
 * @example
 * ```ts
 * parseCents('44.98'); //=> 4498
 * parseCents('56');    //=> 5600
 * ```
 */
export function parseCents(text: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new RangeError(`expected a decimal with at most two digits after the point, received "${text}"`);
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/**
 * Applies a rate in basis points to an amount of cents, rounding half up, in integers only.
 *
 * @param cents - Non-negative amount in cents.
 * @param basisPoints - Rate in 1/100 of a percent (1900 = 19 %).
 * @returns `round(cents * basisPoints / 10000)`.
 * @example
 * ```ts
 * applyBasisPoints(4498, 1900); //=> 855
 * ```
 */
export function applyBasisPoints(cents: number, basisPoints: number): number {
  return Math.floor((cents * basisPoints + 5000) / 10000);
}
