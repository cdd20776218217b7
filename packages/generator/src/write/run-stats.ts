/**
 * Counters of a run, and the summary they produce.
 */
import type { GaveUp } from './endpoint-watch.js';
import type { OperationKind } from '../plan/plan-types.js';
import type { RetryCause } from './retry-cause.js';

/** Per-operation-kind counts. */
export interface KindCounts {
  attempted: number;
  succeeded: number;
  failed: number;
}

/** What a run did. Every planned operation is either not sent, succeeded or failed. */
export interface RunSummary {
  /** Operations in the plan. */
  readonly planned: number;
  /** Operations sent at least once (or skipped because an earlier write of the same order failed). */
  readonly attempted: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Operation re-sends after throttling, a 5xx or an `UnprocessedItems` entry. */
  readonly retried: number;
  /** Planned operations never sent because the run was interrupted. */
  readonly notSent: number;
  /** HTTP requests made (a `BatchWriteItem` of 25 puts is one). */
  readonly requests: number;
  /** Requests answered with a throttling error, plus batch responses with `UnprocessedItems`. */
  readonly throttled: number;
  /** Failed requests worth retrying, by cause, e.g. `{ throttled: 3, 'connection-refused': 12 }`. */
  readonly retryCauses: Readonly<Partial<Record<RetryCause, number>>>;
  /** Set when the run stopped because the endpoint stopped answering. */
  readonly gaveUp?: GaveUp;
  readonly byOperation: Readonly<Record<OperationKind, Readonly<KindCounts>>>;
  /** Final failures by error name, e.g. `{ ConditionalCheckFailedException: 2 }`. */
  readonly failures: Readonly<Record<string, number>>;
  readonly elapsedMs: number;
  /** Completed (succeeded + failed) operations per second of wall time. */
  readonly achievedRate: number;
  readonly interrupted: boolean;
}

/** Mutable counters that {@link applyPlan} updates as writes complete; read them any time for progress. */
export class RunStats {
  /** Operations in the plan. */
  planned = 0;
  /** Operation re-sends. */
  retried = 0;
  /** HTTP requests made. */
  requests = 0;
  /** Requests throttled or answered with `UnprocessedItems`. */
  throttled = 0;
  /** Failed requests worth retrying, by cause. */
  readonly retryCauses: Partial<Record<RetryCause, number>> = {};
  /** Set when the run gave up on an endpoint that stopped answering. */
  gaveUp: GaveUp | undefined;
  /** Whether the run was stopped before the end of the plan. */
  interrupted = false;
  /** Counts per operation kind. */
  readonly byOperation: Record<OperationKind, KindCounts> = {
    put: { attempted: 0, succeeded: 0, failed: 0 },
    update: { attempted: 0, succeeded: 0, failed: 0 },
    delete: { attempted: 0, succeeded: 0, failed: 0 },
  };
  /** Final failures by error name. */
  readonly failures: Record<string, number> = {};

  /**
   * Records that an operation was sent (or resolved without sending).
   * @param kind - The operation kind.
   */
  attempt(kind: OperationKind): void {
    this.byOperation[kind].attempted++;
  }

  /**
   * Records a request that failed in a way worth retrying; throttling also counts in `throttled`.
   * @param cause - Why it failed.
   */
  retryFailure(cause: RetryCause): void {
    this.retryCauses[cause] = (this.retryCauses[cause] ?? 0) + 1;
    if (cause === 'throttled') this.throttled++;
  }

  /**
   * Records a successful operation.
   * @param kind - The operation kind.
   */
  succeed(kind: OperationKind): void {
    this.byOperation[kind].succeeded++;
  }

  /**
   * Records a final failure.
   * @param kind - The operation kind.
   * @param reason - Error name used as the failure-count key.
   */
  fail(kind: OperationKind, reason: string): void {
    this.byOperation[kind].failed++;
    this.failures[reason] = (this.failures[reason] ?? 0) + 1;
  }

  /**
   * Freezes the counters into a summary.
   * @param elapsedMs - Wall time of the run so far.
   * @returns The summary.
   */
  snapshot(elapsedMs: number): RunSummary {
    const sum = (key: keyof KindCounts): number =>
      this.byOperation.put[key] + this.byOperation.update[key] + this.byOperation.delete[key];
    const attempted = sum('attempted');
    const succeeded = sum('succeeded');
    const failed = sum('failed');
    return {
      planned: this.planned,
      attempted,
      succeeded,
      failed,
      retried: this.retried,
      notSent: this.planned - attempted,
      requests: this.requests,
      throttled: this.throttled,
      byOperation: structuredClone(this.byOperation),
      failures: { ...this.failures },
      elapsedMs: Math.round(elapsedMs),
      achievedRate: elapsedMs > 0 ? Math.round(((succeeded + failed) * 1e5) / elapsedMs) / 100 : 0,
      interrupted: this.interrupted,
      retryCauses: { ...this.retryCauses },
      ...(this.gaveUp === undefined ? {} : { gaveUp: this.gaveUp }),
    };
  }
}
