import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bytes of lines kept in memory before they are appended to the file. */
export const SPILL_TAIL_BYTES = 4 * 1024 * 1024;

/** Bytes read from the file at a time. */
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * An append-only list of text lines that keeps only a small tail in memory: once the tail holds
 * {@link SPILL_TAIL_BYTES}, it is appended to a file, so a list of any length costs the same memory. Lines are read
 * back in append order, lazily, as often as asked. A line must not hold a newline (JSON text does not).
 *
 * @example
 * ```ts
 * const list = new SpillFile('records', '/tmp/run');
 * list.append('{"a":1}');
 * [...list.lines()]; //=> ['{"a":1}']
 * list.delete();
 * ```
 */
export class SpillFile {
  private tail: string[] = [];
  private tailBytes = 0;
  private fd: number | undefined;
  private path: string | undefined;
  private ownDir: string | undefined;

  /**
   * @param name - the file's name
   * @param dir - its folder. @defaultValue - a new folder under the OS temp folder, made at the first spill
   */
  constructor(
    private readonly name: string,
    private readonly dir?: string,
  ) {}

  /** @param line - one line, without a newline */
  append(line: string): void {
    this.tail.push(line);
    this.tailBytes += line.length + 1;
    if (this.tailBytes >= SPILL_TAIL_BYTES) this.spill();
  }

  /**
   * Every line appended so far, in order: the file's, then the tail's.
   *
   * @returns the lines, lazily
   */
  *lines(): Generator<string> {
    if (this.path !== undefined) yield* readLines(this.path);
    yield* [...this.tail];
  }

  /** Delete the file (and the folder it made); the list is empty afterwards. */
  delete(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.path !== undefined) rmSync(this.ownDir ?? this.path, { recursive: true, force: true });
    Object.assign(this, { tail: [], tailBytes: 0, fd: undefined, path: undefined, ownDir: undefined });
  }

  private spill(): void {
    if (this.fd === undefined) {
      this.ownDir = this.dir === undefined ? mkdtempSync(join(tmpdir(), 'sales-local-spill-')) : undefined;
      this.path = join(this.dir ?? this.ownDir!, this.name);
      this.fd = openSync(this.path, 'w');
    }
    writeSync(this.fd, `${this.tail.join('\n')}\n`);
    this.tail = [];
    this.tailBytes = 0;
  }
}

/** The lines of a file, read a chunk at a time (split on newline bytes, so UTF-8 characters stay whole). */
function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(READ_CHUNK_BYTES);
    let rest = Buffer.alloc(0);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      let data = rest.length > 0 ? Buffer.concat([rest, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      for (let newline = data.indexOf(10); newline >= 0; newline = data.indexOf(10)) {
        yield data.toString('utf8', 0, newline);
        data = data.subarray(newline + 1);
      }
      rest = Buffer.from(data);
    }
  } finally {
    closeSync(fd);
  }
}
