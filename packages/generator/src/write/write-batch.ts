/**
 * Sends puts in one BatchWriteItem (at most 25), resending `UnprocessedItems` and throttled batches with backoff.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 */
import { BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { toItem } from '../model/item.js';
import type { PutOperation } from '../plan/plan-types.js';
import { backoffDelayMs, errorLabel } from './retry.js';
import { retryCause } from './retry-cause.js';
import type { WriteContext } from './write-context.js';

/** BatchWriteItem's limit on requests per call. */
export const MAX_BATCH_SIZE = 25;

/**
 * Writes a batch of puts, resolving each operation's own outcome.
 *
 * @param context - Client, table, retry policy and counters.
 * @param puts - 1 to 25 puts of distinct orders.
 * @returns Outcome per `order_id`: `true` when that put succeeded.
 */
export async function writeBatch(context: WriteContext, puts: readonly PutOperation[]): Promise<Map<string, boolean>> {
  const { client, stats, retryPolicy, tableName, watch } = context;
  const outcome = new Map<string, boolean>();
  let pending: WriteRequest[] = puts.map((put) => ({ PutRequest: { Item: toItem(put.order) } }));
  for (const _put of puts) stats.attempt('put');
  const settle = (requests: readonly WriteRequest[], ok: boolean, reason = ''): void => {
    for (const request of requests) {
      const id = request.PutRequest?.Item?.order_id?.S ?? '';
      outcome.set(id, ok);
      if (ok) stats.succeed('put');
      else stats.fail('put', reason);
    }
  };
  for (let attempt = 1; ; attempt++) {
    stats.requests++;
    let unprocessed: WriteRequest[];
    const sentAt = context.now();
    try {
      const response = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      watch.answered();
      unprocessed = response.UnprocessedItems?.[tableName] ?? [];
      const left = new Set(unprocessed.map((request) => request.PutRequest?.Item?.order_id?.S));
      settle(
        pending.filter((request) => !left.has(request.PutRequest?.Item?.order_id?.S)),
        true,
      );
      if (unprocessed.length === 0) return outcome;
      stats.retryFailure('throttled');
    } catch (error) {
      const cause = retryCause(error);
      if (cause === undefined) {
        watch.answered();
        settle(pending, false, errorLabel(error));
        return outcome;
      }
      stats.retryFailure(cause);
      watch.failed(cause, sentAt);
      unprocessed = pending;
    }
    if (watch.gaveUp !== undefined || attempt >= retryPolicy.maxAttempts) {
      settle(unprocessed, false, watch.gaveUp === undefined ? 'RetriesExhausted' : 'EndpointUnreachable');
      return outcome;
    }
    stats.retried += unprocessed.length;
    pending = unprocessed;
    await context.sleep(backoffDelayMs(retryPolicy, attempt, context.random));
  }
}
