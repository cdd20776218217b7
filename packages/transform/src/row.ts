import { AttributeError } from './attribute-error.js';
import type { AttributeMap } from './attribute-value.js';
import type { ByteWriter } from './byte-writer.js';
import { cdcMetadataMembers, cdcMetadataValues, CDC_COLUMNS, RESERVED_COLUMNS, writeCdcMetadata } from './cdc-metadata.js';
import { toIsoMillis } from './event-time.js';
import type { ChangeRecord } from './change-record.js';
import { flattenImage } from './flatten-image.js';
import { fail, type Parsed } from './parsed.js';

/**
 * One lake row: from column name to the column's value as JSON text, in output order (item
 * columns first, then the CDC metadata columns). Values are JSON text rather than JavaScript
 * values so that numbers keep their stored digits; `JSON.parse` a value to use it in code.
 */
export type Row = ReadonlyMap<string, string>;

/** A row's columns, plus the event time; what {@link toRow} and the batch transform share. */
export interface RowParts {
  /** Column names, item columns then {@link CDC_COLUMNS} (empty when built for a line only). */
  readonly names: readonly string[];
  /** JSON text per column (empty when built for a line only). */
  readonly values: readonly string[];
  /** The row as one JSON line ending in `\n`. */
  readonly line: string;
  /** `cdc_event_time`, ISO-8601 UTC with ms. */
  readonly eventTime: string;
}

/**
 * The image a row is made of: the state after the change (a snapshot's item is its `newImage`), or
 * the keys for a keys-only tombstone.
 */
function rowImage(change: ChangeRecord): { image: AttributeMap; source: string } {
  if (change.operation === 'remove') {
    return change.oldImage === undefined ? { image: change.keys, source: 'Keys' } : { image: change.oldImage, source: 'OldImage' };
  }
  return { image: change.newImage ?? change.keys, source: change.newImage === undefined ? 'Keys' : 'NewImage' };
}

/**
 * Build the columns of a change's row. See {@link toRow}.
 *
 * @param change - a validated change
 * @param keepParts - also return names and values (the line is always built)
 * @returns the row's columns, or why an attribute value is malformed
 */
export function toRowParts(change: ChangeRecord, keepParts = true): Parsed<RowParts> {
  const { image, source } = rowImage(change);
  const diffAgainst = change.operation === 'modify' ? change.oldImage : undefined;
  let flat;
  try {
    flat = flattenImage(image as Record<string, unknown>, RESERVED_COLUMNS, diffAgainst as Record<string, unknown> | undefined, keepParts);
  } catch (error) {
    if (error instanceof AttributeError) return fail(error.reason, `dynamodb.${source}.${error.detail}`);
    throw error;
  }
  const eventTime = toIsoMillis(change.eventTimeMicros);
  const metadata = cdcMetadataMembers(change, eventTime, flat.changed);
  const line = flat.members === '' ? `{${metadata}}\n` : `{${flat.members},${metadata}}\n`;
  return {
    ok: true,
    value: {
      names: keepParts ? [...flat.names, ...CDC_COLUMNS] : [],
      values: keepParts ? [...flat.values, ...cdcMetadataValues(change, flat.changed).values] : [],
      line,
      eventTime,
    },
  };
}

/**
 * Write a change's row line (JSON ending in `\n`) into `writer` as UTF-8 bytes, byte for byte
 * what `serializeRow(toRow(change))` gives; the batch transform's fast path.
 *
 * @param change - a validated change
 * @param writer - reset, then holds the line
 * @returns the event time (ISO-8601), or why an attribute value is malformed
 */
export function writeRowLine(change: ChangeRecord, writer: ByteWriter): Parsed<string> {
  const { image, source } = rowImage(change);
  const diffAgainst = change.operation === 'modify' ? change.oldImage : undefined;
  writer.reset();
  writer.ascii('{');
  let flat;
  try {
    flat = flattenImage(image as Record<string, unknown>, RESERVED_COLUMNS, diffAgainst as Record<string, unknown> | undefined, false, writer);
  } catch (error) {
    if (error instanceof AttributeError) return fail(error.reason, `dynamodb.${source}.${error.detail}`);
    throw error;
  }
  if (!flat.written) {
    writer.reset();
    writer.ascii('{');
    writer.raw(flat.members);
  }
  const eventTime = toIsoMillis(change.eventTimeMicros);
  // Every image has at least one leaf (Keys are never empty), so the metadata follows a member.
  writeCdcMetadata(writer, change, eventTime, flat.changed);
  writer.ascii('}\n');
  return { ok: true, value: eventTime };
}

/**
 * Turn a change into its lake row: the item's state after the change (`NewImage`; for REMOVE
 * the `OldImage`, or just the `Keys` when the stream view carries no old image), flattened
 * into lower snake_case columns, plus the CDC metadata columns ({@link CDC_COLUMNS}).
 * For a MODIFY with both images, `cdc_changed_attributes` lists the columns that differ.
 *
 * @param change - a validated change, from {@link parseChangeRecord}
 * @returns the row, or why an attribute value is malformed (never throws for bad data)
 * @example
 * ```ts
 * const change = parseChangeRecord(text);
 * const row = change.ok ? toRow(change.value) : change;
 * if (row.ok) console.log(row.value.get('customer_city')); //=> '"Lyon"'
 * ```
 */
export function toRow(change: ChangeRecord): Parsed<Row> {
  const parts = toRowParts(change);
  if (!parts.ok) return parts;
  const row = new Map<string, string>();
  parts.value.names.forEach((name, i) => row.set(name, parts.value.values[i] as string));
  return { ok: true, value: row };
}
