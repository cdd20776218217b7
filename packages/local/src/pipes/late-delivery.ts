/**
 * LateDelivery: the pipe's retries of records Kinesis did not take, which reach the stream hours after later ones.
 */
import type { Random } from '@sales/generator';

/** Which changes arrive late, and how late. */
export interface LatePolicy {
  /** Probability that a change's first put fails and is retried late, 0 to 1. */
  readonly fraction: number;
  /** Seeded dice: which changes, and each one's delay. */
  readonly random: Random;
  /**
   * The pipe's `MaximumRecordAgeInSeconds`, in ms: a retry lands 1/6 to 5/6 of it after the batch, so it is still
   * delivered, not dead-lettered (1 h to 5 h at the default 21,600 s).
   */
  readonly maximumRecordAgeMs: number;
}

/** A held item, with the simulated time it reaches the stream. */
export interface LateItem<T> {
  readonly item: T;
  readonly arrivalMs: number;
}

interface HeldKey<T> {
  readonly dueMs: number;
  readonly items: T[];
}

/**
 * Holds a seeded fraction of a pipe's records back and releases them hours later, in simulated time. It models a
 * partial `PutRecords` failure (`ProvisionedThroughputExceeded`, `InternalFailure`): Pipes retries the failed entries
 * with backoff, and PutRecords does not keep their order, so they land after records written later. Their payload, the
 * stream record with its `ApproximateCreationDateTime`, is unchanged: only the arrival is late. The later changes of
 * the same partition key wait behind a held one (its stream shard does not advance while the retry is pending), so one
 * order's changes still reach Kinesis in order.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-batching-concurrency.html
 * @see https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html
 * @example
 * ```ts
 * const late = new LateDelivery<string>({ fraction: 0.02, random: createRandom('s'), maximumRecordAgeMs: 21_600_000 });
 * if (!late.hold('ord-1', 'record', releasedAtMs)) put('record');
 * for (const { item, arrivalMs } of late.release(nextReleaseMs)) put(item, arrivalMs);
 * ```
 */
export class LateDelivery<T> {
  private readonly held = new Map<string, HeldKey<T>>();
  /** Items held so far: those the dice chose, and those that waited behind them. */
  late = 0;

  /** @param policy - fraction, dice and the pipe's maximum record age */
  constructor(private readonly policy: LatePolicy) {}

  /**
   * Whether an item is held instead of put now: its key already waits, or the dice choose it.
   *
   * @param key - its partition key
   * @param item - the item
   * @param releasedAtMs - when its batch is released, simulated epoch ms
   * @returns true when held (it comes back from {@link LateDelivery.release})
   */
  hold(key: string, item: T, releasedAtMs: number): boolean {
    let waiting = this.held.get(key);
    if (waiting === undefined) {
      if (this.policy.fraction === 0 || this.policy.random() >= this.policy.fraction) return false;
      const share = 1 / 6 + (this.policy.random() * 2) / 3;
      waiting = { dueMs: releasedAtMs + Math.round(this.policy.maximumRecordAgeMs * share), items: [] };
      this.held.set(key, waiting);
    }
    waiting.items.push(item);
    this.late += 1;
    return true;
  }

  /**
   * The held items due by a time, oldest retry first; each key's items in the order they were held.
   *
   * @param nowMs - simulated time; `Infinity` releases everything
   * @returns the items with their arrival times, which never decrease
   */
  release(nowMs: number): LateItem<T>[] {
    const due = [...this.held].filter(([, waiting]) => waiting.dueMs <= nowMs);
    due.sort(([, a], [, b]) => a.dueMs - b.dueMs);
    for (const [key] of due) this.held.delete(key);
    return due.flatMap(([, waiting]) => waiting.items.map((item) => ({ item, arrivalMs: waiting.dueMs })));
  }
}
