import type { QueryOutcome } from './lake-stage.js';
import { isEqual, type StateDifference } from './lake-check.js';
import type { RunCounts } from './summarize-run.js';

/** What a completed run's problems depend on besides its counts. */
export interface ProblemContext {
  readonly unroutable: number;
  readonly failedInvocations: number;
  readonly queries: readonly QueryOutcome[];
  /** The lake folder, for the command that mends it. */
  readonly out: string;
}

/** `3 keys missing in the lake, 0 extra, 1 with other values (e.g. …)`. */
const differenceText = (diff: StateDifference): string =>
  `${diff.missing_in_lake} keys missing in the lake, ${diff.extra_in_lake} extra, ` +
  `${diff.value_mismatch} with other values (e.g. ${diff.sample.join(', ')})`;

/**
 * Everything about a completed run that should fail it: lost writes, records the pipe could not route,
 * records that went to the error prefix (injected ones said as such), counts that do not add up, queries
 * that did not run, a lake whose current state is not the table's, and an `orders_current` that is not the
 * table (or was never exported).
 *
 * @param summary - the run's counts
 * @param context - unroutable records, failed invocations, query outcomes, lake folder
 * @returns one sentence per problem; empty when the run is clean
 */
export function collectProblems(summary: RunCounts, context: ProblemContext): string[] {
  const s = summary;
  const problems: string[] = [];
  if (s.operations.failed > 0) problems.push(`${s.operations.failed} generator writes failed`);
  if (context.unroutable > 0) problems.push(`${context.unroutable} stream records had no partition key for the pipe`);
  if (context.failedInvocations > 0)
    problems.push(`${context.failedInvocations} transform invocations failed after all retries`);
  if (s.records_failed > 0) {
    const injected =
      s.records_failed_injected > 0
        ? ` (${s.records_failed_injected} of them failed on purpose by --inject-failures)`
        : '';
    problems.push(`${s.records_failed} records went to errors/processing-failed${injected}`);
  }
  const accounted = s.records_delivered + s.records_failed + s.records_dropped;
  if (accounted !== s.changes_captured - context.unroutable) {
    problems.push(
      `captured ${s.changes_captured} changes but accounted for ${accounted} (delivered + failed + dropped)`,
    );
  }
  for (const conflict of s.schema_conflicts) problems.push(`schema: ${conflict}`);
  for (const outcome of context.queries)
    if (outcome.error !== undefined) problems.push(`query ${outcome.query.name} failed: ${outcome.error}`);
  const replay = s.records_failed > 0 ? `\`npm run replay -- --lake ${context.out}\` re-drives the error records` : '';
  const diff = s.lake_vs_table;
  if (diff !== null && !isEqual(diff))
    problems.push(`the lake is NOT equal to the table: ${differenceText(diff)}${replay === '' ? '' : `; ${replay}`}`);
  const current = s.current_vs_table;
  if (current === null) problems.push('orders_current was not exported, so it was not checked');
  else if (!isEqual(current)) {
    const mend = replay === '' ? '' : `; ${replay}, then \`npm run merge -- --lake ${context.out}\` merges them`;
    problems.push(`orders_current is NOT equal to the table: ${differenceText(current)}${mend}`);
  }
  return problems;
}
