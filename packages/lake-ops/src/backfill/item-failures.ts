/**
 * How a backfill reports an item that cannot become a row: one stderr line naming it, counted in the summary.
 */
import type { Failure } from '@sales/transform';
import type { BackfillSummary } from './backfill-report.js';

/**
 * Counts a failed item and says which and why on stderr; the item stays in the table, nothing is lost.
 *
 * @param summary - The tally.
 * @param where - Where the item was read, e.g. `segment 2 page 0` or `data/x.json.gz line 7`.
 * @param failure - Why.
 * @param stderr - Where to say it. @defaultValue process.stderr
 */
export function reportItemFailure(
  summary: BackfillSummary,
  where: string,
  failure: Failure,
  stderr: { write(text: string): unknown } = process.stderr,
): void {
  summary.failedItems += 1;
  stderr.write(`sales-lake backfill: ${where}: ${failure.reason}: ${failure.detail}\n`);
}
