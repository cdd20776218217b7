/**
 * writeObject: row lines -> one GZIP JSON-lines object in the lake.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { LakeStore } from '../lake/lake-store.js';

const gzipAsync = promisify(gzip);

/**
 * Compresses the lines (off the main thread, in libuv's pool) and writes them as one object, replacing any object
 * of the same key. The gzip header carries no time or name, so the same lines always give the same bytes.
 *
 * @param lake - The lake.
 * @param key - The object key.
 * @param lines - Row lines, each ending in `\n`.
 * @returns The object's size in bytes.
 * @see https://docs.aws.amazon.com/firehose/latest/dev/create-destination.html (GZIP, as Firehose delivers)
 */
export async function writeObject(lake: LakeStore, key: string, lines: readonly string[]): Promise<number> {
  const body = await gzipAsync(Buffer.from(lines.join(''), 'utf8'));
  await lake.write(key, body);
  return body.length;
}
