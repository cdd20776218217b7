/**
 * A FIFO counting semaphore bounding concurrent requests.
 */
export class Semaphore {
  private readonly waiters: (() => void)[] = [];

  /** @param available - Number of permits; at least 1. */
  constructor(private available: number) {}

  /**
   * Takes a permit, waiting in FIFO order if none is free.
   * @returns When the permit is held.
   */
  acquire(): Promise<void> {
    if (this.available > 0) {
      this.available--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Returns a permit, handing it straight to the longest waiter if any. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.available++;
  }
}
