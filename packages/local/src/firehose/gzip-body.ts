/**
 * GzipBody: an object's GZIP body built as its records arrive, so a buffer holds its records compressed.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Uncompressed bytes gathered before they are compressed as one segment. */
const SEGMENT_BYTES = 1024 * 1024;

/** The header `gzipSync` writes: magic, deflate, no flags, no modification time, no extra flags, Unix. */
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]);

/**
 * One GZIP member (RFC 1952) written incrementally: the content is compressed a 1 MiB segment at a time, each segment
 * a run of deflate blocks ending at a byte boundary (a sync flush), the last one ending the stream. Segments share no
 * history, which deflate allows, so the body is one ordinary deflate stream that any reader inflates whole, and memory
 * holds the compressed segments plus at most one raw one.
 *
 * @see https://www.rfc-editor.org/rfc/rfc1952 (member format, CRC-32 and ISIZE trailer)
 * @see https://www.rfc-editor.org/rfc/rfc1951#section-3.2.3 (blocks; only the last sets BFINAL)
 * @see https://nodejs.org/api/zlib.html#flushing (`Z_SYNC_FLUSH`)
 * @example
 * ```ts
 * const body = new GzipBody();
 * body.append(Buffer.from('{"a":1}\n'));
 * gunzipSync(body.finish()).toString(); //=> '{"a":1}\n'
 * ```
 */
export class GzipBody {
  private readonly segments: Buffer[] = [];
  private raw: Buffer[] = [];
  private rawBytes = 0;
  private crc = 0;
  private total = 0;

  /** Uncompressed bytes appended so far. */
  get size(): number {
    return this.total;
  }

  /**
   * Append content.
   *
   * @param bytes - the next uncompressed bytes
   */
  append(bytes: Buffer): void {
    this.crc = crc32(bytes, this.crc);
    this.total += bytes.byteLength;
    this.raw.push(bytes);
    this.rawBytes += bytes.byteLength;
    if (this.rawBytes >= SEGMENT_BYTES) this.compressRaw(constants.Z_SYNC_FLUSH);
  }

  /**
   * End the stream and return the whole member. The body is done with: append no more.
   *
   * @returns the GZIP bytes
   */
  finish(): Buffer {
    this.compressRaw(constants.Z_FINISH);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(this.crc >>> 0, 0);
    trailer.writeUInt32LE(this.total % 2 ** 32, 4);
    return Buffer.concat([HEADER, ...this.segments, trailer]);
  }

  private compressRaw(flush: number): void {
    this.segments.push(deflateRawSync(Buffer.concat(this.raw, this.rawBytes), { finishFlush: flush }));
    this.raw = [];
    this.rawBytes = 0;
  }
}
