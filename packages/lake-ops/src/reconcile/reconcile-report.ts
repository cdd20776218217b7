/**
 * The reconcile report for people: counts per drift kind and the first keys of each, as a small table.
 */
import { DRIFT_KINDS, type ReconcileResult } from './drift.js';

/** Keys listed per kind; `--json` lists them all. */
export const KEYS_SHOWN = 5;

/**
 * The human report.
 *
 * @param result - The run's result.
 * @param location - The lake, for the heading.
 * @returns Lines ending in a newline.
 * @example
 * ```ts
 * formatReconcileReport({ table: 'orders', table_items: 3, lake_keys: 3, drift: [], … }, '.local');
 * //=> 'reconcile orders against .local: no drift\n  3 table items, 3 lake keys, …\n'
 * ```
 */
export function formatReconcileReport(result: ReconcileResult, location: string): string {
  const state = !result.complete
    ? 'stopped before the end'
    : result.drift.length === 0
      ? 'no drift'
      : `${result.drift.length} keys drifted`;
  const lines = [
    `reconcile ${result.table} against ${location}: ${state}`,
    `  ${result.table_items} table items, ${result.lake_keys} lake keys, ${result.buckets_differing} buckets differed, ${result.in_flight} keys in flight (not drift)`,
  ];
  if (result.drift.length > 0) {
    lines.push(`  ${'kind'.padEnd(16)}${'keys'.padStart(8)}  first keys`);
    for (const kind of DRIFT_KINDS) {
      const entries = result.drift.filter((entry) => entry.kind === kind);
      const shown = entries
        .slice(0, KEYS_SHOWN)
        .map((entry) =>
          entry.columns.length > 0 ? `${entry.order_id} (${entry.columns.join(', ')})` : entry.order_id,
        );
      lines.push(
        `  ${kind.padEnd(16)}${String(entries.length).padStart(8)}  ${shown.join(', ')}${entries.length > KEYS_SHOWN ? ', …' : ''}`,
      );
    }
  }
  if (result.failed_items.length > 0)
    lines.push(
      `  ${result.failed_items.length} items could not become rows (not compared): ${result.failed_items.slice(0, KEYS_SHOWN).join('; ')}`,
    );
  if (result.repair !== null) lines.push(`  repaired: ${result.repair.rows} rows written to ${result.repair.key}`);
  lines.push('');
  return lines.join('\n');
}
