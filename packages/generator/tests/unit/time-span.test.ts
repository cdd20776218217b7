/**
 * --start and --span: the forms and limits they accept, and where a run's event times start.
 */
import { UsageError } from '@sales/command-line';
import { parseSpan, parseStart, parseTimeSpan, resolveStartMs } from '../../src/cli/time-span';

describe('parseStart', () => {
  test.each([
    ['2026-11-01T00:00:00Z', Date.UTC(2026, 10, 1)],
    ['2026-11-01T10:30Z', Date.UTC(2026, 10, 1, 10, 30)],
    ['2024-02-29T23:59:59.5Z', Date.UTC(2024, 1, 29, 23, 59, 59, 500)],
    ['2000-01-01T00:00:00Z', Date.UTC(2000, 0, 1)],
  ])('reads %s', (text, ms) => {
    expect(parseStart('--start', text)).toBe(ms);
  });

  test.each([
    ['2026-11-01', 'must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z'],
    ['2026-11-01T00:00:00+01:00', 'must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z'],
    ['2026-11-01 00:00:00Z', 'must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z'],
    ['2026-02-30T00:00:00Z', 'must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z'],
    ['2026-13-01T00:00:00Z', 'must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z'],
    ['2026-11-01T24:00:00Z', 'must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z'],
    ['0099-11-01T00:00:00Z', 'must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z'],
    ['1999-12-31T23:59:59Z', 'must be from 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z'],
    ['2100-01-01T00:00:00Z', 'must be from 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z'],
  ])('refuses %s, naming the flag and the value', (text, message) => {
    expect(() => parseStart('--start', text)).toThrow(new UsageError(`--start ${message}, received "${text}"`));
  });
});

describe('parseSpan', () => {
  test.each([
    ['1s', 1000],
    ['90m', 90 * 60_000],
    ['36h', 36 * 3_600_000],
    ['7d', 7 * 86_400_000],
    ['366d', 366 * 86_400_000],
  ])('reads %s', (text, ms) => {
    expect(parseSpan('--span', text)).toBe(ms);
  });

  test.each([
    ['2w', '--span must be a duration such as 90m, 36h or 7d (unit s, m, h or d), received "2w"'],
    ['1.5h', '--span must be a duration such as 90m, 36h or 7d (unit s, m, h or d), received "1.5h"'],
    ['-1h', '--span must be a duration such as 90m, 36h or 7d (unit s, m, h or d), received "-1h"'],
    ['7', '--span must be a duration such as 90m, 36h or 7d (unit s, m, h or d), received "7"'],
    ['0s', '--span must be from 1s to 366d, received "0s"'],
    ['367d', '--span must be from 1s to 366d, received "367d"'],
    ['8785h', '--span must be from 1s to 366d, received "8785h"'],
  ])('refuses %s', (text, message) => {
    expect(() => parseSpan('--span', text)).toThrow(new UsageError(message));
  });
});

describe('parseTimeSpan', () => {
  it('gives nothing when neither flag is given, so runs keep the real clock', () => {
    expect(parseTimeSpan(undefined, undefined)).toEqual({});
  });

  it('reads both flags together', () => {
    expect(parseTimeSpan('2026-11-01T00:00:00Z', '3d')).toEqual({
      startMs: Date.UTC(2026, 10, 1),
      spanMs: 3 * 86_400_000,
    });
  });

  it('refuses a span that ends after 2100-01-01T00:00:00Z, saying where it ends', () => {
    expect(() => parseTimeSpan('2099-12-31T00:00:00Z', '7d')).toThrow(
      new UsageError(
        '--span must end by 2100-01-01T00:00:00Z: --start 2099-12-31T00:00:00Z plus 7d ends 2100-01-07T00:00:00Z',
      ),
    );
  });
});

describe('resolveStartMs', () => {
  const NOW = Date.UTC(2026, 10, 5, 12);

  test.each([
    [{}, NOW],
    [{ startMs: Date.UTC(2026, 10, 1) }, Date.UTC(2026, 10, 1)],
    [{ startMs: Date.UTC(2026, 10, 1), spanMs: 86_400_000 }, Date.UTC(2026, 10, 1)],
    [{ spanMs: 86_400_000 }, NOW - 86_400_000],
  ])('starts %j at the right instant', (time, expected) => {
    expect(resolveStartMs(time, NOW)).toBe(expected);
  });
});
