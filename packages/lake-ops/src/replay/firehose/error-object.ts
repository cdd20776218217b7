/**
 * readErrorObjectLines: the bytes of an error object to its lines, gunzipped when the bytes are GZIP.
 */
import { gunzipSync } from 'node:zlib';

/** The first two bytes of every GZIP member (RFC 1952, ID1 and ID2). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * True when the bytes start with the GZIP magic number. Firehose's documentation does not say whether error
 * objects follow the delivery stream's compression setting, so the bytes decide, not the key's extension.
 *
 * @param bytes - An object's bytes.
 * @returns Whether they are GZIP.
 * @see https://www.rfc-editor.org/rfc/rfc1952#section-2.3.1
 * @example
 * ```ts
 * isGzip(gzipSync('x')); //=> true
 * isGzip(Buffer.from('{"rawData":"eA=="}')); //=> false
 * ```
 */
export function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/**
 * Splits an error object into its lines: one error record per line, newline-delimited (the object is not
 * one JSON document). Empty lines, such as the one after the final newline, are skipped.
 *
 * @param bytes - The object's bytes, GZIP (any number of members) or plain.
 * @returns The non-empty lines, in order.
 * @throws Error when the bytes start like GZIP but do not decompress.
 * @example
 * ```ts
 * readErrorObjectLines(gzipSync('{"rawData":"eA=="}\n{"rawData":"eQ=="}\n')); //=> ['{"rawData":"eA=="}', '{"rawData":"eQ=="}']
 * ```
 */
export function readErrorObjectLines(bytes: Buffer): string[] {
  const text = (isGzip(bytes) ? gunzipSync(bytes) : bytes).toString('utf8');
  return text.split('\n').filter((line) => line.trim() !== '');
}
