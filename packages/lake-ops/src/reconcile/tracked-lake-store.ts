/**
 * TrackedLakeStore: a scratch store that remembers what it wrote, so a run deletes exactly its own objects, with
 * `DeleteObject` only (the operator's policy grants no listing of the scratch prefix).
 */
import type { LakeObjectInfo, LakeStore } from '../lake/lake-store.js';

/**
 * A {@link LakeStore} that records every key written through it and can remove them all.
 *
 * @example
 * ```ts
 * const scratch = new TrackedLakeStore(new LocalLakeStore('/tmp/scratch'));
 * await scratch.write('s0-p0.json.gz', body);
 * await scratch.removeWritten(); //=> [] (nothing left behind)
 * ```
 */
export class TrackedLakeStore implements LakeStore {
  private readonly written = new Set<string>();

  /** @param store - The store written to. */
  constructor(private readonly store: LakeStore) {}

  get location(): string {
    return this.store.location;
  }

  list(prefix: string): AsyncIterable<LakeObjectInfo> {
    return this.store.list(prefix);
  }

  read(key: string): Promise<Buffer | undefined> {
    return this.store.read(key);
  }

  async write(key: string, body: Buffer): Promise<void> {
    this.written.add(key); // before the write: a write cut short may still have landed
    await this.store.write(key, body);
  }

  remove(key: string): Promise<void> {
    return this.store.remove(key);
  }

  /**
   * Removes every object written through this store; continues past failures.
   *
   * @returns One line per object that could not be removed: its location and the error.
   */
  async removeWritten(): Promise<string[]> {
    const failures: string[] = [];
    for (const key of [...this.written].sort()) {
      try {
        await this.store.remove(key);
        this.written.delete(key);
      } catch (error) {
        failures.push(`${this.store.location}${key}: ${String(error)}`);
      }
    }
    return failures;
  }
}
