import type { FirehoseTransformationResultRecord } from 'aws-lambda';

/** What became of one delivery of a change: the handler's answer, or the invocation failing. */
export type DeliveryResult = FirehoseTransformationResultRecord['result'] | 'InvocationFailed';

/** Distinct changes by outcome. */
export interface OutcomeCounts {
  /** Changes with at least one `Ok`. */
  readonly delivered: number;
  /** Changes that only ever failed. */
  readonly failed: number;
  /** Changes answered `Dropped` (and never `Ok`). */
  readonly dropped: number;
}

/**
 * The outcome of each change over its deliveries (a first one and at most one re-delivered copy), counted once per
 * change: `Ok` wins over any other answer, else the first answer stands. A change is held only until it is settled
 * (no copy will come, or the copy has been through), so memory holds the changes in flight, not the run's.
 *
 * @example
 * ```ts
 * const outcomes = new DeliveryOutcomes();
 * outcomes.record('1', 'ProcessingFailed');
 * outcomes.record('1', 'Ok');
 * outcomes.settle('1');
 * outcomes.counts(); //=> { delivered: 1, failed: 0, dropped: 0 }
 * ```
 */
export class DeliveryOutcomes {
  private readonly pending = new Map<string, DeliveryResult>();
  private delivered = 0;
  private failed = 0;
  private dropped = 0;

  /**
   * One delivery's result.
   *
   * @param sequenceNumber - the change's Kinesis sequence number
   * @param result - what became of this delivery
   */
  record(sequenceNumber: string, result: DeliveryResult): void {
    if (!this.pending.has(sequenceNumber) || result === 'Ok') this.pending.set(sequenceNumber, result);
  }

  /**
   * No more deliveries of this change will come: count it.
   *
   * @param sequenceNumber - the change's Kinesis sequence number
   */
  settle(sequenceNumber: string): void {
    const result = this.pending.get(sequenceNumber);
    if (result === undefined) return;
    this.pending.delete(sequenceNumber);
    if (result === 'Ok') this.delivered += 1;
    else if (result === 'Dropped') this.dropped += 1;
    else this.failed += 1;
  }

  /** @returns the settled changes by outcome, and those still waiting for a copy by their outcome so far */
  counts(): OutcomeCounts {
    const counts = { delivered: this.delivered, failed: this.failed, dropped: this.dropped };
    for (const result of this.pending.values()) {
      if (result === 'Ok') counts.delivered += 1;
      else if (result === 'Dropped') counts.dropped += 1;
      else counts.failed += 1;
    }
    return counts;
  }
}
