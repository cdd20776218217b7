/**
 * Pure presentation of a run: the exit code, the progress line and the human summary.
 */
import { ExitCode } from '@sales/command-line';
import type { RunSummary } from '../write/run-stats.js';

/**
 * The exit code for a finished run: 130 if interrupted, else 1 if any write failed or the run gave up
 * on an unreachable endpoint, else 0.
 *
 * @param summary - The run summary.
 * @returns 0, 1 or 130.
 */
export function exitCodeFor(summary: RunSummary): number {
  if (summary.interrupted) return ExitCode.interrupted;
  return summary.failed > 0 || summary.gaveUp !== undefined ? ExitCode.failed : ExitCode.ok;
}

/**
 * The live progress line (no newline): completed/planned, achieved rate, retries and failures.
 *
 * @param summary - A snapshot taken during the run.
 * @returns e.g. `1200/5000 ops  199.8 ops/s  retried 3  failed 0`.
 */
export function formatProgress(summary: RunSummary): string {
  const done = summary.succeeded + summary.failed;
  return `${done}/${summary.planned} ops  ${summary.achievedRate.toFixed(1)} ops/s  retried ${summary.retried}  failed ${summary.failed}`;
}

/**
 * The human summary printed to stderr at the end of a run.
 *
 * @param summary - The final summary.
 * @param context - Seed and table, so the run can be reproduced.
 * @returns Several lines, ending in a newline.
 */
export function formatSummary(summary: RunSummary, context: { seed: string; table: string }): string {
  const { put, update, delete: del } = summary.byOperation;
  const lines = [
    `${summary.interrupted ? 'interrupted' : summary.gaveUp === undefined ? 'done' : 'stopped'}: table ${context.table}, seed ${context.seed}`,
    `  attempted ${summary.attempted} of ${summary.planned} planned (${summary.notSent} not sent)`,
    `  succeeded ${summary.succeeded}  failed ${summary.failed}  retried ${summary.retried}`,
    `  puts ${put.succeeded}/${put.attempted}  updates ${update.succeeded}/${update.attempted}  deletes ${del.succeeded}/${del.attempted}`,
    `  ${summary.requests} requests (${summary.throttled} throttled), ${(summary.elapsedMs / 1000).toFixed(1)} s, ${summary.achievedRate.toFixed(1)} ops/s`,
  ];
  const causes = Object.entries(summary.retryCauses);
  if (causes.length > 0)
    lines.push(`  retried requests by cause: ${causes.map(([cause, n]) => `${cause} ${n}`).join(', ')}`);
  if (summary.gaveUp !== undefined) {
    const seconds = (summary.gaveUp.unreachableForMs / 1000).toFixed(1);
    lines.push(
      `  gave up: the endpoint gave no answer for ${seconds} s (${summary.gaveUp.cause}); ${summary.notSent} operations not sent`,
    );
  }
  const failures = Object.entries(summary.failures);
  if (failures.length > 0) lines.push(`  failures: ${failures.map(([name, n]) => `${name} ${n}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
