/**
 * The error-record replay summary, for people (stderr) and for programs (`--json`, stdout).
 */
import type { ErrorReplaySummary } from './replay-error-objects.js';

/**
 * The summary as the `--json` object: snake_case keys, as every `sales-lake` JSON output.
 *
 * @param summary - What the run did.
 * @returns A plain object for `JSON.stringify`.
 * @example
 * ```ts
 * toErrorReplayJson(summary).still_failing_by_reason; //=> { 'not-json': 2 }
 * ```
 */
export function toErrorReplayJson(summary: ErrorReplaySummary): Record<string, unknown> {
  return {
    lake: summary.lake,
    dry_run: summary.dryRun,
    objects: summary.objects,
    objects_by_type: summary.objectsByType,
    not_replayable: summary.notReplayable,
    already_replayed: summary.alreadyReplayed,
    processed: summary.processed,
    records: summary.records,
    replayed: summary.replayed,
    dropped: summary.dropped,
    still_failing: summary.stillFailing,
    still_failing_by_reason: summary.stillFailingByReason,
    written: summary.written,
    interrupted: summary.interrupted,
  };
}

/**
 * The summary in a few lines for stderr: what was found, what was replayed, what still fails and why, and where
 * to look.
 *
 * @param summary - What the run did.
 * @returns Lines ending in a newline.
 * @example
 * ```ts
 * formatErrorReplay(summary);
 * //=> 'replay: 2 error objects in .local (0 already replayed): 5 records, 4 replayed, 0 dropped, 1 still failing (not-json 1); wrote 4 objects\n...'
 * ```
 */
export function formatErrorReplay(summary: ErrorReplaySummary): string {
  const reasons = Object.entries(summary.stillFailingByReason)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  const verb = summary.dryRun ? 'would write' : 'wrote';
  const lines = [
    `replay: ${summary.objects} error objects in ${summary.lake} (${summary.alreadyReplayed} already replayed): ` +
      `${summary.records} records, ${summary.replayed} replayed, ${summary.dropped} dropped, ${summary.stillFailing} still failing` +
      `${reasons === '' ? '' : ` (${reasons})`}; ${verb} ${summary.written.length} objects`,
  ];
  if (summary.stillFailing > 0)
    lines.push(
      'replay: still-failing records, with their reasons, are under errors/replay-failed/; fix the transform and run replay again',
    );
  for (const { key, type } of summary.notReplayable)
    lines.push(`replay: NOT REPLAYED ${key}: error output type "${type}" is not one this delivery stream writes`);
  if (summary.interrupted)
    lines.push('replay: interrupted; objects not yet replayed have no marker, so running replay again continues');
  return `${lines.join('\n')}\n`;
}
