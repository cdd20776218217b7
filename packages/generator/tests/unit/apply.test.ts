/**
 * applyPlan with a scripted client: batching, per-order ordering, retries and honest counts.
 */
import {
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { applyPlan } from '../../src/write/apply';
import { iterateOperations, planOperations } from '../../src/plan/plan';
import type { Plan } from '../../src/plan/plan-types';
import type { DynamoDBSender } from '../../src/write/write-context';

type Reply = (command: unknown) => unknown;

/** A client that records each command (with the order ids it touches) and answers via `reply`. */
function scriptedClient(reply: Reply = () => ({})) {
  const log: { type: string; ids: string[]; at: number }[] = [];
  let tick = 0;
  const client = {
    send: async (command: unknown) => {
      const input = (command as { input: Record<string, unknown> }).input;
      const type = (command as object).constructor.name;
      const ids =
        command instanceof BatchWriteItemCommand
          ? (Object.values(command.input.RequestItems ?? {})[0]?.map((r) => r.PutRequest?.Item?.order_id?.S ?? '') ??
            [])
          : [((input.Item ?? input.Key) as { order_id: { S: string } }).order_id.S];
      log.push({ type, ids, at: tick++ });
      await new Promise((resolve) => setImmediate(resolve));
      const answer = reply(command);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as DynamoDBSender;
  return { client, log };
}

const fast = { tableName: 'orders', rate: 100_000, sleep: async () => undefined, random: () => 0.5 };
const plan = (count: number, seed = 'apply'): Plan => planOperations(seed, { count, startTimeMs: 0, rate: 1000 });

describe('applyPlan', () => {
  it('sends every operation once, batching puts and keeping each order in plan order', async () => {
    const { client, log } = scriptedClient();
    const p = plan(400);
    const summary = await applyPlan(client, p, { ...fast, concurrency: 4, batchSize: 25 });
    expect(summary).toMatchObject({ planned: 400, attempted: 400, succeeded: 400, failed: 0, retried: 0, notSent: 0 });
    const sent = log.flatMap((entry) => entry.ids.map((id) => ({ id, type: entry.type })));
    expect(sent).toHaveLength(400);
    expect(log.some((entry) => entry.type === BatchWriteItemCommand.name && entry.ids.length > 1)).toBe(true);
    expect(Math.max(...log.map((entry) => entry.ids.length))).toBeLessThanOrEqual(25);
    // Per order, the commands were sent in plan order.
    const expectedTypes = new Map<string, string[]>();
    for (const op of p.operations) {
      const type =
        op.op === 'update'
          ? UpdateItemCommand.name
          : op.op === 'delete'
            ? DeleteItemCommand.name
            : BatchWriteItemCommand.name;
      expectedTypes.set(op.order_id, [...(expectedTypes.get(op.order_id) ?? []), type]);
    }
    const actualTypes = new Map<string, string[]>();
    for (const { id, type } of sent)
      actualTypes.set(id, [
        ...(actualTypes.get(id) ?? []),
        type === PutItemCommand.name ? BatchWriteItemCommand.name : type,
      ]);
    expect(actualTypes).toEqual(expectedTypes);
  });

  it('applies a lazily produced plan the same way as a materialized one', async () => {
    const eager = scriptedClient();
    const lazy = scriptedClient();
    const options = { count: 300, startTimeMs: 0, rate: 1000 };
    const run = { ...fast, concurrency: 1, batchSize: 1 };
    await applyPlan(eager.client, planOperations('lazy', options), run);
    const summary = await applyPlan(lazy.client, { count: 300, operations: iterateOperations('lazy', options) }, run);
    expect(summary).toMatchObject({ planned: 300, attempted: 300, succeeded: 300 });
    expect(lazy.log.map(({ type, ids }) => [type, ids])).toEqual(eager.log.map(({ type, ids }) => [type, ids]));
  });

  it('sends puts one by one as PutItem with batch size 1', async () => {
    const { client, log } = scriptedClient();
    await applyPlan(client, plan(60), { ...fast, concurrency: 1, batchSize: 1 });
    expect(log.some((entry) => entry.type === BatchWriteItemCommand.name)).toBe(false);
    expect(log.filter((entry) => entry.type === PutItemCommand.name).length).toBeGreaterThan(20);
  });

  it('resends unprocessed items and throttled requests, counting each re-send', async () => {
    let calls = 0;
    const { client } = scriptedClient((command) => {
      calls++;
      if (calls % 4 === 0) return new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });
      if (command instanceof BatchWriteItemCommand && calls % 3 === 0) {
        const requests = Object.values(command.input.RequestItems ?? {})[0] ?? [];
        return { UnprocessedItems: { orders: requests.slice(1) } };
      }
      return {};
    });
    const summary = await applyPlan(client, plan(300), { ...fast, concurrency: 3 });
    expect(summary).toMatchObject({ attempted: 300, succeeded: 300, failed: 0 });
    expect(summary.retried).toBeGreaterThan(0);
    expect(summary.throttled).toBeGreaterThan(0);
    expect(summary.requests).toBe(calls);
  });

  it('does not retry a conditional-check failure and skips later writes of that order', async () => {
    const p = plan(400, 'conditional');
    const victim = p.operations.find(
      (op) => op.op === 'update' && p.operations.some((o) => o.seq > op.seq && o.order_id === op.order_id),
    );
    if (!victim) throw new Error('fixture plan has no order updated twice');
    const later = p.operations.filter((op) => op.seq > victim.seq && op.order_id === victim.order_id).length;
    const { client, log } = scriptedClient((command) =>
      command instanceof UpdateItemCommand && command.input.Key?.order_id?.S === victim.order_id
        ? new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} })
        : {},
    );
    const summary = await applyPlan(client, p, { ...fast, concurrency: 4 });
    expect(
      log.filter((entry) => entry.type === UpdateItemCommand.name && entry.ids[0] === victim.order_id),
    ).toHaveLength(1);
    expect(later).toBeGreaterThan(0);
    expect(summary.failures).toEqual({ ConditionalCheckFailedException: 1, DependencyFailed: later });
    expect(summary.failed).toBe(1 + later);
    expect(summary.succeeded + summary.failed).toBe(400);
    expect(summary.retried).toBe(0);
  });

  it('gives up after maxAttempts on persistent throttling and reports the failures', async () => {
    const { client, log } = scriptedClient(
      () => new ProvisionedThroughputExceededException({ message: 'no', $metadata: {} }),
    );
    const p = planOperations('throttled', {
      count: 5,
      startTimeMs: 0,
      rate: 1000,
      ratios: { put: 1, update: 0, delete: 0 },
    });
    const summary = await applyPlan(client, p, {
      ...fast,
      batchSize: 25,
      retryPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect(summary).toMatchObject({ attempted: 5, succeeded: 0, failed: 5, retried: 10, requests: 3, throttled: 3 });
    expect(log).toHaveLength(3);
    expect(summary.failures).toEqual({ RetriesExhausted: 5 });
  });

  it('gives up once the endpoint has not answered for giveUpAfterMs, naming the cause', async () => {
    // Arrange: a clock that advances 100 ms per request; every request is refused.
    let clock = 0;
    const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const { client, log } = scriptedClient(() => {
      clock += 100;
      return refused();
    });
    const p = plan(400, 'refused');

    // Act
    const summary = await applyPlan(client, p, {
      ...fast,
      concurrency: 1,
      batchSize: 1,
      now: () => clock,
      giveUpAfterMs: 1_000,
    });

    // Assert
    expect(summary.gaveUp).toEqual({ cause: 'connection-refused', unreachableForMs: expect.any(Number) });
    expect(summary.gaveUp?.unreachableForMs).toBeGreaterThanOrEqual(1_000);
    expect(summary.retryCauses).toEqual({ 'connection-refused': log.length });
    expect(summary.throttled).toBe(0);
    expect(summary.failures.EndpointUnreachable).toBeGreaterThan(0);
    expect(summary.notSent).toBeGreaterThan(300);
    expect(summary.succeeded).toBe(0);
    expect(log.length).toBeLessThan(20);
  });

  it('does not give up while the endpoint answers, even with throttling', async () => {
    let clock = 0;
    let calls = 0;
    const { client } = scriptedClient(() => {
      clock += 100;
      calls += 1;
      return calls % 2 === 1 ? new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }) : {};
    });
    const summary = await applyPlan(client, plan(50, 'answers'), {
      ...fast,
      concurrency: 1,
      batchSize: 1,
      now: () => clock,
      giveUpAfterMs: 150,
    });
    expect(summary.gaveUp).toBeUndefined();
    expect(summary).toMatchObject({
      succeeded: 50,
      failed: 0,
      notSent: 0,
      retryCauses: { throttled: summary.throttled },
    });
  });

  it('stops scheduling when aborted and reports the rest as not sent', async () => {
    const controller = new AbortController();
    const { client } = scriptedClient(() => {
      controller.abort();
      return {};
    });
    const summary = await applyPlan(client, plan(500), {
      ...fast,
      signal: controller.signal,
      batchSize: 1,
      concurrency: 1,
    });
    expect(summary.interrupted).toBe(true);
    expect(summary.attempted).toBeGreaterThan(0);
    expect(summary.attempted).toBeLessThan(500);
    expect(summary.notSent).toBe(500 - summary.attempted);
    expect(summary.succeeded).toBe(summary.attempted);
  });
});
