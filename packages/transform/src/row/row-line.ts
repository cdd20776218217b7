import type { ChangeRecord } from '../change/change-record.js';
import { Conformance } from './conformance.js';
import type { Parsed } from '../shared/parsed.js';
import { ByteWriter } from './byte-writer.js';
import { type RowOptions, writeRowLine } from './row.js';

/**
 * Turn a change into its lake row as one line of newline-delimited JSON, in one call: the same
 * row as {@link toRow} gives (same columns, same order, same values), written by the handler's own
 * encoder straight into the line, with no map of columns in between. The line is byte for byte
 * what the Firehose handler delivers for the change, and what `serializeRow(toRow(change))` gives.
 * A snapshot change (`operation: 'snapshot'`, an item a backfill read) gives a snapshot row.
 *
 * Use it for one row at a time (a replay, a repair, a test); to collect many rows as bytes for a
 * file or an object, {@link RowLineWriter} writes them without a string per row.
 *
 * @param change - a validated change, from {@link parseChangeRecord} or {@link toChangeRecord}
 * @param options - see {@link RowOptions}
 * @returns the line, `{"col":value,...}` ending in `\n`, or why an attribute value is malformed
 *   (never throws for bad data)
 * @example
 * ```ts
 * const change = parseChangeRecord(
 *   '{"eventID":"e1","eventName":"INSERT","dynamodb":{"ApproximateCreationDateTime":1736937011,' +
 *     '"Keys":{"order_id":{"S":"o-1"}},"NewImage":{"order_id":{"S":"o-1"},"totalPrice":{"N":"44.98"}}}}',
 * );
 * const line = change.ok ? toRowLine(change.value) : change;
 * if (line.ok) process.stdout.write(line.value);
 * //=> {"order_id":"o-1","total_price":44.98,"cdc_operation":"insert","cdc_event_id":"e1",
 * //   "cdc_event_time":"2025-01-15T10:30:11.000Z","cdc_sequence_number":null,
 * //   "cdc_sort_key":"1736937011000000-0000000000000000000000000000000000000000","cdc_table":null,
 * //   "cdc_ttl_expired":false,"cdc_changed_attributes":null}
 * ```
 */
export function toRowLine(change: ChangeRecord, options: RowOptions = {}): Parsed<string> {
  writer ??= new ByteWriter();
  writer.reset();
  const conformance = options.schema === undefined ? undefined : new Conformance(options.schema);
  const written = writeRowLine(change, writer, undefined, conformance);
  return written.ok ? { ok: true, value: writer.toString() } : written;
}

// One reusable buffer, created on first use (nothing runs at import). toRowLine is synchronous and
// never re-entered, so sharing it is invisible to callers.
let writer: ByteWriter | undefined;
