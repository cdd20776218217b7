import type { ChangeRecord } from '../change/change-record.js';
import { Conformance } from './conformance.js';
import type { RowSchema } from '../schema/row-schema.js';
import type { Parsed } from '../shared/parsed.js';
import { ByteWriter } from './byte-writer.js';
import { type RowOptions, writeRowLine } from './row.js';

/** Options for {@link RowLineWriter}. */
export interface RowLineWriterOptions extends RowOptions {
  /**
   * The buffer's first capacity, in bytes. It doubles when a row does not fit (each doubling copies
   * what it holds) and keeps its size across {@link RowLineWriter.take}: give about the size of
   * the objects you build, plus one row, when you know it. Memory is only used as rows fill it.
   * @defaultValue 1048576 (1 MiB)
   */
  readonly initialBytes?: number;
}

/**
 * Collects the row lines of many changes as UTF-8 bytes in one growing buffer, the body of one
 * newline-delimited JSON file or object: each row is written once, by the handler's own encoder,
 * straight into the buffer (no string and no map of columns per row). The lines are byte for byte
 * what {@link toRowLine} gives, and what the Firehose handler delivers.
 *
 * @example
 * ```ts
 * const rows = new RowLineWriter({ schema });
 * for (const change of changes) {
 *   const written = rows.write(change);
 *   if (!written.ok) console.error(written.reason, written.detail);
 * }
 * writeFileSync('rows.json', rows.take()); // rows.lineCount is 0 again
 * ```
 */
export class RowLineWriter {
  readonly #writer: ByteWriter;
  readonly #schema: RowSchema | undefined;
  #lines = 0;

  /**
   * @param options - see {@link RowLineWriterOptions}; one schema for every row of the writer
   * @throws RangeError when `initialBytes` is not a positive whole number
   */
  constructor(options: RowLineWriterOptions = {}) {
    const initialBytes = options.initialBytes ?? 1024 * 1024;
    if (!Number.isSafeInteger(initialBytes) || initialBytes < 1)
      throw new RangeError(`initialBytes must be a positive whole number of bytes, received ${initialBytes}`);
    this.#writer = new ByteWriter(initialBytes);
    this.#schema = options.schema;
  }

  /**
   * Append the row line of one change (see {@link toRow} for the row).
   *
   * @param change - a validated change, from {@link parseChangeRecord} or {@link toChangeRecord}
   * @returns the row's `cdc_event_time` (ISO-8601 UTC with milliseconds, so {@link toPartitionKeys}
   *   gives its partition), or why an attribute value is malformed; then nothing is appended
   */
  write(change: ChangeRecord): Parsed<string> {
    const start = this.#writer.mark();
    const conformance = this.#schema === undefined ? undefined : new Conformance(this.#schema);
    const written = writeRowLine(change, this.#writer, undefined, conformance);
    if (written.ok) this.#lines++;
    else this.#writer.rewind(start);
    return written;
  }

  /** Bytes held: the lines written since the last {@link RowLineWriter.take}. */
  get byteLength(): number {
    return this.#writer.length;
  }

  /** Lines held. */
  get lineCount(): number {
    return this.#lines;
  }

  /**
   * Hand over the lines held and start empty again, in a new buffer of the same capacity (the bytes
   * handed over are not copied, and the next lines do not grow the buffer again).
   *
   * @returns the bytes, every line ending in `\n` (a Node.js `Buffer`, typed as its `Uint8Array`
   *   base so consumers need no Node.js type declarations)
   */
  take(): Uint8Array {
    const bytes = this.#writer.detach();
    this.#lines = 0;
    return bytes;
  }
}
