/**
 * dryRunStore: a lake that reads through and writes nowhere, so a dry run walks the real run's code path.
 */
import type { LakeStore } from '../lake/lake-store.js';

/**
 * Wraps a lake so that reads and listings reach it and writes and removals are dropped. A `--dry-run` backfill
 * scans the table and builds every object through it, so its summary counts the items, rows, objects and bytes
 * the real run writes, and the two cannot drift apart (CONVENTIONS §6: a dry run prints the same plan).
 *
 * @param lake - The lake the real run would write to.
 * @returns A store with the same location that writes nothing.
 * @example
 * ```ts
 * await dryRunStore(lake).write('sales/…/scan-orders-s0of4-p000000.json.gz', body); // nothing written
 * ```
 */
export function dryRunStore(lake: LakeStore): LakeStore {
  return {
    location: lake.location,
    list: (prefix) => lake.list(prefix),
    read: (key) => lake.read(key),
    write: async () => undefined,
    remove: async () => undefined,
  };
}
