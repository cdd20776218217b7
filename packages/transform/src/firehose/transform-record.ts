import { normaliseChange } from '../change/change-record.js';
import { decodeRecord } from '../decode/decode-record.js';
import { fail, type Parsed } from '../shared/parsed.js';
import { toPartitionKeys, type PartitionKeys } from './partition-keys.js';
import { ByteWriter } from '../row/byte-writer.js';
import { writeRowLine } from '../row/row.js';
import { Conformance } from '../row/conformance.js';
import type { RowSchema } from '../schema/row-schema.js';

/** A record that became a row. */
export interface TransformedRecord {
  /** The row as one JSON line ending in `\n`, base64-encoded for the Firehose response. */
  readonly data: string;
  /** Partition keys from the row's `cdc_event_time`. */
  readonly partitionKeys: PartitionKeys;
  /** Values the declared schema's columns rejected (kept in `cdc_rejected`); 0 without a schema. */
  readonly rejectedValues: number;
}

// One reusable output buffer, created on first use (nothing runs at import). Transforms are
// synchronous and never re-entered, so sharing it is invisible to callers.
let writer: ByteWriter | undefined;

/**
 * Turn the `data` of one Firehose record into its base64 row line: decode, parse, validate,
 * flatten and write in one pass, without an intermediate unmarshalled object. The output is
 * byte for byte what `serializeRow(toRow(parseChangeRecord(text)))` gives.
 *
 * @param data - the record's base64 `data`
 * @param fallbackEventTimeMs - event time to use when the change has none (the arrival time)
 * @param schema - when given, the row conforms to it (see `createRowSchema`)
 * @returns the output data and partition keys, or why the record failed
 */
export function transformRecord(
  data: unknown,
  fallbackEventTimeMs?: number,
  schema?: RowSchema,
): Parsed<TransformedRecord> {
  const text = decodeRecord(data);
  if (!text.ok) return text;
  let json: unknown;
  try {
    json = JSON.parse(text.value);
  } catch (error) {
    return fail('not-json', `data is not JSON: ${(error as Error).message}`);
  }
  const change = normaliseChange(json, fallbackEventTimeMs);
  if (!change.ok) return change;
  writer ??= new ByteWriter();
  writer.reset();
  const conformance = schema === undefined ? undefined : new Conformance(schema);
  const eventTime = writeRowLine(change.value, writer, undefined, conformance);
  if (!eventTime.ok) return eventTime;
  const rejectedValues = conformance === undefined ? 0 : conformance.rejected.length;
  return {
    ok: true,
    value: { data: writer.toBase64(), partitionKeys: toPartitionKeys(eventTime.value), rejectedValues },
  };
}
