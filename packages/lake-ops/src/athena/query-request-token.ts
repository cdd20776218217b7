/**
 * queryRequestToken: the `ClientRequestToken` of one query of one run, so a retried StartQueryExecution (the SDK
 * retries throttled and network-failed calls with the same input) starts the query once.
 */
import { createHash } from 'node:crypto';

/**
 * The idempotency token of a query: the SHA-256 of the run id and the query text, as 64 hex digits (Athena accepts
 * 32 to 128 characters). The same query in the same run is the same execution: Athena answers a repeated token with
 * the same `QueryExecutionId`, and rejects a token reused with another query text.
 *
 * @param run - The reconcile run's id.
 * @param sql - The query text.
 * @returns 64 lower-case hex digits.
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_StartQueryExecution.html (ClientRequestToken)
 * @example
 * ```ts
 * queryRequestToken('r-1764567000000000', 'SELECT 1').length; //=> 64
 * ```
 */
export function queryRequestToken(run: string, sql: string): string {
  return createHash('sha256').update(`${run}\n`).update(sql).digest('hex');
}
