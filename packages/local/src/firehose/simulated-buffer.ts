import type { BufferHints, ReleasedBatch } from '../types.js';

/**
 * A size-or-interval buffer driven by simulated time (the items' own timestamps), not the wall
 * clock, so a run of a few seconds batches exactly as hours of traffic would.
 *
 * @example
 * ```ts
 * const buffer = new SimulatedBuffer<string>({ sizeBytes: 10, intervalMs: 60_000 });
 * buffer.add('a', 6, 0); //=> []
 * buffer.add('b', 6, 1); //=> [{ items: ['a'], releasedAtMs: 1, bytes: 6 }]
 * ```
 */
export class SimulatedBuffer<T> {
  private items: T[] = [];
  private bytes = 0;
  private openedAtMs = 0;

  /** @param hints - size and interval */
  constructor(private readonly hints: BufferHints) {}

  /**
   * Release the batch if its interval has run out by `nowMs`.
   *
   * @param nowMs - current simulated time
   * @returns the released batch (at most one), released at its deadline
   */
  tick(nowMs: number): ReleasedBatch<T>[] {
    const deadline = this.openedAtMs + this.hints.intervalMs;
    return this.items.length > 0 && nowMs >= deadline ? [this.release(deadline)] : [];
  }

  /**
   * Add an item: first release what the clock or the size limit forces out, then buffer it.
   *
   * @param item - the item
   * @param sizeBytes - its size
   * @param nowMs - its simulated arrival time
   * @returns batches released by this call, oldest first
   */
  add(item: T, sizeBytes: number, nowMs: number): ReleasedBatch<T>[] {
    const released = this.tick(nowMs);
    if (this.items.length > 0 && this.bytes + sizeBytes > this.hints.sizeBytes) released.push(this.release(nowMs));
    if (this.items.length === 0) this.openedAtMs = nowMs;
    this.items.push(item);
    this.bytes += sizeBytes;
    if (this.bytes >= this.hints.sizeBytes) released.push(this.release(nowMs));
    return released;
  }

  /**
   * Release whatever is buffered (the end of the run: time moves on until every buffer empties).
   *
   * @returns the batch, or nothing when empty
   */
  drain(): ReleasedBatch<T>[] {
    return this.items.length > 0 ? [this.release(this.openedAtMs + this.hints.intervalMs)] : [];
  }

  private release(atMs: number): ReleasedBatch<T> {
    const batch = { items: this.items, releasedAtMs: atMs, bytes: this.bytes };
    this.items = [];
    this.bytes = 0;
    return batch;
  }
}
