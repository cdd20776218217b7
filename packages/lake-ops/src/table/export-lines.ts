/**
 * exportLines: the lines of one gzipped export data file, streamed, with the MD5 of its compressed bytes.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** What {@link exportLines} found once the file has been read to its end. */
export interface ExportFileDigest {
  /** Base64 MD5 of the compressed bytes, as `manifest-files.json` gives it. */
  md5: string;
  /** Compressed size in bytes. */
  bytes: number;
}

/**
 * Yields the non-empty lines of a gzipped file, decompressing as it reads (memory stays at one chunk), and fills
 * `digest` with the MD5 and size of the compressed bytes once the last line has been yielded.
 *
 * @param compressed - The file's bytes.
 * @param digest - Filled at the end.
 * @returns The lines, without their `\n`.
 * @throws Error when the bytes are not gzip.
 * @example
 * ```ts
 * const digest = { md5: '', bytes: 0 };
 * for await (const line of exportLines(stream, digest)) items.push(JSON.parse(line).Item);
 * ```
 */
export async function* exportLines(compressed: Readable, digest: ExportFileDigest): AsyncGenerator<string> {
  const hash = createHash('md5');
  let bytes = 0;
  const gunzip = createGunzip();
  compressed.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  compressed.on('error', (error) => gunzip.destroy(error));
  compressed.pipe(gunzip);
  gunzip.setEncoding('utf8');
  let rest = '';
  for await (const chunk of gunzip as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) yield text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest.trim() !== '') yield rest;
  digest.md5 = hash.digest('base64');
  digest.bytes = bytes;
}
