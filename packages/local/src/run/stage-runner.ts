/**
 * StageRunner: runs the stages of a local run in order and records honestly how each one ended.
 */
import type { Progress } from './progress.js';

/** The stages of a run, in order. */
export const STAGE_NAMES = [
  'database',
  'generate_and_capture',
  'scan',
  'deliver_and_merge',
  'deliver_recent',
  'crawl',
  'query',
  'live',
  'checks',
] as const;

/** One stage's name. */
export type StageName = (typeof STAGE_NAMES)[number];

/** How a stage ended: `skipped` when an earlier one failed or the run was interrupted first. */
export type StageStatus = 'done' | 'failed' | 'interrupted' | 'skipped';

/** One stage in `summary.json`. */
export interface StageReport {
  readonly name: StageName;
  readonly status: StageStatus;
  /** Wall-clock time, for stages that ran. */
  readonly ms?: number;
  /** What it did (`done`) or why it failed (`failed`). */
  readonly detail?: string;
}

/** Raised by {@link StageRunner.run} when a stage failed: the run stops there. */
export class StageFailedError extends Error {
  override readonly name = 'StageFailedError';
  /**
   * @param stage - the stage that failed
   * @param reason - the cause, in words for the user
   * @param options - `cause`: the underlying error
   */
  constructor(
    readonly stage: StageName,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`stage ${stage} failed: ${reason}`, options);
  }
}

/** Raised when the run was interrupted (SIGINT/SIGTERM) before or during a stage. */
export class RunInterruptedError extends Error {
  override readonly name = 'RunInterruptedError';
}

/** What a stage's work says about itself once it returned: a reason to fail it, or nothing. */
export type StageCheck<T> = (value: T) => string | undefined;

/**
 * Runs stages one after the other. A stage that throws, or whose result fails its check, is marked
 * `failed` with the cause, and the error stops the run: later stages are reported as `skipped`.
 *
 * @example
 * ```ts
 * const stages = new StageRunner(progress, signal);
 * const db = await stages.run('database', 'start database', open, (db) => db.endpoint);
 * stages.reports(); //=> [{ name: 'database', status: 'done', ms: 12, detail: 'http://…' }, { name: 'generate_and_capture', status: 'skipped' }, …]
 * ```
 */
export class StageRunner {
  private readonly done = new Map<StageName, StageReport>();

  /**
   * @param progress - where stages are announced
   * @param signal - aborted on SIGINT/SIGTERM: no stage starts after it, a stage that ends after it is `interrupted`
   */
  constructor(
    private readonly progress: Progress,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * Run one stage.
   *
   * @param name - the stage
   * @param label - its name on stderr
   * @param work - the stage's work
   * @param detail - what it did, for the progress line and the summary
   * @param check - a reason to fail the stage after its work returned. @defaultValue - never fails
   * @returns the work's value
   * @throws {@link RunInterruptedError} when interrupted; {@link StageFailedError} when the stage failed
   */
  async run<T>(
    name: StageName,
    label: string,
    work: () => Promise<T>,
    detail: (value: T) => string,
    check?: StageCheck<T>,
  ): Promise<T> {
    if (this.signal.aborted) throw new RunInterruptedError('interrupted');
    this.progress.start(label);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let value: T;
    try {
      value = await work();
    } catch (error) {
      if (error instanceof RunInterruptedError || this.signal.aborted) return this.interrupt(name, elapsed());
      const reason = (error as Error).message.split('\n')[0] ?? String(error);
      return this.fail(name, label, reason, elapsed(), error);
    }
    if (this.signal.aborted) return this.interrupt(name, elapsed());
    const failure = check?.(value);
    if (failure !== undefined) return this.fail(name, label, failure, elapsed());
    const text = detail(value);
    this.done.set(name, { name, status: 'done', ms: elapsed(), detail: text });
    this.progress.done(label, text, elapsed());
    return value;
  }

  /** Every stage's report, in order; stages that never ran are `skipped`. */
  reports(): StageReport[] {
    return STAGE_NAMES.map((name) => this.done.get(name) ?? { name, status: 'skipped' });
  }

  /** Wall-clock ms per finished stage. */
  timings(): Partial<Record<StageName, number>> {
    return Object.fromEntries(
      [...this.done.values()].filter((report) => report.ms !== undefined).map((report) => [report.name, report.ms]),
    );
  }

  private interrupt(name: StageName, ms: number): never {
    this.done.set(name, { name, status: 'interrupted', ms });
    throw new RunInterruptedError('interrupted');
  }

  private fail(name: StageName, label: string, reason: string, ms: number, cause?: unknown): never {
    this.done.set(name, { name, status: 'failed', ms, detail: reason });
    this.progress.fail(label, reason, ms);
    throw new StageFailedError(name, reason, { cause });
  }
}
