import type { AttributeValue } from '../change/attribute-value.js';
import { numberJson } from './attribute-payload.js';
import { ByteWriter } from './byte-writer.js';
import type { JsonSink } from './json-sink.js';
import { writeTypedValue } from './write-attribute.js';
import { writeConforming } from './conform-value.js';
import type { RowSchema } from '../schema/row-schema.js';

/** The column that keeps, losslessly, every value a declared column could not take. */
export const REJECTED_COLUMN = 'cdc_rejected';

/** One value a declared column could not take: the column and the attribute value, as DynamoDB JSON. */
export interface RejectedValue {
  readonly column: string;
  readonly value: AttributeValue;
}

/** The schema of one row being written, and the values its declared columns rejected so far. */
export class Conformance {
  /** Rejected values of the row, in column order. */
  readonly rejected: RejectedValue[] = [];

  /** @param schema - the declared schema */
  constructor(readonly schema: RowSchema) {}
}

// Scratch output for values written as JSON text inside a string, and for validating rejected
// values; created on first use (nothing runs at import). Writes are synchronous and never nested.
let scratch: ByteWriter | undefined;

function naturalJson(type: string, payload: unknown): string {
  scratch ??= new ByteWriter(1024);
  scratch.reset();
  writeTypedValue(scratch, type, payload);
  return scratch.toString();
}

/**
 * The undeclared-column policy: always a string (or null), so whatever type a crawler fixes at
 * first sighting (`string`) holds for every later row. `S` and `B` as they are, `N` as its exact
 * digits, `BOOL` as `"true"`/`"false"`, lists, sets and empty maps as their JSON text.
 */
function writeUndeclared(sink: JsonSink, type: string, payload: unknown): void {
  switch (type) {
    case 'S':
    case 'B':
    case 'NULL':
      writeTypedValue(sink, type, payload);
      return;
    case 'N':
      sink.ascii('"');
      sink.ascii(numberJson(payload));
      sink.ascii('"');
      return;
    default:
      sink.jsonString(naturalJson(type, payload));
  }
}

/**
 * Write one item column's value under a declared schema: a declared column gets the value only
 * if it conforms ({@link writeConforming}), else `null`, and the value is added to
 * `conformance.rejected`; an undeclared column is written as a string ({@link createRowSchema}).
 *
 * @param sink - where to write
 * @param conformance - the schema and the row's rejected values
 * @param column - the column's final name
 * @param type - the attribute's type key
 * @param payload - the value under that key
 * @throws AttributeError when the value is malformed (as without a schema)
 */
export function writeConformedValue(
  sink: JsonSink,
  conformance: Conformance,
  column: string,
  type: string,
  payload: unknown,
): void {
  const declared = conformance.schema.columns.get(column);
  if (declared === undefined) {
    writeUndeclared(sink, type, payload);
    return;
  }
  const start = sink.mark();
  if (!writeConforming(sink, declared, type, payload)) {
    sink.rewind(start);
    naturalJson(type, payload); // a malformed value fails the record, as without a schema
    sink.ascii('null');
    conformance.rejected.push({ column, value: { [type]: payload } as AttributeValue });
  }
}

/**
 * Write the `cdc_rejected` value: `null`, or a JSON string holding `{ "<column>": <attribute
 * value as DynamoDB JSON>, ... }`, from which every rejected value is recovered exactly.
 *
 * @param sink - where to write
 * @param rejected - the row's rejected values
 */
export function writeRejectedValues(sink: JsonSink, rejected: readonly RejectedValue[]): void {
  if (rejected.length === 0) {
    sink.ascii('null');
    return;
  }
  const byColumn: Record<string, AttributeValue> = {};
  for (const { column, value } of rejected) byColumn[column] = value;
  sink.jsonString(JSON.stringify(byColumn));
}
