import type { ByteWriter } from './byte-writer.js';
import type { ChangeRecord } from './change-record.js';
import { toIsoMillis } from './event-time.js';

/**
 * The CDC metadata columns every row carries, in output order. Item attributes never take
 * these names (a clashing attribute gets a `_2` suffix).
 */
export const CDC_COLUMNS = [
  'cdc_operation',
  'cdc_event_id',
  'cdc_event_time',
  'cdc_sequence_number',
  'cdc_sort_key',
  'cdc_table',
  'cdc_ttl_expired',
  'cdc_changed_attributes',
] as const;

/** Name of one CDC metadata column. */
export type CdcColumn = (typeof CDC_COLUMNS)[number];

/** {@link CDC_COLUMNS} as a set, for collision checks. */
export const RESERVED_COLUMNS: ReadonlySet<string> = new Set(CDC_COLUMNS);

const NO_SEQUENCE = '0'.repeat(40);

/**
 * The `cdc_sort_key` of a change: sorting one item's rows by it as strings puts its changes in
 * the order they happened. It is the event time in microseconds, zero-padded to 16 digits, a
 * `-`, and the stream `SequenceNumber` zero-padded to 40 digits (40 zeros in the KDS format,
 * which has none). Within the 1-second resolution of stream times the sequence number decides;
 * KDS records are ordered by their ms/µs time, as AWS recommends for that format.
 *
 * @param eventTimeMicros - event time in µs since the epoch
 * @param sequenceNumber - stream sequence number, or null
 * @returns a 57-character key, e.g. `1736937011000000-0000000000000005172400000000023457312842`
 */
export function toSortKey(eventTimeMicros: number, sequenceNumber: string | null): string {
  const time = String(eventTimeMicros).padStart(16, '0');
  return `${time}-${sequenceNumber === null ? NO_SEQUENCE : sequenceNumber.padStart(40, '0')}`;
}

/**
 * JSON text of each CDC metadata column of a change, index-aligned with {@link CDC_COLUMNS}.
 *
 * @param change - the change
 * @param changedAttributes - columns a MODIFY changed, or null
 * @returns the JSON texts, and the event time as ISO-8601 (for partition keys)
 */
export function cdcMetadataValues(
  change: ChangeRecord,
  changedAttributes: readonly string[] | null,
): { readonly values: readonly string[]; readonly eventTime: string } {
  const eventTime = toIsoMillis(change.eventTimeMicros);
  const values = [
    `"${change.operation}"`,
    JSON.stringify(change.eventId),
    `"${eventTime}"`,
    change.sequenceNumber === null ? 'null' : `"${change.sequenceNumber}"`,
    `"${toSortKey(change.sortTimeMicros ?? change.eventTimeMicros, change.sequenceNumber)}"`,
    change.table === null ? 'null' : JSON.stringify(change.table),
    change.ttlExpired ? 'true' : 'false',
    changedAttributes === null ? 'null' : changedAttributes.length === 0 ? '[]' : `["${changedAttributes.join('","')}"]`,
  ];
  return { values, eventTime };
}

/**
 * The CDC metadata columns of a change as JSON object members, `"cdc_operation":...,...`, in
 * {@link CDC_COLUMNS} order; the same text {@link cdcMetadataValues} gives, without the array.
 *
 * @param change - the change
 * @param eventTime - `toIsoMillis(change.eventTimeMicros)`
 * @param changedAttributes - columns a MODIFY changed, or null
 * @returns the members text
 */
export function cdcMetadataMembers(change: ChangeRecord, eventTime: string, changedAttributes: readonly string[] | null): string {
  const changed = changedAttributes === null ? 'null' : changedAttributes.length === 0 ? '[]' : `["${changedAttributes.join('","')}"]`;
  return (
    `"cdc_operation":"${change.operation}","cdc_event_id":${JSON.stringify(change.eventId)},"cdc_event_time":"${eventTime}",` +
    `"cdc_sequence_number":${change.sequenceNumber === null ? 'null' : `"${change.sequenceNumber}"`},` +
    `"cdc_sort_key":"${toSortKey(change.sortTimeMicros ?? change.eventTimeMicros, change.sequenceNumber)}",` +
    `"cdc_table":${change.table === null ? 'null' : JSON.stringify(change.table)},"cdc_ttl_expired":${change.ttlExpired},` +
    `"cdc_changed_attributes":${changed}`
  );
}

/**
 * Write the same members as {@link cdcMetadataMembers}, with a leading comma, straight into a
 * {@link ByteWriter} (no intermediate string).
 *
 * @param writer - where to append
 * @param change - the change
 * @param eventTime - `toIsoMillis(change.eventTimeMicros)`
 * @param changedAttributes - columns a MODIFY changed, or null
 */
export function writeCdcMetadata(writer: ByteWriter, change: ChangeRecord, eventTime: string, changedAttributes: readonly string[] | null): void {
  writer.ascii(',"cdc_operation":"');
  writer.ascii(change.operation);
  writer.ascii('","cdc_event_id":');
  writer.jsonString(change.eventId);
  writer.ascii(',"cdc_event_time":"');
  writer.ascii(eventTime);
  writer.ascii('","cdc_sequence_number":');
  if (change.sequenceNumber === null) writer.ascii('null');
  else writer.jsonString(change.sequenceNumber);
  writer.ascii(',"cdc_sort_key":"');
  const time = String(change.sortTimeMicros ?? change.eventTimeMicros);
  writer.ascii(NO_SEQUENCE, 24 + time.length); // 16 - time.length zeros
  writer.ascii(time);
  writer.ascii('-');
  writer.ascii(NO_SEQUENCE, change.sequenceNumber === null ? 0 : change.sequenceNumber.length);
  if (change.sequenceNumber !== null) writer.ascii(change.sequenceNumber);
  writer.ascii('","cdc_table":');
  if (change.table === null) writer.ascii('null');
  else writer.jsonString(change.table);
  writer.ascii(change.ttlExpired ? ',"cdc_ttl_expired":true,"cdc_changed_attributes":' : ',"cdc_ttl_expired":false,"cdc_changed_attributes":');
  if (changedAttributes === null) {
    writer.ascii('null');
  } else {
    writer.ascii('[');
    changedAttributes.forEach((name, i) => {
      writer.ascii(i === 0 ? '"' : ',"');
      writer.ascii(name);
      writer.ascii('"');
    });
    writer.ascii(']');
  }
}
