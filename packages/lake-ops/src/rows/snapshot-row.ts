/**
 * Snapshot rows: one item a backfill read (export line or Scan page) -> its lake row, through `@sales/transform`'s own
 * row encoder, so a snapshot row has the same columns as a stream change's.
 */
import { toRowLine, type AttributeMap, type ChangeRecord, type Parsed, type RowLineWriter } from '@sales/transform';

/** What every row of one snapshot shares. */
export interface SnapshotContext {
  /** Names the snapshot in event ids: the export id, or `scan-<page time µs>`. Same snapshot, same ids. */
  readonly snapshotId: string;
  /** The snapshot's time in µs since the epoch: `cdc_event_time`, and the partition the rows go to. */
  readonly snapshotTimeMicros: number;
  /** The fence in µs (see `toFenceMicros`): the time `cdc_sort_key` is built from. */
  readonly fenceMicros: number;
  /** The table name, for `cdc_table`. */
  readonly table: string;
  /** The table's key attribute names, partition key first. */
  readonly keyNames: readonly string[];
}

/** The text of one key attribute's value in an event id: the string, the digits, or the base64 bytes. */
function keyText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const typed = value as { S?: unknown; N?: unknown; B?: unknown };
  const text = typed.S ?? typed.N ?? typed.B;
  return typeof text === 'string' ? text : undefined;
}

/**
 * The snapshot change of one item: `operation: 'snapshot'`, the item as its new image, the snapshot time as event
 * time and the fence as sort time; the event id is `snapshot:<snapshotId>:<key values joined by "|">`, so the same
 * item of the same snapshot always gets the same id.
 *
 * @param item - The item in DynamoDB JSON.
 * @param context - The snapshot.
 * @returns The change, or `missing-keys` when the item lacks a key attribute.
 * @example
 * ```ts
 * toSnapshotChange({ order_id: { S: 'o-1' } }, { snapshotId: 'e1', snapshotTimeMicros: 5e15, fenceMicros: 4e15, table: 't', keyNames: ['order_id'] });
 * //=> { ok: true, value: { operation: 'snapshot', eventId: 'snapshot:e1:o-1', … } }
 * ```
 */
export function toSnapshotChange(item: AttributeMap, context: SnapshotContext): Parsed<ChangeRecord> {
  const keys: Record<string, AttributeMap[string]> = {};
  const texts: string[] = [];
  for (const name of context.keyNames) {
    const value = item[name];
    const text = keyText(value);
    if (value === undefined || text === undefined) {
      return { ok: false, reason: 'missing-keys', detail: `item has no key attribute ${name} of type S, N or B` };
    }
    keys[name] = value;
    texts.push(text);
  }
  return {
    ok: true,
    value: {
      operation: 'snapshot',
      eventId: `snapshot:${context.snapshotId}:${texts.join('|')}`,
      eventTimeMicros: context.snapshotTimeMicros,
      sortTimeMicros: context.fenceMicros,
      sequenceNumber: null,
      table: context.table,
      ttlExpired: false,
      keys,
      newImage: item,
      oldImage: undefined,
    },
  };
}

/**
 * One item's lake row as a JSON line ending in `\n`, byte for byte what the transform writes for a change.
 *
 * @param item - The item in DynamoDB JSON.
 * @param context - The snapshot.
 * @returns The line, or why the item cannot be a row (a missing key, a malformed attribute value).
 */
export function toSnapshotLine(item: AttributeMap, context: SnapshotContext): Parsed<string> {
  const change = toSnapshotChange(item, context);
  return change.ok ? toRowLine(change.value) : change;
}

/**
 * Appends one item's lake row to `rows`, the bytes of the object being built: the transform's encoder writes the line
 * straight into them, with no string or map per row in between.
 *
 * @param rows - The object's row lines so far.
 * @param item - The item in DynamoDB JSON.
 * @param context - The snapshot.
 * @returns The row's `cdc_event_time`, or why the item cannot be a row (then nothing is appended).
 * @example
 * ```ts
 * const rows = new RowLineWriter();
 * writeSnapshotRow(rows, { order_id: { S: 'o-1' } }, context); //=> { ok: true, value: '2025-01-15T10:30:11.250Z' }
 * rows.lineCount; //=> 1
 * ```
 */
export function writeSnapshotRow(rows: RowLineWriter, item: AttributeMap, context: SnapshotContext): Parsed<string> {
  const change = toSnapshotChange(item, context);
  return change.ok ? rows.write(change.value) : change;
}
