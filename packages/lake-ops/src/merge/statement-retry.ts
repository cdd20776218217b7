/**
 * When a failed Athena statement of a merge is started again, and how long to wait first.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { AthenaQueryError } from '../athena/athena-query-error.js';

/** How often, and after how long, a failed statement is started again. */
export interface RetryPolicy {
  /** Starts at most, the first included. @defaultValue 5 */
  readonly attempts: number;
  /** Wait before the second start; it doubles for each later one. @defaultValue 2000 */
  readonly firstDelayMs: number;
  /** The longest wait. @defaultValue 30000 */
  readonly maxDelayMs: number;
}

/**
 * Five starts over about half a minute: an Iceberg commit conflict is another writer of the table committing first
 * (the table optimizer's compaction, or a merge started by hand during a scheduled one), over within seconds.
 */
export const DEFAULT_STATEMENT_RETRY: RetryPolicy = { attempts: 5, firstDelayMs: 2_000, maxDelayMs: 30_000 };

/**
 * Whether a failed statement may succeed if started again: Athena says so (`AthenaError.Retryable`), or it lost an
 * Iceberg commit to another writer (`ICEBERG_COMMIT_ERROR`, which AWS advises retrying with exponential backoff). A
 * failed Iceberg commit commits nothing, so starting the statement again is safe; a cancelled or stopped query is not
 * retried (someone stopped it).
 *
 * @param error - What the statement threw.
 * @returns True to start it again.
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_AthenaError.html
 * @see https://repost.aws/knowledge-center/athena-iceberg-table-error
 * @example
 * ```ts
 * isRetryableFailure(new AthenaQueryError('q', 'FAILED', 'ICEBERG_COMMIT_ERROR: Failed to commit Iceberg update')); //=> true
 * ```
 */
export function isRetryableFailure(error: unknown): boolean {
  if (!(error instanceof AthenaQueryError) || error.state !== 'FAILED') return false;
  return error.detail?.retryable === true || /\bICEBERG_COMMIT_ERROR\b/.test(error.reason);
}

/** Waits, or rejects when the signal aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

const sleepFor: Sleep = (ms, signal) => delay(ms, undefined, { signal });

/**
 * Runs `attempt` until it succeeds, fails for good, or the attempts run out, waiting between attempts.
 *
 * @param attempt - One start of the statement; given its number, from 1.
 * @param policy - Attempts and delays.
 * @param signal - Aborts the wait.
 * @param onRetry - Told before each wait: the attempt that failed, the wait, the error.
 * @param sleep - The wait. @defaultValue node's timers/promises `setTimeout`
 * @returns The first success's value, and how many attempts it took.
 * @throws {@link StatementAttemptsError} with the last attempt's error as `cause` and the number of attempts made.
 */
export async function withRetries<T>(
  attempt: (number: number) => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal,
  onRetry: (failed: number, waitMs: number, error: unknown) => void,
  sleep: Sleep = sleepFor,
): Promise<{ value: T; attempts: number }> {
  let wait = policy.firstDelayMs;
  for (let number = 1; ; number += 1) {
    try {
      return { value: await attempt(number), attempts: number };
    } catch (error) {
      if (signal.aborted || !isRetryableFailure(error)) throw new StatementAttemptsError(number, error);
      if (number >= policy.attempts) throw new StatementAttemptsError(number, error);
      onRetry(number, wait, error);
      await sleep(wait, signal).catch(() => {
        throw new StatementAttemptsError(number, error);
      });
      wait = Math.min(wait * 2, policy.maxDelayMs);
    }
  }
}

/** The error of a statement's last attempt, with how many attempts were made. */
export class StatementAttemptsError extends Error {
  /**
   * @param attempts - Attempts made.
   * @param cause - The last attempt's error.
   */
  constructor(
    readonly attempts: number,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'StatementAttemptsError';
  }
}
