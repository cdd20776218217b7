/**
 * Simulated time: each change stamped with its own operation's time, and handed on in event-time order.
 */
import type { Operation } from '@sales/generator';
import { EventTimeOrder } from '../../src/run/event-time-order';
import { OperationClock } from '../../src/run/operation-clock';
import { countPartitions } from '../../src/run/partition-count';

const op = (seq: number, orderId: string): Operation => ({ op: 'delete', seq, order_id: orderId });
const MINUTE = 60_000;

describe('OperationClock', () => {
  test("stamps each order's change with its oldest operation not yet captured, whatever completes first", () => {
    const clock = new OperationClock();
    const drawn = clock.follow([op(0, 'a'), op(1, 'b'), op(2, 'a'), op(3, 'c')], (o) => o.seq * MINUTE);
    const operations = [...drawn];

    expect(operations.map((o) => o.seq)).toEqual([0, 1, 2, 3]);
    expect([clock.timeOf('c'), clock.timeOf('b'), clock.timeOf('a')]).toEqual([3 * MINUTE, MINUTE, 0]);
    clock.captured('a');
    expect(clock.timeOf('a')).toBe(2 * MINUTE);
  });

  test('keeps a retried write on its own time until its change is captured', () => {
    const clock = new OperationClock();
    [...clock.follow([op(0, 'a'), op(1, 'a')], (o) => o.seq * MINUTE)];

    expect([clock.timeOf('a'), clock.timeOf('a')]).toEqual([0, 0]);
  });

  test('puts the watermark at the oldest operation not yet captured, then at the latest drawn', () => {
    const clock = new OperationClock();
    const drawn = clock.follow([op(0, 'a'), op(1, 'b'), op(2, 'c')], (o) => o.seq * MINUTE)[Symbol.iterator]();
    drawn.next();
    drawn.next();
    expect(clock.watermark()).toBe(0);
    clock.captured('b');
    expect(clock.watermark()).toBe(0);
    clock.captured('a');
    expect(clock.watermark()).toBe(MINUTE);
    drawn.next();
    clock.captured('c');
    expect(clock.watermark()).toBe(2 * MINUTE);
  });

  test('answers the latest time for a write from outside the plan', () => {
    const clock = new OperationClock();
    [...clock.follow([op(0, 'a'), op(1, 'b')], (o) => 7 + o.seq)];
    expect(clock.timeOf('elsewhere')).toBe(8);
  });
});

describe('EventTimeOrder', () => {
  test('lets changes go by event time once the watermark has reached them, ties in the order added', () => {
    const order = new EventTimeOrder<string>();
    order.add('late', 30);
    order.add('first', 10);
    order.add('tie-1', 20);
    order.add('tie-2', 20);

    expect(order.release(5)).toEqual([]);
    expect(order.release(20)).toEqual(['first', 'tie-1', 'tie-2']);
    expect(order.release(25)).toEqual([]);
    expect(order.release(Number.POSITIVE_INFINITY)).toEqual(['late']);
  });
});

describe('countPartitions', () => {
  test.each([
    [[], { days: 0, hours: 0 }],
    [
      [
        'sales/year=2026/month=11/day=01/hour=00/a.json.gz',
        'sales/year=2026/month=11/day=01/hour=00/b.json.gz',
        'sales/year=2026/month=11/day=01/hour=23/c.json.gz',
        'sales/year=2026/month=11/day=02/hour=00/d.json.gz',
      ],
      { days: 2, hours: 3 },
    ],
    [
      [
        'errors/processing-failed/year=2026/month=11/day=01/hour=00/e.json.gz',
        'sales/year=2026/month=12/day=01/hour=05/f.json.gz',
      ],
      { days: 1, hours: 1 },
    ],
  ])('counts the data prefix of %j', (keys, expected) => {
    expect(countPartitions(keys, 'sales/')).toEqual(expected);
  });
});
