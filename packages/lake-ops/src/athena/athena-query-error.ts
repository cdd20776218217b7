/**
 * AthenaQueryError: an Athena query that did not succeed, named by its id so it can be found in the console.
 */

/** How a query ended when it did not succeed: Athena's FAILED or CANCELLED, or STOPPED by this process on Ctrl-C. */
export type UnsuccessfulQueryState = 'FAILED' | 'CANCELLED' | 'STOPPED';

/**
 * A query that ended without results. The message names the query's id, how it ended and Athena's reason.
 *
 * @example
 * ```ts
 * new AthenaQueryError('1a2b', 'FAILED', "COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved").message;
 * //=> "Athena query 1a2b FAILED: COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved"
 * ```
 */
export class AthenaQueryError extends Error {
  /**
   * @param queryExecutionId - The query's id.
   * @param state - How it ended.
   * @param reason - Athena's `StateChangeReason` (or why it was stopped).
   * @param options - `cause`: the underlying error.
   */
  constructor(
    readonly queryExecutionId: string,
    readonly state: UnsuccessfulQueryState,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Athena query ${queryExecutionId} ${state}: ${reason}`, options);
    this.name = 'AthenaQueryError';
  }
}
