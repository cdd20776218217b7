/**
 * validateOptions: defaults, ranges and combinations, without spawning anything.
 */
import { parseCliArgs, validateOptions, type OptionsResult } from '../../src/cli/validate-options';

const validate = (argv: string[]): OptionsResult => {
  const parsed = parseCliArgs(argv);
  return parsed.ok ? validateOptions(parsed.flags) : { kind: 'error', message: parsed.message };
};

describe('validateOptions', () => {
  it('applies the documented defaults', () => {
    expect(validate(['--table', 'orders'])).toEqual({
      kind: 'options',
      options: {
        table: 'orders',
        createTable: false,
        rate: 10,
        count: 100,
        concurrency: 4,
        batchSize: 25,
        ratios: { put: 6, update: 3, delete: 1 },
        giveUpAfterSeconds: 30,
        dryRun: false,
        quiet: false,
        json: false,
      },
    });
  });

  test.each([
    [['--dry-run', '--rate', '2.5', '--duration', '10'], { rate: 2.5, count: 25 }],
    [['--dry-run', '--count', '7'], { count: 7 }],
    [['--dry-run', '--ratios', 'put=1,delete=1'], { ratios: { put: 1, update: 0, delete: 1 } }],
    [['--dry-run', '--ratios', 'update=2, put=5'], { ratios: { put: 5, update: 2, delete: 0 } }],
    [['--dry-run', '--seed', '42', '--ttl-days', '30'], { seed: '42', ttlDays: 30 }],
    [
      ['--table', 'orders', '--endpoint', 'http://127.0.0.1:4567', '--region', 'eu-west-1', '--create-table'],
      { endpoint: 'http://127.0.0.1:4567', region: 'eu-west-1', createTable: true },
    ],
    [
      ['--dry-run', '--start', '2026-11-01T00:00:00Z', '--span', '7d'],
      { startMs: Date.UTC(2026, 10, 1), spanMs: 7 * 86_400_000 },
    ],
    [['--dry-run', '--span', '90m'], { spanMs: 90 * 60_000 }],
    [
      ['--table', 'orders', '--concurrency', '256', '--batch-size', '1', '--json', '--quiet'],
      { concurrency: 256, batchSize: 1, json: true, quiet: true },
    ],
  ])('accepts %j', (argv, expected) => {
    const result = validate(argv);
    expect(result.kind).toBe('options');
    if (result.kind === 'options') expect(result.options).toMatchObject(expected);
  });

  test.each([
    [['--dry-run', '--rate', '0'], '--rate must be a positive number, received "0"'],
    [['--dry-run', '--rate', '-5'], '--rate must be a positive number, received "-5"'],
    [['--dry-run', '--rate', '100001'], '--rate must be at most 100000, received "100001"'],
    [['--dry-run', '--rate', ''], '--rate must be a positive number, received ""'],
    [['--dry-run', '--count', '0'], '--count must be a positive integer, received "0"'],
    [['--dry-run', '--count', '1e3x'], '--count must be a positive integer, received "1e3x"'],
    [['--dry-run', '--duration', '-1'], '--duration must be a positive number, received "-1"'],
    [
      ['--dry-run', '--duration', '0.01', '--rate', '10'],
      '--duration 0.01 at --rate 10 plans no operation; run longer',
    ],
    [['--dry-run', '--count', '3', '--duration', '3'], '--count and --duration cannot be combined; give one'],
    [['--dry-run', '--concurrency', '257'], '--concurrency must be at most 256, received "257"'],
    [['--dry-run', '--batch-size', '0'], '--batch-size must be a positive integer, received "0"'],
    [
      ['--dry-run', '--ratios', 'put=0,update=1'],
      '--ratios needs put > 0 (updates and deletes act on created orders), received "put=0,update=1"',
    ],
    [['--dry-run', '--ratios', 'put=-1'], '--ratios must look like put=6,update=3,delete=1, received "put=-1"'],
    [['--dry-run', '--ttl-days', '1.5'], '--ttl-days must be a positive integer, received "1.5"'],
    [['--dry-run', '--seed', ''], '--seed must not be empty'],
    [
      ['--dry-run', '--span', '7 days'],
      '--span must be a duration such as 90m, 36h or 7d (unit s, m, h or d), received "7 days"',
    ],
    [
      ['--dry-run', '--start', 'yesterday'],
      '--start must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z, received "yesterday"',
    ],
    [['--dry-run', '--give-up-after', '0'], '--give-up-after must be a positive number, received "0"'],
    [['--table', 'a b'], '--table must be 3-255 characters of letters, digits, "_", "-" or ".", received "a b"'],
    [
      ['--table', 'orders', '--endpoint', 'ftp://x'],
      '--endpoint must be an http(s) URL such as http://127.0.0.1:8000, received "ftp://x"',
    ],
    [['--table', 'orders', '--region', 'EU WEST'], '--region must look like eu-west-1, received "EU WEST"'],
    [['--rate', '5'], '--table is required (or use --dry-run)'],
    [['--dry-run', '--json'], '--json and --dry-run both write to stdout; give one'],
    [['--nope'], 'unknown flag --nope'],
    [['--quiet=yes'], '--quiet takes no value, received "yes"'],
    [['--table', '--dry-run'], '--table needs a value <name>, received the flag "--dry-run"'],
  ])('rejects %j', (argv, message) => {
    expect(validate(argv)).toEqual({ kind: 'error', message });
  });

  it('answers a help request before looking at other flags', () => {
    expect(validate(['--help', '--rate', '-5'])).toEqual({ kind: 'help' });
    expect(validate(['-h', '--rate', '-5'])).toEqual({ kind: 'help' });
  });

  it('answers a version request before looking at other flags', () => {
    expect(validate(['--version', '--rate', '-5'])).toEqual({ kind: 'version' });
  });
});
