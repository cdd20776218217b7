import type { QueryOutcome } from './lake-stage.js';
import type { LocalSummary } from './summary.js';

/**
 * Everything about a run that should fail it: lost writes, records the pipe could not route,
 * records that went to the error prefix, counts that do not add up, queries that did not run.
 *
 * @param summary - the run's counts
 * @param extra - unroutable records, failed invocations, query outcomes
 * @returns one sentence per problem; empty when the run is clean
 */
export function collectProblems(
  summary: Omit<LocalSummary, 'problems'>,
  extra: { readonly unroutable: number; readonly failedInvocations: number; readonly queries: readonly QueryOutcome[] },
): string[] {
  const s = summary;
  const problems: string[] = [];
  if (s.operations.failed > 0) problems.push(`${s.operations.failed} generator writes failed`);
  if (extra.unroutable > 0) problems.push(`${extra.unroutable} stream records had no partition key for the pipe`);
  if (extra.failedInvocations > 0) problems.push(`${extra.failedInvocations} transform invocations failed after all retries`);
  if (s.records_failed > 0) problems.push(`${s.records_failed} records went to errors/processing-failed`);
  const accounted = s.records_delivered + s.records_failed + s.records_dropped;
  if (accounted !== s.changes_captured - extra.unroutable) {
    problems.push(`captured ${s.changes_captured} changes but accounted for ${accounted} (delivered + failed + dropped)`);
  }
  for (const conflict of s.schema_conflicts) problems.push(`schema: ${conflict}`);
  for (const outcome of extra.queries) if (outcome.error !== undefined) problems.push(`query ${outcome.query.name} failed: ${outcome.error}`);
  if (s.current_state_rows !== null && s.current_state_rows !== s.table_items) {
    problems.push(`the current-state query returned ${s.current_state_rows} rows, the table holds ${s.table_items} items`);
  }
  return problems;
}
