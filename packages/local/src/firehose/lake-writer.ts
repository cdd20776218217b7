import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { GzipBody } from './gzip-body.js';

/** One object written to the local lake. */
export interface LakeObject {
  /** Key relative to the lake root, with `/` separators, like an S3 key. */
  readonly key: string;
  /** Compressed size in bytes. */
  readonly bytes: number;
}

/**
 * Writes GZIP objects under a local folder that stands in for the lake bucket, and keeps a tally.
 *
 * @example
 * ```ts
 * const lake = new LakeWriter('.local');
 * lake.write('sales/year=2025/month=01/day=15/hour=10/x.json.gz', ['{"a":1}\n']);
 * ```
 */
export class LakeWriter {
  /** Every object written, in write order. */
  readonly objects: LakeObject[] = [];

  /** @param root - folder standing in for the bucket */
  constructor(readonly root: string) {}

  /**
   * Write one object: the chunks concatenated, then gzipped.
   *
   * @param key - S3-style key under the root
   * @param chunks - the object's uncompressed content in order
   * @returns the object written
   * @throws Error for a key that would leave the root
   */
  write(key: string, chunks: ReadonlyArray<string | Buffer>): LakeObject {
    const body = new GzipBody();
    for (const chunk of chunks) body.append(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    return this.writeGzip(key, body);
  }

  /**
   * Write one object from a body gzipped as its content arrived.
   *
   * @param key - S3-style key under the root
   * @param body - the object's content; finished here
   * @returns the object written
   * @throws Error for a key that would leave the root
   */
  writeGzip(key: string, body: GzipBody): LakeObject {
    const relative = normalize(key);
    if (relative.startsWith('..') || relative.startsWith(sep) || relative.includes(`${sep}..${sep}`)) {
      throw new Error(`object key "${key}" would be written outside the lake folder`);
    }
    const bytes = body.finish();
    const path = join(this.root, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    const object = { key, bytes: bytes.byteLength };
    this.objects.push(object);
    return object;
  }

  /** Total compressed bytes written. */
  get bytes(): number {
    return this.objects.reduce((sum, object) => sum + object.bytes, 0);
  }
}
