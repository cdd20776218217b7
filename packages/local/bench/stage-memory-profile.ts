/**
 * Where a run's memory goes, stage by stage: sampled, so a bench can say which buffer sets the peak.
 */

/** The process's memory at the highest resident set seen in one stage, MiB. */
interface StagePeak {
  /** Resident set of the whole process (dynalite and DuckDB run in it). */
  rss: number;
  /** V8's heap as reserved, and as used (garbage included until a collection). */
  heapTotal: number;
  heapUsed: number;
  /** Memory of `Buffer`s and other array buffers. */
  arrayBuffers: number;
}

const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);

/**
 * Samples `process.memoryUsage()` every 100 ms and keeps, per stage, the sample with the highest RSS. What the heap
 * and the buffers do not explain is native memory: DuckDB, LevelDB, Node itself. A stage that blocks the event loop
 * is sampled only between its awaits; `maxRSS` gives the true peak.
 */
export class StageMemoryProfile {
  private readonly peaks = new Map<string, StagePeak>();
  private stage = 'start';
  private readonly timer = setInterval(() => this.sample(), 100);

  /** @param name - the stage the run enters now */
  enter(name: string): void {
    this.sample();
    this.stage = name;
  }

  /** Stop sampling. */
  stop(): void {
    clearInterval(this.timer);
  }

  /** @returns one line per stage: its peak RSS and the heap and buffers at that moment */
  report(): string {
    return [...this.peaks]
      .map(
        ([stage, peak]) =>
          `${stage}: rss ${peak.rss} MiB (heap ${peak.heapUsed}/${peak.heapTotal}, buffers ${peak.arrayBuffers}, ` +
          `native ${peak.rss - peak.heapTotal - peak.arrayBuffers})`,
      )
      .join('\n');
  }

  private sample(): void {
    const usage = process.memoryUsage();
    if (mib(usage.rss) <= (this.peaks.get(this.stage)?.rss ?? 0)) return;
    this.peaks.set(this.stage, {
      rss: mib(usage.rss),
      heapTotal: mib(usage.heapTotal),
      heapUsed: mib(usage.heapUsed),
      arrayBuffers: mib(usage.arrayBuffers),
    });
  }
}
