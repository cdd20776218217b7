/**
 * The reconcile report for people: the verdict, the fence margin and why, counts per drift kind with the first keys
 * of each, and every key not judged with its reason and when a run can judge it.
 */
import { DRIFT_KINDS, type Drift, type NotJudged, type ReconcileResult } from './drift.js';

/** Keys listed per kind; `--json` lists them all. */
export const KEYS_SHOWN = 5;

/**
 * The verdict line's state: a report says "no drift" only when every key whose sides differ was judged.
 *
 * @param result - The run's result.
 * @returns The state words.
 * @example
 * ```ts
 * reconcileVerdict({ complete: true, drift: [], not_judged: [notJudged], … });
 * //=> 'no drift among the keys judged; 1 keys not judged (see below)'
 * ```
 */
export function reconcileVerdict(result: ReconcileResult): string {
  if (!result.complete) return 'stopped before the end: nothing was judged';
  const notJudged = result.not_judged.length === 0 ? '' : `; ${result.not_judged.length} keys not judged (see below)`;
  if (result.drift.length === 0)
    return result.not_judged.length === 0 ? 'no drift' : `no drift among the keys judged${notJudged}`;
  return `${result.drift.length} keys drifted${notJudged}`;
}

/** What the table was judged against, in words: the change log, or `orders_current` as of its last merge. */
function againstText(result: ReconcileResult): string {
  if (result.against === 'log') return "the change log (each key's latest row under sales/)";
  const merge =
    result.last_merge === null
      ? 'no merge recorded'
      : `last merged up to ${result.last_merge.read_until} (run ${result.last_merge.run_id}); keys changed since differ until the next merge`;
  return `orders_current, the merged current state: ${merge}`;
}

/** The first {@link KEYS_SHOWN} texts, and an ellipsis when there are more. */
const firstOf = (texts: readonly string[]): string =>
  texts.slice(0, KEYS_SHOWN).join(', ') + (texts.length > KEYS_SHOWN ? ', …' : '');

const driftText = (entry: Drift): string =>
  entry.columns.length > 0 ? `${entry.order_id} (${entry.columns.join(', ')})` : entry.order_id;

const REASON_TEXT: Readonly<Record<NotJudged['reason'], string>> = {
  changed_within_margin: 'changed in the lake within the fence margin before the table was read',
  changed_after_read: 'changed in the lake after the table was read',
};

function notJudgedLines(result: ReconcileResult): string[] {
  if (result.not_judged.length === 0) return [];
  const latest = result.not_judged
    .map((entry) => entry.judge_after)
    .sort()
    .at(-1);
  const lines = [`  not judged: ${result.not_judged.length} keys whose sides differ but are not of one moment`];
  for (const reason of Object.keys(REASON_TEXT) as NotJudged['reason'][]) {
    const entries = result.not_judged.filter((entry) => entry.reason === reason);
    if (entries.length === 0) continue;
    const shown = firstOf(entries.map((entry) => `${entry.order_id} (${entry.kind}, ${entry.lake_change_time})`));
    lines.push(`    ${String(entries.length).padStart(6)}  ${REASON_TEXT[reason]}: ${shown}`);
  }
  lines.push(`    run reconcile again after ${latest} to judge them (with --export: an export taken after that time)`);
  return lines;
}

/**
 * The human report.
 *
 * @param result - The run's result.
 * @param location - The lake, for the heading.
 * @returns Lines ending in a newline.
 * @example
 * ```ts
 * formatReconcileReport({ table: 'orders', against: 'log', table_items: 3, lake_keys: 3, drift: [], … }, '.local');
 * //=> 'reconcile orders against .local: no drift\n  3 table items, 3 lake keys, …\n  judged against: the change log …\n'
 * ```
 */
export function formatReconcileReport(result: ReconcileResult, location: string): string {
  const lines = [
    `reconcile ${result.table} against ${location}: ${reconcileVerdict(result)}`,
    `  ${result.table_items} table items, ${result.lake_keys} lake keys, ${result.buckets_differing} buckets differed`,
    `  fence margin ${result.fence_margin.seconds} s: ${result.fence_margin.reason}`,
    `  judged against: ${againstText(result)}`,
  ];
  if (result.columns_not_judged.length > 0)
    lines.push(`  columns not judged (orders_current does not declare them): ${result.columns_not_judged.join(', ')}`);
  if (result.drift.length > 0) {
    lines.push(`  ${'kind'.padEnd(16)}${'keys'.padStart(8)}  first keys`);
    for (const kind of DRIFT_KINDS) {
      const entries = result.drift.filter((entry) => entry.kind === kind);
      lines.push(`  ${kind.padEnd(16)}${String(entries.length).padStart(8)}  ${firstOf(entries.map(driftText))}`);
    }
  }
  lines.push(...notJudgedLines(result));
  if (result.settled.length > 0)
    lines.push(
      `  settled: ${result.settled.length} keys differed, then matched when re-read (the lake caught up): ${firstOf(result.settled)}`,
    );
  if (result.failed_items.length > 0)
    lines.push(
      `  ${result.failed_items.length} items could not become rows (not compared): ${result.failed_items.slice(0, KEYS_SHOWN).join('; ')}`,
    );
  if (result.repair !== null) lines.push(`  repaired: ${result.repair.rows} rows written to ${result.repair.key}`);
  lines.push('');
  return lines.join('\n');
}
