/**
 * exportLines and countExportLines: the lines of one gzipped export data file, streamed a decompressed chunk at a
 * time, with the MD5 of its compressed bytes.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';

/** What {@link exportLines} found once the file has been read to its end. */
export interface ExportFileDigest {
  /** Base64 MD5 of the compressed bytes, as `manifest-files.json` gives it. */
  md5: string;
  /** Compressed size in bytes. */
  bytes: number;
}

/**
 * Decompressed bytes per chunk: larger than zlib's 16 KiB default, so a data file of tens of megabytes takes a few
 * hundred trips through the thread pool instead of thousands.
 */
const CHUNK_BYTES = 256 * 1024;

/** Decompresses `compressed` as it reads, hashing the compressed bytes; `finish` fills `digest` after the last chunk. */
function inflate(compressed: Readable): { gunzip: Gunzip; finish: (digest: ExportFileDigest) => void } {
  const hash = createHash('md5');
  let bytes = 0;
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  compressed.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  compressed.on('error', (error) => gunzip.destroy(error));
  compressed.pipe(gunzip);
  return {
    gunzip,
    finish: (digest) => {
      digest.md5 = hash.digest('base64');
      digest.bytes = bytes;
    },
  };
}

/**
 * Yields the non-empty lines of a gzipped file, decompressing as it reads (memory stays at one chunk), as one batch per
 * decompressed chunk (one `await` per chunk, not per line), and fills `digest` with the MD5 and size of the compressed
 * bytes once the last batch has been yielded.
 *
 * @param compressed - The file's bytes.
 * @param digest - Filled at the end.
 * @returns The lines, without their `\n`, in batches (none empty).
 * @throws Error when the bytes are not gzip.
 * @example
 * ```ts
 * const digest = { md5: '', bytes: 0 };
 * for await (const lines of exportLines(stream, digest)) for (const line of lines) items.push(JSON.parse(line).Item);
 * ```
 */
export async function* exportLines(compressed: Readable, digest: ExportFileDigest): AsyncGenerator<string[]> {
  const { gunzip, finish } = inflate(compressed);
  gunzip.setEncoding('utf8');
  let rest = '';
  for await (const chunk of gunzip as AsyncIterable<string>) {
    // Lines are cut from the chunk itself: `rest + chunk` would copy the whole chunk to search it.
    const first = chunk.indexOf('\n');
    if (first === -1) {
      rest += chunk;
      continue;
    }
    const lines: string[] = [];
    const head = rest + chunk.slice(0, first);
    if (head !== '') lines.push(head);
    let start = first + 1;
    for (let end = chunk.indexOf('\n', start); end !== -1; end = chunk.indexOf('\n', start)) {
      if (end > start) lines.push(chunk.slice(start, end));
      start = end + 1;
    }
    rest = chunk.slice(start);
    if (lines.length > 0) yield lines;
  }
  if (rest.trim() !== '') yield [rest];
  finish(digest);
}

/**
 * Counts the lines {@link exportLines} would yield, on the decompressed bytes (a `\n` byte is never part of another
 * UTF-8 character): no text is decoded and no line is made, so checking a file costs little more than inflating it.
 *
 * @param compressed - The file's bytes.
 * @param digest - Filled at the end.
 * @returns The number of non-empty lines.
 * @throws Error when the bytes are not gzip.
 * @example
 * ```ts
 * const digest = { md5: '', bytes: 0 };
 * await countExportLines(stream, digest); //=> 25000 (and digest.md5 is set)
 * ```
 */
export async function countExportLines(compressed: Readable, digest: ExportFileDigest): Promise<number> {
  const { gunzip, finish } = inflate(compressed);
  let lines = 0;
  // The bytes after the last `\n`: counted at the next `\n` when there are any, or at the end when not blank.
  let tail: Buffer[] = [];
  let tailBytes = 0;
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      if (end > start || tailBytes > 0) lines += 1;
      tail = [];
      tailBytes = 0;
      start = end + 1;
    }
    if (start < chunk.length) {
      tail.push(chunk.subarray(start));
      tailBytes += chunk.length - start;
    }
  }
  if (tailBytes > 0 && Buffer.concat(tail).toString('utf8').trim() !== '') lines += 1;
  finish(digest);
  return lines;
}
