import { resolve } from 'node:path';
import { OPTION_DEFAULTS, parseLocalArgs } from '../../src/run/options';

const ROOT = '/repo';

describe('parseLocalArgs', () => {
  test('applies the documented defaults', () => {
    expect(parseLocalArgs([], ROOT, '/home/me')).toEqual({
      kind: 'run',
      options: { orders: OPTION_DEFAULTS.orders, duplicates: OPTION_DEFAULTS.duplicates, out: resolve(ROOT, '.local'), seed: 'local', quiet: false },
    });
  });

  test('reads every flag, a relative --out from the user\'s directory', () => {
    const parsed = parseLocalArgs(['--orders', '12', '--duplicates', '0', '--out', 'lake', '--endpoint', 'http://127.0.0.1:8000', '--seed', 's', '--quiet'], ROOT, '/home/me');
    expect(parsed).toEqual({
      kind: 'run',
      options: { orders: 12, duplicates: 0, out: '/home/me/lake', endpoint: 'http://127.0.0.1:8000', seed: 's', quiet: true },
    });
  });

  test.each([
    [['--orders=-5'], 'sales-local: --orders must be an integer from 1 to 100000, received "-5" (see --help)'],
    [['--orders', '-5'], expect.stringMatching(/^sales-local: Option '--orders' argument is ambiguous\..* use '--orders=-XYZ'\. \(see --help\)$/)],
    [['--orders', '1.5'], 'sales-local: --orders must be an integer from 1 to 100000, received "1.5" (see --help)'],
    [['--duplicates', '2'], 'sales-local: --duplicates must be a fraction from 0 to 1, received "2" (see --help)'],
    [['--duplicates', ''], 'sales-local: --duplicates must be a fraction from 0 to 1, received "" (see --help)'],
    [['--endpoint', 'localhost:8000'], 'sales-local: --endpoint must be an http(s) URL, received "localhost:8000" (see --help)'],
    [['--seed', ' '], 'sales-local: --seed must not be empty (see --help)'],
    [['--fast'], "sales-local: Unknown option '--fast' (see --help)"],
    [['extra'], expect.stringMatching(/^sales-local: Unexpected argument 'extra'.* \(see --help\)$/)],
  ])('rejects %j with one line naming the flag', (argv, message) => {
    const parsed = parseLocalArgs(argv, ROOT, ROOT);
    expect(parsed).toEqual({ kind: 'error', message });
    expect((parsed as { message: string }).message).not.toContain('\n');
  });

  test('asks for help', () => {
    expect(parseLocalArgs(['--help', '--orders', 'x'], ROOT, ROOT)).toEqual({ kind: 'help' });
  });
});
