import { SimulatedBuffer } from '../../src/firehose/simulated-buffer';

describe('SimulatedBuffer', () => {
  test('releases when the size limit is reached, at the time of the record that filled it', () => {
    const buffer = new SimulatedBuffer<string>({ sizeBytes: 10, intervalMs: 60_000 });

    const released = [buffer.add('a', 4, 0), buffer.add('b', 6, 5)];

    expect(released).toEqual([[], [{ items: ['a', 'b'], releasedAtMs: 5, bytes: 10 }]]);
  });

  test('releases before adding a record that would overflow the size limit', () => {
    const buffer = new SimulatedBuffer<string>({ sizeBytes: 10, intervalMs: 60_000 });
    buffer.add('a', 6, 0);

    expect(buffer.add('b', 6, 1)).toEqual([{ items: ['a'], releasedAtMs: 1, bytes: 6 }]);
    expect(buffer.drain()).toEqual([{ items: ['b'], releasedAtMs: 60_001, bytes: 6 }]);
  });

  test('releases at the interval deadline in simulated time, not on the wall clock', () => {
    const buffer = new SimulatedBuffer<string>({ sizeBytes: 1_000, intervalMs: 5_000 });
    buffer.add('a', 1, 1_000);
    buffer.add('b', 1, 5_999);

    expect(buffer.add('c', 1, 6_000)).toEqual([{ items: ['a', 'b'], releasedAtMs: 6_000, bytes: 2 }]);
    expect(buffer.tick(10_999)).toEqual([]);
    expect(buffer.tick(11_000)).toEqual([{ items: ['c'], releasedAtMs: 11_000, bytes: 1 }]);
  });

  test('drains nothing when empty', () => {
    expect(new SimulatedBuffer({ sizeBytes: 1, intervalMs: 1 }).drain()).toEqual([]);
  });
});
