/**
 * Serialises async tasks per key: a task holding keys `a` and `b` runs only after every earlier
 * task holding `a` or `b` has finished. All of a task's keys are queued in one synchronous step,
 * so queue order is one global order and two tasks can never wait on each other (no deadlock).
 *
 * @example
 * ```ts
 * const mutex = new KeyedMutex();
 * await Promise.all([mutex.run(['k'], slowWrite), mutex.run(['k'], nextWrite)]); // nextWrite waits
 * ```
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /**
   * Run `task` once it holds every key in `keys`.
   *
   * @param keys - the keys the task touches; duplicates are ignored
   * @param task - the work to run exclusively
   * @returns what `task` returns
   * @throws whatever `task` throws; the keys are released either way
   */
  async run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const held = [...new Set(keys)].map((key) => {
      const previous = this.tails.get(key) ?? Promise.resolve();
      const mine = previous.then(() => done);
      this.tails.set(key, mine);
      return { key, previous, mine };
    });
    try {
      await Promise.all(held.map(({ previous }) => previous));
      return await task();
    } finally {
      release();
      for (const { key, mine } of held) if (this.tails.get(key) === mine) this.tails.delete(key);
    }
  }
}
