/**
 * MergeRunError: a merge run that stopped before its end, with the report of what did and did not happen.
 */
import type { MergeReport } from './merge-report.js';

/**
 * A run that failed or was interrupted. `report.statements` says which statements committed, which were rolled back
 * or failed, and which never ran; every statement is idempotent, so running the merge again finishes the run.
 *
 * @example
 * ```ts
 * new MergeRunError('merge_current failed: ICEBERG_COMMIT_ERROR …', report, { cause }).name; //=> 'MergeRunError'
 * ```
 */
export class MergeRunError extends Error {
  /**
   * @param message - What stopped the run, naming the statement.
   * @param report - The run so far.
   * @param options - `cause`: the underlying error.
   */
  constructor(
    message: string,
    readonly report: MergeReport,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MergeRunError';
  }
}
