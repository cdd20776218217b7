import type { ChangeRecord } from '../change/change-record.js';
import type { ColumnSpans } from './column-spans.js';
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

const NO_SEQUENCE = '0'.repeat(40);
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

/** `String(micros)`, remembered: the rows of a snapshot share their sort time, and the text of a 16-digit number is costly. */
function sortTimeText(micros: number): string {
  if (micros !== lastSortTime) {
    lastSortTime = micros;
    lastSortText = String(micros);
  }
  return lastSortText;
}

// One-entry memo of sortTimeText; no observable state, the result depends only on the argument.
let lastSortTime = Number.NaN;
let lastSortText = '';

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
  sink.ascii(',"cdc_event_time":"');
  start = sink.mark() - 1;
  sink.ascii(eventTime);
  sink.ascii('"');
  spans?.add('cdc_event_time', start, sink.mark());
  sink.ascii(',"cdc_sequence_number":');
  start = sink.mark();
  if (change.sequenceNumber === null) sink.ascii('null');
  else sink.jsonString(change.sequenceNumber);
  spans?.add('cdc_sequence_number', start, sink.mark());
  sink.ascii(',"cdc_sort_key":"');
  start = sink.mark() - 1;
  const time = sortTimeText(change.sortTimeMicros ?? change.eventTimeMicros);
  sink.ascii(NO_SEQUENCE, 24 + time.length); // 16 - time.length zeros
  sink.ascii(time);
  sink.ascii('-');
  sink.ascii(NO_SEQUENCE, change.sequenceNumber === null ? 0 : change.sequenceNumber.length);
  if (change.sequenceNumber !== null) sink.ascii(change.sequenceNumber);
  sink.ascii('"');
  spans?.add('cdc_sort_key', start, sink.mark());
  sink.ascii(',"cdc_table":');
  start = sink.mark();
  if (change.table === null) sink.ascii('null');
  else sink.jsonString(change.table);
  spans?.add('cdc_table', start, sink.mark());
  sink.ascii(',"cdc_ttl_expired":');
  start = sink.mark();
  sink.ascii(change.ttlExpired ? 'true' : 'false');
  spans?.add('cdc_ttl_expired', start, sink.mark());
  sink.ascii(',"cdc_changed_attributes":');
  start = sink.mark();
  if (changedAttributes === null) {
    sink.ascii('null');
  } else {
    sink.ascii('[');
    for (let i = 0; i < changedAttributes.length; i++) {
      sink.ascii(i === 0 ? '"' : ',"');
      sink.ascii(changedAttributes[i] as string);
      sink.ascii('"');
    }
    sink.ascii(']');
  }
  spans?.add('cdc_changed_attributes', start, sink.mark());
}
