/**
 * Sends one operation as its own request (PutItem, conditional UpdateItem, conditional DeleteItem), with retries.
 */
import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { toItem } from '../model/item.js';
import type { Operation } from '../plan/plan-types.js';
import { backoffDelayMs, errorLabel } from './retry.js';
import { retryCause } from './retry-cause.js';
import type { WriteContext } from './write-context.js';

function send(client: WriteContext['client'], operation: Operation, tableName: string): Promise<unknown> {
  const key = { order_id: { S: operation.order_id } };
  switch (operation.op) {
    case 'put':
      return client.send(new PutItemCommand({ TableName: tableName, Item: toItem(operation.order) }));
    case 'update':
      // The lifecycle guard: only move the order if it is still in the status the plan expects.
      return client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'SET #status = :to, updated_at = :at',
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':to': { S: operation.to },
            ':from': { S: operation.from },
            ':at': { S: operation.updated_at },
          },
        }),
      );
    case 'delete':
      return client.send(
        new DeleteItemCommand({ TableName: tableName, Key: key, ConditionExpression: 'attribute_exists(order_id)' }),
      );
  }
}

/**
 * Applies one operation, retrying throttling and 5xx errors with exponential backoff and full jitter.
 * A conditional-check failure or validation error is final and counted under its name; throttling
 * that outlasts the retry policy is counted as `RetriesExhausted`, and a write still failing when the
 * run gives up on an unreachable endpoint as `EndpointUnreachable`. Each retryable failure is counted by cause.
 *
 * @param context - Client, table, retry policy and counters.
 * @param operation - The operation.
 * @returns `true` when the write succeeded.
 */
export async function writeSingle(context: WriteContext, operation: Operation): Promise<boolean> {
  const { client, stats, retryPolicy, watch } = context;
  stats.attempt(operation.op);
  for (let attempt = 1; ; attempt++) {
    stats.requests++;
    const sentAt = context.now();
    try {
      await send(client, operation, context.tableName);
      watch.answered();
      stats.succeed(operation.op);
      return true;
    } catch (error) {
      const cause = retryCause(error);
      if (cause === undefined) {
        watch.answered();
        stats.fail(operation.op, errorLabel(error));
        return false;
      }
      stats.retryFailure(cause);
      watch.failed(cause, sentAt);
      if (watch.gaveUp !== undefined || attempt >= retryPolicy.maxAttempts) {
        stats.fail(operation.op, watch.gaveUp === undefined ? 'RetriesExhausted' : 'EndpointUnreachable');
        return false;
      }
      stats.retried++;
      await context.sleep(backoffDelayMs(retryPolicy, attempt, context.random));
    }
  }
}
