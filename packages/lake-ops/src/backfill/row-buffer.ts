/**
 * RowBuffer: row lines copied into one growing byte buffer as they are made, so a line's string (built by
 * concatenation) dies young instead of waiting, with thousands of others, for its object to be written.
 */

/** Initial capacity in bytes; doubles as needed. */
const INITIAL_BYTES = 1024 * 1024;

/**
 * Collects the UTF-8 bytes of row lines for one lake object.
 *
 * @example
 * ```ts
 * const rows = new RowBuffer();
 * rows.append('{"order_id":"o-1"}\n');
 * rows.take(); //=> <Buffer 7b 22 …> (and the buffer is empty again)
 * ```
 */
export class RowBuffer {
  private bytes = Buffer.allocUnsafe(INITIAL_BYTES);
  private used = 0;
  /** Lines appended since the last {@link RowBuffer.take}. */
  lines = 0;

  /** Bytes held. */
  get size(): number {
    return this.used;
  }

  /**
   * Appends one line's UTF-8 bytes.
   *
   * @param line - A row line ending in `\n`.
   */
  append(line: string): void {
    const needed = Buffer.byteLength(line, 'utf8');
    if (this.used + needed > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + needed));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(line, this.used, 'utf8');
    this.lines += 1;
  }

  /**
   * Hands over the bytes collected and starts empty again (the storage is reused).
   *
   * @returns A copy of the bytes.
   */
  take(): Buffer {
    const out = Buffer.from(this.bytes.subarray(0, this.used));
    this.used = 0;
    this.lines = 0;
    return out;
  }
}
