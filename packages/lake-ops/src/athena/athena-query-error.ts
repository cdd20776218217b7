/**
 * AthenaQueryError: an Athena query that did not succeed, named by its id so it can be found in the console.
 */

/** How a query ended when it did not succeed: Athena's FAILED or CANCELLED, or STOPPED by this process on Ctrl-C. */
export type UnsuccessfulQueryState = 'FAILED' | 'CANCELLED' | 'STOPPED';

/**
 * What Athena says about a failure, when it says it (`QueryExecutionStatus.AthenaError`).
 *
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_AthenaError.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/error-reference.html
 */
export interface AthenaErrorDetail {
  /** 1 system, 2 user, 3 other. */
  readonly category?: number | undefined;
  /** The error type of Athena's error catalog, e.g. 233 "Iceberg error". */
  readonly type?: number | undefined;
  /** "True if the query might succeed if resubmitted." */
  readonly retryable: boolean;
}

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
  /** Athena's `AthenaError`, when the query failed and Athena said why; `undefined` otherwise. */
  readonly detail: AthenaErrorDetail | undefined;

  /**
   * @param queryExecutionId - The query's id.
   * @param state - How it ended.
   * @param reason - Athena's `StateChangeReason` (or why it was stopped).
   * @param options - `cause`: the underlying error; `detail`: Athena's `AthenaError`, when it gave one.
   */
  constructor(
    readonly queryExecutionId: string,
    readonly state: UnsuccessfulQueryState,
    readonly reason: string,
    options?: { cause?: unknown; detail?: AthenaErrorDetail },
  ) {
    super(`Athena query ${queryExecutionId} ${state}: ${reason}`, options);
    this.detail = options?.detail;
    this.name = 'AthenaQueryError';
  }
}
