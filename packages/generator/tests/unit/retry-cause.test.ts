/**
 * retryCause, EndpointWatch and keySchemaProblem: naming each failure cause, and when to give up.
 */
import { keySchemaProblem } from '../../src/table/check-table';
import { EndpointWatch } from '../../src/write/endpoint-watch';
import { retryCause } from '../../src/write/retry-cause';

describe('retryCause', () => {
  test.each([
    [{ name: 'ProvisionedThroughputExceededException' }, 'throttled'],
    [{ name: 'ThrottlingException' }, 'throttled'],
    [{ name: 'InternalServerError' }, 'server-error'],
    [{ name: 'Whatever', $metadata: { httpStatusCode: 503 } }, 'server-error'],
    [{ name: 'TransactionConflictException' }, 'transaction-conflict'],
    [{ name: 'TimeoutError' }, 'timeout'],
    [{ name: 'Error', code: 'ECONNREFUSED' }, 'connection-refused'],
    [{ name: 'Error', code: 'ECONNRESET' }, 'connection-reset'],
    [{ name: 'Error', code: 'ENOTFOUND' }, 'dns-failure'],
    [{ name: 'ConditionalCheckFailedException', $metadata: { httpStatusCode: 400 } }, undefined],
    [{ name: 'ValidationException' }, undefined],
    ['a string', undefined],
  ])('retryCause(%j) is %s', (error, cause) => {
    expect(retryCause(error)).toBe(cause);
  });
});

describe('EndpointWatch', () => {
  it('gives up when no answer came for the limit, counting from the first unanswered request', () => {
    let clock = 0;
    const watch = new EndpointWatch(1_000, () => clock);
    clock = 300;
    watch.failed('timeout', 0);
    expect(watch.gaveUp).toBeUndefined();
    clock = 1_000;
    watch.failed('connection-refused', 900);
    expect(watch.gaveUp).toEqual({ cause: 'connection-refused', unreachableForMs: 1_000 });
  });

  it('starts over after any answer, and never counts silence from before it', () => {
    let clock = 0;
    const watch = new EndpointWatch(1_000, () => clock);
    watch.failed('timeout', 0);
    clock = 600;
    watch.answered();
    clock = 1_200;
    watch.failed('timeout', 0); // sent before the answer at 600
    expect(watch.gaveUp).toBeUndefined();
    watch.failed('throttled', 1_200); // an answer, not silence
    clock = 1_700;
    watch.failed('timeout', 1_300);
    expect(watch.gaveUp).toBeUndefined();
  });
});

describe('keySchemaProblem', () => {
  it('accepts the orders key schema', () => {
    expect(
      keySchemaProblem({
        TableName: 'orders',
        KeySchema: [{ AttributeName: 'order_id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'order_id', AttributeType: 'S' }],
      }),
    ).toBeUndefined();
  });

  test.each([
    [
      [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      'found pk (S, HASH), sk (S, RANGE)',
    ],
    [
      [{ AttributeName: 'order_id', KeyType: 'HASH' }],
      [{ AttributeName: 'order_id', AttributeType: 'N' }],
      'found order_id (N, HASH)',
    ],
  ] as const)('names a wrong key schema: %j', (KeySchema, AttributeDefinitions, found) => {
    expect(
      keySchemaProblem({
        TableName: 'legacy',
        KeySchema: [...KeySchema],
        AttributeDefinitions: [...AttributeDefinitions],
      }),
    ).toBe(
      `table "legacy" has the wrong key schema: ${found}, sales-generator writes order_id (S, HASH) only; nothing was written`,
    );
  });
});
