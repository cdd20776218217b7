/**
 * formatMergeReport: a merge run as the operator reads it, one fact per line, including what it did not do.
 */
import type { MergeStatement } from '@sales/pipeline-spec';
import { describeWindow } from './merge-plan.js';
import type { MergeReport, StatementOutcome } from './merge-report.js';

const row = (label: string, text: string): string => `  ${label.padEnd(16)}${text}\n`;

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** One statement's fate: `merge_current committed (q-3, 2 attempts, 48.2 MB scanned)`. */
function describeStatement(outcome: StatementOutcome): string {
  const details = [
    outcome.queryExecutionId,
    outcome.attempts === undefined ? undefined : `${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`,
    outcome.dataScannedBytes === undefined ? undefined : `${megabytes(outcome.dataScannedBytes)} scanned`,
  ].filter((detail) => detail !== undefined);
  return `${outcome.name} ${outcome.state}${details.length === 0 ? '' : ` (${details.join(', ')})`}`;
}

/**
 * The report as text: the run, the window (or why the whole log), what was read and changed, each statement's fate,
 * the export, and every thing not done with its reason.
 *
 * @param report - The run.
 * @returns Lines ending in newlines, for stdout (stderr with `--json`).
 * @example
 * ```ts
 * formatMergeReport(report).split('\n')[0]; //=> 'sales-lake merge: /repo/.local (DuckDB, incremental): 252 rows in orders_current'
 * ```
 */
export function formatMergeReport(report: MergeReport): string {
  const engine = report.engine === 'duckdb' ? 'DuckDB' : 'Athena';
  const outcome = report.dryRun
    ? 'dry run, nothing written'
    : report.currentRows === null
      ? `${report.statements.filter((s) => s.state === 'committed').length} of ${report.statements.length} statements committed`
      : `${report.currentRows} rows in orders_current`;
  let text = `sales-lake merge: ${report.lake} (${engine}, ${report.mode}): ${outcome}\n`;
  text += row('run', `${report.runId}, read until ${report.readUntil}, lateness ${report.latenessSeconds} s`);
  text += row('window', describeWindow(report.window, report.wholeLog));
  if (report.changeRowsRead !== null) text += row('change rows', `${report.changeRowsRead} read`);
  if (report.rows !== null)
    text += row(
      'orders_current',
      `${report.rows.inserted} inserted, ${report.rows.updated} updated, ${report.rows.deleted} deleted`,
    );
  if (report.tombstones !== null)
    text += row('tombstones', `${report.tombstones.recorded} recorded, ${report.tombstones.expired} expired`);
  for (const [index, statement] of report.statements.entries())
    text += row(index === 0 ? 'statements' : '', describeStatement(statement));
  if (report.exported !== null) text += row('export', report.exported);
  for (const [index, note] of report.notDone.entries()) text += row(index === 0 ? 'not done' : '', note);
  return text;
}

/**
 * The statements of a dry run as SQL text, each after a comment naming it, as the engine would receive them.
 *
 * @param statements - The plan's statements, with any setup statement (the local change-log view) first.
 * @returns SQL text, one statement per paragraph, each ending in `;`.
 */
export function formatStatements(statements: readonly MergeStatement[]): string {
  return statements.map((statement) => `-- ${statement.name}\n${statement.sql};\n`).join('\n');
}
