/**
 * writeRepair: the corrective rows for the drift a reconcile confirmed, in the lake's contract, as one object under a
 * key derived from the re-check's snapshot, so writing it again replaces it.
 */
import { toRowLine } from '@sales/transform';
import { writeObject } from '../backfill/write-object.js';
import type { LakeStore } from '../lake/lake-store.js';
import { snapshotObjectKey } from '../rows/object-key.js';
import type { Drift } from './drift.js';
import type { KeysNow } from './recheck.js';

/**
 * The `remove` row of a key the table no longer holds: sorted at the fence (after every lake row of the key, which
 * the comparison checked are older), keys-only old image, as the transform writes a remove.
 *
 * @param key - The `order_id`.
 * @param now - The re-check's snapshot.
 * @returns The row line.
 * @throws Error when the transform rejects the row (it cannot for a string key).
 */
export function removeLine(key: string, now: KeysNow): string {
  const keys = { [now.context.keyNames[0] as string]: { S: key } };
  const line = toRowLine({
    operation: 'remove',
    eventId: `${now.context.snapshotId.replace('reconcile-', 'reconcile:')}:${key}`,
    eventTimeMicros: now.context.snapshotTimeMicros,
    sortTimeMicros: now.context.fenceMicros,
    sequenceNumber: null,
    table: now.context.table,
    ttlExpired: false,
    keys,
    newImage: undefined,
    oldImage: keys,
  });
  if (!line.ok) throw new Error(`cannot build the remove row of ${key}: ${line.detail}`);
  return line.value;
}

/**
 * Writes a `snapshot` row (the item as re-read) for each missing or mismatched key and a `remove` row for each extra
 * one, all fenced at the re-check's start, as `snapshot-reconcile-<table>-<µs>.json.gz` in its hour partition.
 *
 * @param lake - The lake.
 * @param drift - The confirmed drift.
 * @param now - The re-check's rows and snapshot.
 * @returns The object's key and the rows written, or `undefined` when there was nothing to write.
 */
export async function writeRepair(
  lake: LakeStore,
  drift: readonly Drift[],
  now: KeysNow,
): Promise<{ key: string; rows: number } | undefined> {
  const lines: string[] = [];
  for (const entry of drift) {
    const line = entry.kind === 'extra_in_lake' ? removeLine(entry.order_id, now) : now.lines.get(entry.order_id);
    if (line !== undefined) lines.push(line);
  }
  if (lines.length === 0) return undefined;
  const key = snapshotObjectKey(
    now.context.snapshotTimeMicros,
    `${now.context.snapshotId.replace('reconcile-', `reconcile-${now.context.table}-`)}`,
  );
  await writeObject(lake, key, Buffer.from(lines.join(''), 'utf8'));
  return { key, rows: lines.length };
}
