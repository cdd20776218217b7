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

/** Tuning of a {@link Pacer}. */
export interface PacerLimits {
  /**
   * How far behind schedule the caller may fall (e.g. writes stalled) before the schedule slides
   * forward and the missed operations are given up rather than made up.
   * @defaultValue 1000
   */
  readonly maxLagMs?: number;
  /**
   * While behind schedule, permits are released at most this many times faster than `rate`, so
   * catching up after a short stall is a faster stream, not a burst.
   * @defaultValue 2
   */
  readonly catchUpFactor?: number;
}

/**
 * Releases permits at a fixed rate. A short stall is made up at no more than `catchUpFactor`
 * times the rate, so the average holds; a stall longer than `maxLagMs` slides the schedule, so a
 * target that cannot keep up gets a steady stream at whatever rate it sustains.
 */
export class Pacer {
  private start: number | undefined;
  private released = 0;
  private lastRelease = Number.NEGATIVE_INFINITY;
  private readonly intervalMs: number;
  private readonly maxLagMs: number;
  private readonly catchUpIntervalMs: number;

  /**
   * @param rate - Permits per second; must be positive.
   * @param environment - Clock and sleep.
   * @param limits - Lag and catch-up limits.
   */
  constructor(
    rate: number,
    private readonly environment: PacerEnvironment,
    limits: PacerLimits = {},
  ) {
    this.intervalMs = 1000 / rate;
    this.maxLagMs = limits.maxLagMs ?? 1000;
    this.catchUpIntervalMs = this.intervalMs / (limits.catchUpFactor ?? 2);
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
    const at = Math.max(due, this.lastRelease + this.catchUpIntervalMs);
    this.released++;
    // Timers resolve in whole milliseconds; below that, release at once and let the schedule even it out.
    if (at - now >= 1) await this.environment.sleep(at - now);
    this.lastRelease = Math.max(at, this.environment.now());
  }
}
