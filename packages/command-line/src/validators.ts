/**
 * Typed validators for flag values: each returns the value or throws a {@link UsageError} worded
 * `<flag> must be <what>, received "<text>"`, the same in every CLI.
 */
import { UsageError } from './usage-error.js';

function reject(flag: string, what: string, text: string): never {
  throw new UsageError(`${flag} must be ${what}, received "${text}"`);
}

function toNumber(flag: string, text: string, what: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) reject(flag, what, text);
  return value;
}

/**
 * A number greater than zero, optionally at most `max`.
 *
 * @param flag - The flag as written, e.g. `--rate`.
 * @param text - The value received.
 * @param max - The largest value allowed. @defaultValue - no maximum
 * @returns The number.
 * @throws {@link UsageError} when `text` is not a number above zero or is above `max`.
 * @example
 * ```ts
 * parsePositiveNumber('--rate', '12.5'); //=> 12.5
 * parsePositiveNumber('--rate', '-5');   // throws: --rate must be a positive number, received "-5"
 * ```
 */
export function parsePositiveNumber(flag: string, text: string, max?: number): number {
  const value = toNumber(flag, text, 'a positive number');
  if (value <= 0) reject(flag, 'a positive number', text);
  if (max !== undefined && value > max) reject(flag, `at most ${max}`, text);
  return value;
}

/**
 * A whole number greater than zero, optionally at most `max`.
 *
 * @param flag - The flag as written, e.g. `--count`.
 * @param text - The value received.
 * @param max - The largest value allowed. @defaultValue - no maximum
 * @returns The integer.
 * @throws {@link UsageError} when `text` is not a positive integer or is above `max`.
 * @example
 * ```ts
 * parsePositiveInteger('--batch-size', '26', 25); // throws: --batch-size must be at most 25, received "26"
 * ```
 */
export function parsePositiveInteger(flag: string, text: string, max?: number): number {
  const value = toNumber(flag, text, 'a positive integer');
  if (value <= 0 || !Number.isInteger(value)) reject(flag, 'a positive integer', text);
  if (max !== undefined && value > max) reject(flag, `at most ${max}`, text);
  return value;
}

/**
 * A number between `min` and `max`, both included; an integer when `integer` is set.
 *
 * @param flag - The flag as written.
 * @param text - The value received.
 * @param range - `min`, `max` and whether only integers are allowed (`integer`, default false).
 * @returns The number.
 * @throws {@link UsageError} when `text` is not such a number.
 * @example
 * ```ts
 * parseNumberInRange('--shards', '0', { min: 1, max: 4096, integer: true });
 * // throws: --shards must be an integer between 1 and 4096, received "0"
 * ```
 */
export function parseNumberInRange(
  flag: string,
  text: string,
  range: { min: number; max: number; integer?: boolean },
): number {
  const what = `${range.integer === true ? 'an integer' : 'a number'} between ${range.min} and ${range.max}`;
  const value = toNumber(flag, text, what);
  if (value < range.min || value > range.max || (range.integer === true && !Number.isInteger(value)))
    reject(flag, what, text);
  return value;
}

/**
 * One of a closed list of words.
 *
 * @param flag - The flag as written.
 * @param text - The value received.
 * @param choices - The allowed values.
 * @returns `text`, typed as one of the choices.
 * @throws {@link UsageError} when `text` is not one of them.
 * @example
 * ```ts
 * parseChoice('--format', 'xml', ['json', 'markdown']); // throws: --format must be one of json, markdown, received "xml"
 * ```
 */
export function parseChoice<C extends string>(flag: string, text: string, choices: readonly C[]): C {
  if (!(choices as readonly string[]).includes(text)) reject(flag, `one of ${choices.join(', ')}`, text);
  return text as C;
}

/**
 * An absolute URL with one of the given protocols, e.g. an endpoint.
 *
 * @param flag - The flag as written, e.g. `--endpoint`.
 * @param text - The value received.
 * @param protocols - Allowed protocols with their colon. @defaultValue ['http:', 'https:']
 * @returns The parsed URL.
 * @throws {@link UsageError} when `text` is not such a URL.
 * @example
 * ```ts
 * parseUrl('--endpoint', 'localhost:8000'); // throws: --endpoint must be an http(s) URL such as http://127.0.0.1:8000, received "localhost:8000"
 * ```
 */
export function parseUrl(flag: string, text: string, protocols: readonly string[] = ['http:', 'https:']): URL {
  const what =
    protocols.join() === 'http:,https:'
      ? 'an http(s) URL such as http://127.0.0.1:8000'
      : `a URL starting ${protocols.join(' or ')}//`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return reject(flag, what, text);
  }
  if (!protocols.includes(url.protocol) || url.hostname === '') reject(flag, what, text);
  return url;
}
