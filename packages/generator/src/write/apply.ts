/**
 * applyPlan: the I/O shell that writes a plan to DynamoDB, paced, batched, concurrent and in per-order order.
 */
import { EndpointWatch } from './endpoint-watch.js';
import { Pacer } from './pacer.js';
import type { Operation, Plan, PutOperation } from '../plan/plan-types.js';
import type { Random } from '../model/random.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import { RunStats, type RunSummary } from './run-stats.js';
import { Semaphore } from './semaphore.js';
import { MAX_BATCH_SIZE, writeBatch } from './write-batch.js';
import type { DynamoDBSender, WriteContext } from './write-context.js';
import { writeSingle } from './write-single.js';

/** Options of {@link applyPlan}. */
export interface ApplyOptions {
  readonly tableName: string;
  /** Operations per second, held steadily. */
  readonly rate: number;
  /** Requests in flight at most. @defaultValue 4 */
  readonly concurrency?: number;
  /** Puts per BatchWriteItem, 1 to 25; 1 sends each put as PutItem. @defaultValue 25 */
  readonly batchSize?: number;
  /** Longest time a put waits for its batch to fill, in ms. @defaultValue 25 */
  readonly batchWindowMs?: number;
  /** @defaultValue {@link DEFAULT_RETRY_POLICY} */
  readonly retryPolicy?: RetryPolicy;
  /** Stops scheduling new operations; in-flight writes (and their retries) still finish. */
  readonly signal?: AbortSignal;
  /** Counters to update; pass your own to read progress while the run goes on. @defaultValue - a fresh RunStats */
  readonly stats?: RunStats;
  /** Monotonic clock in ms. @defaultValue performance.now */
  readonly now?: () => number;
  /** @defaultValue setTimeout-based sleep */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Jitter source for backoff. @defaultValue Math.random */
  readonly random?: Random;
  /**
   * Stop, counting the writes left as not sent, once the endpoint has given no answer for this long
   * (refused, reset or timed-out requests only; throttling is an answer), in ms.
   * @defaultValue 30000
   */
  readonly giveUpAfterMs?: number;
}

/**
 * A plan produced lazily (e.g. by {@link iterateOperations}), with its length known up front so the
 * summary can report what was not sent.
 */
export interface LazyPlan {
  readonly operations: Iterable<Operation>;
  readonly count: number;
}

interface OpenBatch {
  readonly puts: PutOperation[];
  readonly resolvers: Map<string, (ok: boolean) => void>;
  timer?: NodeJS.Timeout;
}

/** Default of {@link ApplyOptions.giveUpAfterMs}: 30 s without an answer from the endpoint. */
export const DEFAULT_GIVE_UP_AFTER_MS = 30_000;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes a plan to DynamoDB and reports what happened.
 *
 * Operations are released by a steady {@link Pacer} at `rate`. Puts are grouped into `BatchWriteItem`
 * calls (up to `batchSize`, or whatever arrived within `batchWindowMs`); updates and deletes are
 * single conditional requests. An operation on an order waits until the previous write of that order
 * is acknowledged (a batch holding it is flushed at once), and is skipped as `DependencyFailed` if
 * that write failed. At most `concurrency` requests are in flight; when all are busy the pacer waits,
 * so a run that cannot keep up slows down instead of queueing without bound. When the endpoint has not
 * answered for `giveUpAfterMs`, the run stops: nothing more is sent or retried, and the summary's
 * `gaveUp` names the cause.
 *
 * @param client - A DynamoDB client; configure it without SDK retries (`maxAttempts: 1`) so the counts are exact.
 * @param plan - From {@link planOperations}, or a {@link LazyPlan} for runs too long to hold in memory.
 * @param options - Table, rate, concurrency, batching, retry policy, abort signal and injected clock.
 * @returns The run summary; `failed > 0` means some writes did not happen.
 */
export async function applyPlan(
  client: DynamoDBSender,
  plan: Plan | LazyPlan,
  options: ApplyOptions,
): Promise<RunSummary> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? defaultSleep;
  const stats = options.stats ?? new RunStats();
  const batchSize = Math.min(options.batchSize ?? MAX_BATCH_SIZE, MAX_BATCH_SIZE);
  const batchWindowMs = options.batchWindowMs ?? 25;
  const context: WriteContext = {
    client,
    tableName: options.tableName,
    retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
    stats,
    random: options.random ?? Math.random,
    sleep,
    now,
    watch: new EndpointWatch(options.giveUpAfterMs ?? DEFAULT_GIVE_UP_AFTER_MS, now),
  };
  const slots = new Semaphore(options.concurrency ?? 4);
  const pacer = new Pacer(options.rate, { now, sleep });
  // Per order: the latest write not yet acknowledged, and the orders whose write failed.
  const lastWrite = new Map<string, Promise<boolean>>();
  const failedOrders = new Set<string>();
  const remember = (orderId: string, write: Promise<boolean>): void => {
    lastWrite.set(orderId, write);
    void write.then((ok) => {
      if (!ok) failedOrders.add(orderId);
      if (lastWrite.get(orderId) === write) lastWrite.delete(orderId);
    });
  };
  const inFlight = new Set<Promise<unknown>>();
  const track = (promise: Promise<unknown>): void => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  };
  let open: OpenBatch | undefined;

  // Hands the open batch to a request slot. The batch is tracked at once, so the final drain waits
  // for it even while it still waits for a slot; the caller waits only for the slot.
  const flush = (): Promise<void> => {
    const batch = open;
    if (!batch) return Promise.resolve();
    open = undefined;
    if (batch.timer) clearTimeout(batch.timer);
    const slot = slots.acquire();
    const [first] = batch.puts;
    const sent = slot
      .then(() =>
        batch.puts.length === 1 && first
          ? writeSingle(context, first).then((ok) => new Map([[first.order_id, ok]]))
          : writeBatch(context, batch.puts),
      )
      .then(
        (outcome) => {
          for (const [id, resolve] of batch.resolvers) resolve(outcome.get(id) ?? false);
        },
        () => {
          for (const resolve of batch.resolvers.values()) resolve(false);
        },
      )
      .finally(() => slots.release());
    track(sent);
    return slot;
  };

  const enqueuePut = async (put: PutOperation): Promise<void> => {
    if (!open) {
      const batch: OpenBatch = { puts: [], resolvers: new Map() };
      batch.timer = setTimeout(() => {
        if (open === batch) void flush();
      }, batchWindowMs);
      open = batch;
    }
    const batch = open;
    batch.puts.push(put);
    remember(put.order_id, new Promise((resolve) => batch.resolvers.set(put.order_id, resolve)));
    if (batch.puts.length >= batchSize) await flush();
  };

  const enqueueSingle = async (operation: Operation): Promise<void> => {
    if (open?.resolvers.has(operation.order_id)) await flush();
    const previous = lastWrite.get(operation.order_id);
    await slots.acquire();
    const done = (async () => {
      try {
        if ((previous && !(await previous)) || failedOrders.has(operation.order_id)) {
          stats.attempt(operation.op);
          stats.fail(operation.op, 'DependencyFailed');
          return false;
        }
        return await writeSingle(context, operation);
      } finally {
        slots.release();
      }
    })();
    remember(operation.order_id, done);
    track(done);
  };

  stats.planned = 'count' in plan ? plan.count : plan.operations.length;
  const startedAt = now();
  const stopped = (): boolean => options.signal?.aborted === true || context.watch.gaveUp !== undefined;
  for (const operation of plan.operations) {
    if (stopped()) break;
    await pacer.next();
    if (stopped()) break;
    if (operation.op === 'put') await enqueuePut(operation);
    else await enqueueSingle(operation);
  }
  stats.interrupted = options.signal?.aborted ?? false;
  await flush();
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  stats.gaveUp = context.watch.gaveUp;
  return stats.snapshot(now() - startedAt);
}
