/**
 * Steady pacing: operation n is released at `start + n / rate`, never in bursts.
 */

/** Clock and sleep the pacer uses; injected so tests and benchmarks control time. */
export interface PacerEnvironment {
  /** Monotonic milliseconds (e.g. `performance.now`). */
  readonly now: () => number;
  /** Resolves after `ms` milliseconds. */
  readonly sleep: (ms: number) => Promise<void>;
}

/**
 * Releases permits at a fixed rate. When the caller falls behind (the writes cannot keep up) by more
 * than `maxLagMs`, the schedule is moved forward instead of bursting to catch up, so the output
 * stays steady at whatever rate the target sustains.
 */
export class Pacer {
  private start: number | undefined;
  private released = 0;
  private readonly intervalMs: number;

  /**
   * @param rate - Permits per second; must be positive.
   * @param environment - Clock and sleep.
   * @param maxLagMs - How far behind schedule a caller may be before the schedule is reset. @defaultValue 100
   */
  constructor(rate: number, private readonly environment: PacerEnvironment, private readonly maxLagMs = 100) {
    this.intervalMs = 1000 / rate;
  }

  /**
   * Waits until the next permit is due.
   * @returns When the caller may send its next operation.
   */
  async next(): Promise<void> {
    const now = this.environment.now();
    this.start ??= now;
    let due = this.start + this.released * this.intervalMs;
    if (now - due > this.maxLagMs) {
      this.start = now - this.released * this.intervalMs;
      due = now;
    }
    this.released++;
    // Timers resolve in whole milliseconds; below that, release at once and let the schedule even it out.
    if (due - now >= 1) await this.environment.sleep(due - now);
  }
}
