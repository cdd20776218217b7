/**
 * Retry policy: which DynamoDB errors are worth retrying, and how long to wait (exponential backoff, full jitter).
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
import type { Random } from '../model/random.js';
import { retryCause } from './retry-cause.js';

/** Backoff settings. */
export interface RetryPolicy {
  /**
   * Attempts per request including the first; after that the operation counts as failed.
   * @defaultValue 8
   */
  readonly maxAttempts: number;
  /** Base delay in ms: attempt n waits a uniform random time in [0, min(cap, base * 2^n)). @defaultValue 25 */
  readonly baseDelayMs: number;
  /** Upper bound of any single wait, in ms. @defaultValue 2000 */
  readonly maxDelayMs: number;
}

/** The default {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 25, maxDelayMs: 2000 };

/**
 * Whether a failed request may succeed if sent again: throttling, 5xx, and transient network errors.
 * A `ConditionalCheckFailedException` or `ValidationException` is final.
 *
 * @param error - What the SDK threw.
 * @returns `true` when a retry with backoff is appropriate (see {@link retryCause} for why).
 */
export function isRetryable(error: unknown): boolean {
  return retryCause(error) !== undefined;
}

/**
 * Delay before retry number `retry` (1 for the first retry): full jitter, `random * min(cap, base * 2^retry)`.
 *
 * @param policy - Backoff settings.
 * @param retry - Which retry this is, from 1.
 * @param random - Uniform [0, 1) source.
 * @returns Milliseconds to wait.
 * @example
 * ```ts
 * backoffDelayMs(DEFAULT_RETRY_POLICY, 3, () => 0.5); //=> 100
 * ```
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: Random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * A short label for a final error, used as the key of the summary's failure counts.
 *
 * @param error - What the SDK threw.
 * @returns The error's name (e.g. `ConditionalCheckFailedException`), or `UnknownError`.
 */
export function errorLabel(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string')
    return error.name;
  return 'UnknownError';
}
