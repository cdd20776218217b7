import { markerKey, replayDataKey, replayFailedKey } from '../../src/replay/firehose/replay-keys';

const ERROR_KEY =
  'errors/processing-failed/year=2025/month=01/day=15/sales-dev-changes-1-2025-01-15-10-30-11-c4ca4238.json.gz';

describe('replay keys', () => {
  test('the marker and the still-failing list mirror the error object path', () => {
    expect(markerKey(ERROR_KEY)).toBe(
      'errors/replayed/year=2025/month=01/day=15/sales-dev-changes-1-2025-01-15-10-30-11-c4ca4238.json',
    );
    expect(replayFailedKey(ERROR_KEY)).toBe(
      'errors/replay-failed/year=2025/month=01/day=15/sales-dev-changes-1-2025-01-15-10-30-11-c4ca4238.json',
    );
  });

  test('a data key is the partition folder and a name that depends on the error key only', () => {
    const partition = { year: '2025', month: '01', day: '15', hour: '10' };
    const key = replayDataKey(ERROR_KEY, partition);

    expect(key).toMatch(/^sales\/year=2025\/month=01\/day=15\/hour=10\/replay-[0-9a-f]{32}\.json\.gz$/);
    expect(replayDataKey(ERROR_KEY, partition)).toBe(key);
    expect(replayDataKey(`${ERROR_KEY}x`, partition)).not.toBe(key);
  });

  test('refuses a key outside errors/processing-failed/', () => {
    expect(() => markerKey('sales/x.json.gz')).toThrow(/must start with errors\/processing-failed\//);
  });
});
