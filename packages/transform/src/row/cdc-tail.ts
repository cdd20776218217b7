import type { ChangeRecord } from '../change/change-record.js';
import type { ColumnSpans } from './column-spans.js';
import type { JsonSink } from './json-sink.js';

/** The sort key's sequence part when the change has no sequence number (40 zeros). */
export const NO_SEQUENCE = '0'.repeat(40);

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

/** Write the CDC metadata columns after `cdc_event_id`, each with a leading comma. */
function renderTail(
  sink: JsonSink,
  change: ChangeRecord,
  eventTime: string,
  changedAttributes: readonly string[] | null,
  spans: ColumnSpans | undefined,
): void {
  sink.ascii(',"cdc_event_time":"');
  let start = sink.mark() - 1;
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

/**
 * Write the CDC metadata columns after `cdc_event_id` (`,"cdc_event_time":...` to
 * `cdc_changed_attributes`), in the order of `CDC_COLUMNS`. Without a sequence number and without
 * changed columns (a snapshot row) they depend only on the event time, the sort time, the table and
 * the TTL flag, which every row of a snapshot shares: their bytes are written once and copied for
 * the next rows, about a third of a snapshot row's encoding otherwise.
 *
 * @param sink - where to write
 * @param change - the change
 * @param eventTime - `toIsoMillis(change.eventTimeMicros)`
 * @param changedAttributes - columns a MODIFY changed, or null
 * @param spans - when given, receives each column's name and value span in `sink`
 */
export function writeCdcTail(
  sink: JsonSink,
  change: ChangeRecord,
  eventTime: string,
  changedAttributes: readonly string[] | null,
  spans: ColumnSpans | undefined,
): void {
  if (spans !== undefined || changedAttributes !== null || change.sequenceNumber !== null) {
    renderTail(sink, change, eventTime, changedAttributes, spans);
    return;
  }
  const sortTime = change.sortTimeMicros ?? change.eventTimeMicros;
  if (
    tail !== undefined &&
    eventTime === tailEventTime &&
    sortTime === tailSortTime &&
    change.table === tailTable &&
    change.ttlExpired === tailTtlExpired
  ) {
    sink.bytes(tail);
    return;
  }
  const start = sink.mark();
  renderTail(sink, change, eventTime, null, undefined);
  tail = sink.copy(start);
  tailEventTime = eventTime;
  tailSortTime = sortTime;
  tailTable = change.table;
  tailTtlExpired = change.ttlExpired;
}

// One-entry memo of writeCdcTail's bytes and what they depend on; no observable state.
let tail: Uint8Array | undefined;
let tailEventTime = '';
let tailSortTime = Number.NaN;
let tailTable: string | null = null;
let tailTtlExpired = false;
