/**
 * retryCause: names why a request failed in a way worth retrying, so the summary can count each cause.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 */

/** Why a retryable request failed. The last four mean no answer came from the endpoint at all. */
export type RetryCause =
  | 'throttled'
  | 'server-error'
  | 'transaction-conflict'
  | 'timeout'
  | 'connection-refused'
  | 'connection-reset'
  | 'dns-failure';

const THROTTLING_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);
const SERVER_ERROR_NAMES = new Set(['InternalServerError', 'InternalFailure', 'ServiceUnavailable']);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout']);
const NETWORK_CODES: Readonly<Record<string, RetryCause>> = {
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  ETIMEDOUT: 'timeout',
  ENOTFOUND: 'dns-failure',
  EAI_AGAIN: 'dns-failure',
};
const UNREACHABLE: ReadonlySet<RetryCause> = new Set([
  'timeout',
  'connection-refused',
  'connection-reset',
  'dns-failure',
]);

/**
 * The cause of a retryable failure: throttling, a 5xx, a transaction conflict, or a network failure
 * (timeout, refused or reset connection, DNS). A `ConditionalCheckFailedException` or
 * `ValidationException` is final and has no retry cause.
 *
 * @param error - What the SDK threw.
 * @returns The cause, or `undefined` when a retry would not help.
 * @example
 * ```ts
 * retryCause(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })); //=> 'connection-refused'
 * retryCause({ name: 'ConditionalCheckFailedException' }); //=> undefined
 * ```
 */
export function retryCause(error: unknown): RetryCause | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, code, $metadata } = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  if (name !== undefined && THROTTLING_NAMES.has(name)) return 'throttled';
  if (name !== undefined && SERVER_ERROR_NAMES.has(name)) return 'server-error';
  if (name === 'TransactionConflictException') return 'transaction-conflict';
  if (name !== undefined && TIMEOUT_NAMES.has(name)) return 'timeout';
  if (code !== undefined && NETWORK_CODES[code] !== undefined) return NETWORK_CODES[code];
  const status = $metadata?.httpStatusCode;
  return status !== undefined && status >= 500 ? 'server-error' : undefined;
}

/**
 * Whether a cause means the endpoint did not answer at all (as opposed to answering with an error).
 *
 * @param cause - A retry cause.
 * @returns `true` for timeouts, refused or reset connections and DNS failures.
 */
export function isUnreachable(cause: RetryCause): boolean {
  return UNREACHABLE.has(cause);
}
