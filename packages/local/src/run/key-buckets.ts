/**
 * KeyBuckets: lines spread over files by a hash of their key, so each file's keys fit in memory however many there are.
 */
import { appendFileSync, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Buffered text per bucket before it is appended to the bucket's file. */
const FLUSH_CHARS = 1024 * 1024;

/** FNV-1a over the key's UTF-16 code units: cheap, and spreads order ids evenly. */
function bucketOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

/**
 * Two sides' lines (`a` and `b`) in `count` bucket files each, by key: the lines of one key are in the same bucket on
 * both sides, so a comparison reads one bucket of each side at a time. Memory holds the write buffers, at most
 * {@link FLUSH_CHARS} of text per side before they go to disk.
 *
 * @example
 * ```ts
 * const buckets = new KeyBuckets(scratch, 4);
 * buckets.add('a', 'o-1', '{"order_id":"o-1"}');
 * buckets.flush();
 * for await (const line of buckets.lines('a', 0)) console.log(line);
 * buckets.remove();
 * ```
 */
export class KeyBuckets {
  private readonly folder: string;
  private readonly pending = { a: [] as string[][], b: [] as string[][] };
  private pendingChars = 0;

  /**
   * @param parent - folder to make the buckets' folder in
   * @param count - buckets per side, at least 1
   */
  constructor(
    parent: string,
    readonly count: number,
  ) {
    this.folder = mkdtempSync(join(parent, 'key-buckets-'));
    for (const side of ['a', 'b'] as const) this.pending[side] = Array.from({ length: count }, () => []);
  }

  /**
   * Add one line (without its newline) to its key's bucket of one side.
   *
   * @param side - `a` or `b`
   * @param key - the line's key
   * @param line - the line
   */
  add(side: 'a' | 'b', key: string, line: string): void {
    this.pending[side][bucketOf(key, this.count)]!.push(line);
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  /** Write every buffered line to its file. */
  flush(): void {
    for (const side of ['a', 'b'] as const) {
      this.pending[side].forEach((lines, bucket) => {
        if (lines.length === 0) return;
        appendFileSync(this.path(side, bucket), `${lines.join('\n')}\n`);
        this.pending[side][bucket] = [];
      });
    }
    this.pendingChars = 0;
  }

  /**
   * The lines of one bucket of one side, in the order they were added ({@link flush} first).
   *
   * @param side - `a` or `b`
   * @param bucket - 0 to `count - 1`
   * @returns its lines, none when nothing was added to it
   */
  async *lines(side: 'a' | 'b', bucket: number): AsyncGenerator<string> {
    const input = createReadStream(this.path(side, bucket), { flags: 'a+' });
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) yield line;
  }

  /** Delete the bucket files. */
  remove(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }

  private path(side: 'a' | 'b', bucket: number): string {
    return join(this.folder, `${side}-${bucket}.jsonl`);
  }
}
