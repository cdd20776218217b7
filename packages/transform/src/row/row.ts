import { AttributeError } from './attribute-error.js';
import type { AttributeMap } from '../change/attribute-value.js';
import { RESERVED_COLUMNS, writeCdcMetadata } from './cdc-metadata.js';
import type { ChangeRecord } from '../change/change-record.js';
import { ByteWriter } from './byte-writer.js';
import { ColumnSpans } from './column-spans.js';
import { toIsoMillis } from '../change/event-time.js';
import { flattenImage } from './flatten-image.js';
import type { JsonSink } from './json-sink.js';
import { fail, type Parsed } from '../shared/parsed.js';
import { RowMap } from './row-map.js';
import { Conformance, REJECTED_COLUMN, writeRejectedValues } from './conformance.js';
import type { RowSchema } from '../schema/row-schema.js';

/**
 * One lake row: from column name to the column's value as JSON text, in output order (item
 * columns first, then the CDC metadata columns). Values are JSON text rather than JavaScript
 * values so that numbers keep their stored digits; `JSON.parse` a value to use it in code.
 */
export type Row = ReadonlyMap<string, string>;

/**
 * The image a row is made of: the state after the change (a snapshot's item is its `newImage`), or
 * the keys for a keys-only tombstone.
 */
function rowImage(change: ChangeRecord): { image: AttributeMap; source: string } {
  if (change.operation === 'remove') {
    return change.oldImage === undefined
      ? { image: change.keys, source: 'Keys' }
      : { image: change.oldImage, source: 'OldImage' };
  }
  return { image: change.newImage ?? change.keys, source: change.newImage === undefined ? 'Keys' : 'NewImage' };
}

/**
 * Write a change's row line (a JSON object ending in `\n`) into `sink`: the one encoder behind
 * both the handler (bytes) and {@link toRow} (a string). See {@link toRow} for the contract.
 *
 * @param change - a validated change
 * @param sink - where to write; holds a partial line when the change is malformed
 * @param spans - when given, receives each column's name and value span in `sink`
 * @param conformance - when given, the row conforms to its schema and ends with `cdc_rejected`
 * @returns the event time (ISO-8601, for partition keys), or why an attribute value is malformed
 */
export function writeRowLine(
  change: ChangeRecord,
  sink: JsonSink,
  spans?: ColumnSpans,
  conformance?: Conformance,
): Parsed<string> {
  const { image, source } = rowImage(change);
  const diffAgainst = change.operation === 'modify' ? change.oldImage : undefined;
  sink.ascii('{');
  let changed: string[] | null;
  try {
    changed = flattenImage(
      sink,
      image as Record<string, unknown>,
      RESERVED_COLUMNS,
      diffAgainst as Record<string, unknown> | undefined,
      spans,
      conformance,
    );
  } catch (error) {
    if (error instanceof AttributeError) return fail(error.reason, `dynamodb.${source}.${error.detail}`);
    throw error;
  }
  const eventTime = toIsoMillis(change.eventTimeMicros);
  // Every image has at least one leaf (Keys are never empty), so the metadata follows a member.
  writeCdcMetadata(sink, change, eventTime, changed, spans);
  if (conformance !== undefined) {
    sink.ascii(`,"${REJECTED_COLUMN}":`);
    const start = sink.mark();
    writeRejectedValues(sink, conformance.rejected);
    spans?.add(REJECTED_COLUMN, start, sink.mark());
  }
  sink.ascii('}\n');
  return { ok: true, value: eventTime };
}

/** Options for {@link toRow}. */
export interface RowOptions {
  /**
   * The declared table schema the row must conform to, from {@link createRowSchema}.
   * @defaultValue - natural JSON: every value in its own JSON type, no `cdc_rejected` column
   */
  readonly schema?: RowSchema;
}

/**
 * Turn a change into its lake row: the item's state after the change (`NewImage`; for REMOVE
 * the `OldImage`, or just the `Keys` when the stream view carries no old image), flattened
 * into lower snake_case columns, plus the CDC metadata columns ({@link CDC_COLUMNS}).
 * For a MODIFY with both images, `cdc_changed_attributes` lists the columns that differ.
 * With `options.schema`, the row conforms to the declared schema and ends with `cdc_rejected`
 * (see {@link createRowSchema}); without it, the row is today's natural JSON.
 *
 * The row is written once, by the same encoder as the handler's; each value is a slice of that
 * line, and {@link serializeRow} gives the line back without writing it again.
 *
 * @param change - a validated change, from {@link parseChangeRecord}
 * @param options - see {@link RowOptions}
 * @returns the row, or why an attribute value is malformed (never throws for bad data)
 * @example
 * ```ts
 * const change = parseChangeRecord(text);
 * const row = change.ok ? toRow(change.value) : change;
 * if (row.ok) console.log(row.value.get('customer_city')); //=> '"Lyon"'
 * ```
 */
export function toRow(change: ChangeRecord, options: RowOptions = {}): Parsed<Row> {
  writer ??= new ByteWriter();
  writer.reset();
  const spans = new ColumnSpans();
  const written = writeRowLine(
    change,
    writer,
    spans,
    options.schema === undefined ? undefined : new Conformance(options.schema),
  );
  if (!written.ok) return written;
  const line = writer.toString();
  if (line.length !== writer.length) toCharBounds(writer.buffer, spans.bounds);
  return { ok: true, value: new RowMap(line, spans.names, spans.bounds) };
}

// One reusable buffer for toRow, created on first use (nothing runs at import). toRow is
// synchronous and never re-entered, so sharing it is invisible to callers.
let writer: ByteWriter | undefined;

/**
 * Turn byte offsets into the UTF-8 text of `bytes` into offsets into the decoded string, in
 * place, in one pass: every byte that starts a character counts one UTF-16 unit, or two for a
 * 4-byte sequence (a surrogate pair). `bounds` must not decrease.
 */
function toCharBounds(bytes: Buffer, bounds: number[]): void {
  let byte = 0;
  let char = 0;
  for (let i = 0; i < bounds.length; i++) {
    const target = bounds[i] as number;
    while (byte < target) {
      const lead = bytes[byte++] as number;
      if ((lead & 0xc0) !== 0x80) char += lead >= 0xf0 ? 2 : 1;
    }
    bounds[i] = char;
  }
}
