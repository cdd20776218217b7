/**
 * Where the row encoder writes JSON text. {@link ByteWriter} is the one implementation today:
 * both the handler and `toRow` write UTF-8 bytes through it, so every call site of the encoder
 * sees one receiver type and stays monomorphic (with a second, string-building sink for `toRow`,
 * the handler measured 15-20 % slower whenever both ran in one process, as in the bench).
 *
 * Positions returned by {@link JsonSink.mark} are in the sink's own unit; they are only ever
 * given back to the same sink.
 */
export interface JsonSink {
  /** Append text that is ASCII and needs no JSON escaping (punctuation, column names, number text), from character `start`. */
  ascii(text: string, start?: number): void;
  /** Append `text` as a JSON string literal, escaped exactly as `JSON.stringify` escapes it. */
  jsonString(text: string): void;
  /** The current end of the output, to {@link JsonSink.rewind} to or to delimit a value. */
  mark(): number;
  /** Drop everything written after `mark`. */
  rewind(mark: number): void;
  /** Append bytes {@link JsonSink.copy} gave, written before by this sink. */
  bytes(written: Uint8Array): void;
  /** A copy of what was written since `mark`, to append again with {@link JsonSink.bytes}. */
  copy(mark: number): Uint8Array;
}
