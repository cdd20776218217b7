/**
 * The pacer releases permits on a steady schedule; backoff uses full jitter under a cap.
 */
import { Pacer } from '../../src/write/pacer';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryable } from '../../src/write/retry';

/** A virtual clock: sleeping advances time, nothing really waits. */
function virtualTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}

describe('Pacer', () => {
  it('releases permit n at n / rate, without bursts', async () => {
    const time = virtualTime();
    const pacer = new Pacer(200, time);
    const releases: number[] = [];
    for (let i = 0; i < 100; i++) {
      await pacer.next();
      releases.push(time.now());
    }
    for (const [n, at] of releases.entries()) expect(at).toBeCloseTo(n * 5, 6);
  });

  it('makes up a short stall at no more than twice the rate, keeping the average', async () => {
    const time = virtualTime();
    const pacer = new Pacer(100, time, { maxLagMs: 1000, catchUpFactor: 2 });
    await pacer.next();
    time.advance(200); // the writes stalled for 200 ms: 20 permits behind
    const releases: number[] = [];
    for (let i = 0; i < 60; i++) {
      await pacer.next();
      releases.push(time.now());
    }
    const gaps = releases.slice(1).map((at, i) => at - (releases[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5 - 1e-9);
    expect(releases.at(-1)).toBeCloseTo(600, 6); // back on the original schedule: permit 60 at 600 ms
  });

  it('slides the schedule instead of catching up after a stall longer than maxLagMs', async () => {
    const time = virtualTime();
    const pacer = new Pacer(100, time, { maxLagMs: 50 });
    await pacer.next();
    time.advance(1000);
    await pacer.next();
    const afterStall = time.now();
    await pacer.next();
    expect(time.now() - afterStall).toBeCloseTo(10, 6);
  });
});

describe('backoff', () => {
  it('waits a uniform random time below min(cap, base * 2^retry)', () => {
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 1, () => 0.999)).toBe(49);
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 3, () => 0.5)).toBe(100);
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 20, () => 0.999)).toBe(1998);
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 4, () => 0)).toBe(0);
  });

  test.each([
    [{ name: 'ProvisionedThroughputExceededException' }, true],
    [{ name: 'ThrottlingException' }, true],
    [{ name: 'RequestLimitExceeded' }, true],
    [{ name: 'InternalServerError' }, true],
    [{ name: 'Whatever', $metadata: { httpStatusCode: 503 } }, true],
    [{ name: 'Error', code: 'ECONNRESET' }, true],
    [{ name: 'ConditionalCheckFailedException', $metadata: { httpStatusCode: 400 } }, false],
    [{ name: 'ValidationException' }, false],
    [{ name: 'ResourceNotFoundException' }, false],
    ['a string', false],
  ])('isRetryable(%j) is %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});
