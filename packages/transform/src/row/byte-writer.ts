import type { JsonSink } from './json-sink.js';

const HEX = '0123456789abcdef';
const SHORT_ESCAPES: Readonly<Record<number, number>> = { 8: 98, 9: 116, 10: 110, 12: 102, 13: 114, 34: 34, 92: 92 };

/**
 * A {@link JsonSink} that appends JSON text as UTF-8 bytes to one growing buffer, so the handler
 * writes a row line without the many small intermediate strings (and the separate UTF-8 encoding
 * pass) that string concatenation costs, and base64-encodes it straight from the bytes.
 */
export class ByteWriter implements JsonSink {
  /** The bytes written so far are `buffer[0 .. length)`. */
  buffer: Buffer;
  /** Number of bytes written. */
  length = 0;

  /** @param capacity - initial size in bytes; the buffer doubles when needed */
  constructor(capacity = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  /** Forget what was written (the buffer is reused). */
  reset(): void {
    this.length = 0;
  }

  private ensure(bytes: number): Buffer {
    if (this.length + bytes > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    return this.buffer;
  }

  ascii(text: string, start = 0): void {
    const buffer = this.ensure(text.length);
    let at = this.length;
    for (let i = start; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** Escapes as `JSON.stringify` does (quote, backslash, control characters, lone surrogates), then UTF-8 encodes. */
  jsonString(text: string): void {
    const buffer = this.ensure(text.length * 6 + 2);
    let at = this.length;
    buffer[at++] = 34;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== 34 && c !== 92) {
          buffer[at++] = c;
          continue;
        }
        buffer[at++] = 92;
        const short = SHORT_ESCAPES[c];
        if (short !== undefined) buffer[at++] = short;
        else at = writeUnicodeEscape(buffer, at, c);
      } else if (c < 0x800) {
        buffer[at++] = 0xc0 | (c >> 6);
        buffer[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          buffer[at++] = 0xf0 | (point >> 18);
          buffer[at++] = 0x80 | ((point >> 12) & 0x3f);
          buffer[at++] = 0x80 | ((point >> 6) & 0x3f);
          buffer[at++] = 0x80 | (point & 0x3f);
          i++;
        } else {
          buffer[at++] = 92;
          at = writeUnicodeEscape(buffer, at, c);
        }
      } else {
        buffer[at++] = 0xe0 | (c >> 12);
        buffer[at++] = 0x80 | ((c >> 6) & 0x3f);
        buffer[at++] = 0x80 | (c & 0x3f);
      }
    }
    buffer[at++] = 34;
    this.length = at;
  }

  mark(): number {
    return this.length;
  }

  rewind(mark: number): void {
    this.length = mark;
  }

  bytes(written: Uint8Array): void {
    this.ensure(written.length).set(written, this.length);
    this.length += written.length;
  }

  copy(mark: number): Uint8Array {
    return new Uint8Array(this.buffer.subarray(mark, this.length)); // Buffer#slice would be a view, not a copy
  }

  /**
   * Hand over the bytes written, without copying them, and go on empty in a new buffer of the same
   * capacity.
   *
   * @returns the bytes written: a view of the old buffer, which the writer no longer touches
   */
  detach(): Buffer {
    const bytes = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(this.buffer.length);
    this.length = 0;
    return bytes;
  }

  /** The bytes written, base64-encoded. */
  toBase64(): string {
    return this.buffer.toString('base64', 0, this.length);
  }

  /** The bytes written, as text. */
  toString(): string {
    return this.buffer.toString('utf8', 0, this.length);
  }
}

/** Write `u` and four lower-case hex digits (the backslash is already written). */
function writeUnicodeEscape(buffer: Buffer, at: number, code: number): number {
  buffer[at++] = 117;
  buffer[at++] = HEX.charCodeAt((code >> 12) & 15);
  buffer[at++] = HEX.charCodeAt((code >> 8) & 15);
  buffer[at++] = HEX.charCodeAt((code >> 4) & 15);
  buffer[at++] = HEX.charCodeAt(code & 15);
  return at;
}
