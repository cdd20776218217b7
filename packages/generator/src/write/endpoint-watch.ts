/**
 * EndpointWatch: notices when the endpoint has stopped answering for longer than the run is willing to wait.
 */
import { isUnreachable, type RetryCause } from './retry-cause.js';

/** Why a run gave up: the endpoint did not answer for `unreachableForMs`, the last failure being `cause`. */
export interface GaveUp {
  readonly cause: RetryCause;
  readonly unreachableForMs: number;
}

/**
 * Tracks the time since the endpoint last answered. Any answer (a success, a throttling error, a failed
 * condition) resets it; a request that got no answer (refused, reset, timed out) counts from when it was sent.
 * Once no answer has come for `giveUpAfterMs`, {@link EndpointWatch.gaveUp} is set and the run stops.
 */
export class EndpointWatch {
  private unreachableSince: number | undefined;
  private lastAnsweredAt = Number.NEGATIVE_INFINITY;
  private stopped: GaveUp | undefined;

  /**
   * @param giveUpAfterMs - How long without an answer before giving up.
   * @param now - Monotonic clock in ms.
   */
  constructor(
    private readonly giveUpAfterMs: number,
    private readonly now: () => number,
  ) {}

  /** Set once the run has given up; from then on no request is retried. */
  get gaveUp(): GaveUp | undefined {
    return this.stopped;
  }

  /** Records that the endpoint answered (successfully or with an error response). */
  answered(): void {
    this.unreachableSince = undefined;
    this.lastAnsweredAt = this.now();
  }

  /**
   * Records a failed request.
   *
   * @param cause - Why it failed; only causes meaning "no answer" count towards giving up.
   * @param sentAtMs - When the request was sent, on the same clock as `now`.
   */
  failed(cause: RetryCause, sentAtMs: number): void {
    if (!isUnreachable(cause)) {
      this.answered();
      return;
    }
    // Silence starts when this request was sent, but never before the last answer.
    const since = Math.max(sentAtMs, this.lastAnsweredAt);
    this.unreachableSince = Math.min(this.unreachableSince ?? since, since);
    const unreachableForMs = this.now() - this.unreachableSince;
    if (this.stopped === undefined && unreachableForMs >= this.giveUpAfterMs)
      this.stopped = { cause, unreachableForMs };
  }
}
