import { resolve } from 'node:path';
import { parseFlags, UsageError } from '@sales/command-line';
import { LOCAL_FLAGS, MAX_EXISTING, MAX_LATE_FRACTION, MAX_ORDERS, OPTION_DEFAULTS } from '../../src/run/flags';
import { validateLocalOptions } from '../../src/run/options';

const ROOT = '/repo';
const parse = (argv: string[], cwd = ROOT) => validateLocalOptions(parseFlags(LOCAL_FLAGS, argv).values, ROOT, cwd);

describe('validateLocalOptions', () => {
  test('applies the documented defaults', () => {
    expect(parse([], '/home/me')).toEqual({
      orders: OPTION_DEFAULTS.orders,
      existing: 0,
      duplicates: OPTION_DEFAULTS.duplicates,
      injectFailures: 0,
      lateFraction: 0,
      out: resolve(ROOT, '.local'),
      seed: 'local',
      quiet: false,
    });
  });

  test("reads every flag, a relative --out from the user's directory", () => {
    const argv = [
      '--orders',
      '12',
      '--duplicates',
      '0',
      '--inject-failures',
      '0.1',
      '--out',
      'lake',
      '--endpoint',
      'http://127.0.0.1:8000',
      '--seed',
      's',
      '--quiet',
    ];
    expect(parse(argv, '/home/me')).toEqual({
      orders: 12,
      existing: 0,
      duplicates: 0,
      injectFailures: 0.1,
      lateFraction: 0,
      out: '/home/me/lake',
      endpoint: 'http://127.0.0.1:8000',
      seed: 's',
      quiet: true,
    });
  });

  test.each([
    [['--span', '3d'], { spanMs: 3 * 86_400_000, lateFraction: OPTION_DEFAULTS.lateFractionWithSpan }],
    [
      ['--start', '2026-11-01T00:00:00Z', '--span', '90m', '--late-fraction', '0'],
      { startMs: Date.UTC(2026, 10, 1), spanMs: 90 * 60_000, lateFraction: 0 },
    ],
    [['--start', '2026-11-01T00:00:00Z'], { startMs: Date.UTC(2026, 10, 1), lateFraction: 0 }],
    [['--late-fraction', String(MAX_LATE_FRACTION)], { lateFraction: MAX_LATE_FRACTION }],
  ])('reads simulated time from %j, late changes by default only with a span', (argv, expected) => {
    expect(parse(argv)).toMatchObject(expected);
  });

  test.each([
    [['--orders=-5'], '--orders must be a positive integer, received "-5"'],
    [['--orders', '-5'], '--orders must be a positive integer, received "-5"'],
    [['--orders', '1.5'], '--orders must be a positive integer, received "1.5"'],
    [['--orders', String(MAX_ORDERS + 1)], `--orders must be at most ${MAX_ORDERS}, received "${MAX_ORDERS + 1}"`],
    [['--existing', '-1'], `--existing must be an integer between 0 and ${MAX_EXISTING}, received "-1"`],
    [['--existing', '2.5'], `--existing must be an integer between 0 and ${MAX_EXISTING}, received "2.5"`],
    [['--duplicates', '2'], '--duplicates must be a number between 0 and 1, received "2"'],
    [['--duplicates', ''], '--duplicates must be a number between 0 and 1, received ""'],
    [['--inject-failures', '1.5'], '--inject-failures must be a number between 0 and 1, received "1.5"'],
    [
      ['--endpoint', 'localhost:8000'],
      '--endpoint must be an http(s) URL such as http://127.0.0.1:8000, received "localhost:8000"',
    ],
    [['--seed', ' '], '--seed must not be empty'],
    [['--span', '3 days'], '--span must be a duration such as 90m, 36h or 7d (unit s, m, h or d), received "3 days"'],
    [['--start', 'now'], '--start must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z, received "now"'],
    [['--late-fraction', '0.6'], `--late-fraction must be a number between 0 and ${MAX_LATE_FRACTION}, received "0.6"`],
    [
      ['--existing', '10', '--span', '1d'],
      '--existing cannot be combined with --start or --span: its backfill fences on the real clock',
    ],
    [['--fast'], 'unknown flag --fast'],
    [['extra'], 'unexpected argument "extra"'],
    [['--out'], '--out needs a value <dir>'],
  ])('rejects %j with the shared wording', (argv, message) => {
    expect(() => parse(argv)).toThrow(new UsageError(message));
  });

  test('-h and --help ask for help', () => {
    expect(parseFlags(LOCAL_FLAGS, ['-h']).values.help).toBe(true);
    expect(parseFlags(LOCAL_FLAGS, ['--help', '--orders', 'x']).values.help).toBe(true);
  });
});
