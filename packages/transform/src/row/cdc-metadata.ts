import type { ChangeRecord } from '../change/change-record.js';
import type { ColumnSpans } from './column-spans.js';
import { NO_SEQUENCE, writeCdcTail } from './cdc-tail.js';
import type { JsonSink } from './json-sink.js';

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

/**
 * Names no item column takes (a clashing attribute gets a `_2` suffix): the CDC metadata
 * columns, `cdc_rejected` (written with a schema), and the partition columns `year`, `month`,
 * `day`, `hour` of the lake layout (a row member with a partition column's name makes a
 * duplicate column, or is hidden by the partition value).
 */
export const RESERVED_COLUMNS: ReadonlySet<string> = new Set([
  ...CDC_COLUMNS,
  'cdc_rejected',
  'year',
  'month',
  'day',
  'hour',
]);

const OPERATION_JSON: Readonly<Record<ChangeRecord['operation'], string>> = {
  insert: '"insert"',
  modify: '"modify"',
  remove: '"remove"',
  snapshot: '"snapshot"',
};

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
 * Write the CDC metadata columns of a change as JSON object members, each with a leading comma
 * (`,"cdc_operation":"insert",...`), in {@link CDC_COLUMNS} order.
 *
 * @param sink - where to write (after the item columns; every image has at least one)
 * @param change - the change
 * @param eventTime - `toIsoMillis(change.eventTimeMicros)`
 * @param changedAttributes - columns a MODIFY changed, or null
 * @param spans - when given, receives each column's name and value span in `sink`
 */
export function writeCdcMetadata(
  sink: JsonSink,
  change: ChangeRecord,
  eventTime: string,
  changedAttributes: readonly string[] | null,
  spans?: ColumnSpans,
): void {
  sink.ascii(',"cdc_operation":');
  let start = sink.mark();
  sink.ascii(OPERATION_JSON[change.operation]);
  spans?.add('cdc_operation', start, sink.mark());
  sink.ascii(',"cdc_event_id":');
  start = sink.mark();
  sink.jsonString(change.eventId);
  spans?.add('cdc_event_id', start, sink.mark());
  writeCdcTail(sink, change, eventTime, changedAttributes, spans);
}
