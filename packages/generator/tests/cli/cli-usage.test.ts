/**
 * The built sales-generator without a server: usage errors, --help, and the dry run's determinism.
 */
import { FLAGS } from '../../src/cli/cli-flags';
import { runBin, runCommand, useBuiltCli } from '../support/cli-runner';
import { parseLines } from '../support/expected-state';

jest.setTimeout(30_000);

const cli = useBuiltCli();

/** Drops the clock-derived fields, which are the only ones allowed to differ between runs. */
const withoutTimestamps = (stdout: string): string =>
  stdout.replace(/"(created_at|updated_at)":"[^"]*"/g, '"$1":"*"').replace(/"expires_at":\d+/g, '"expires_at":"*"');

describe('usage errors exit 2 with one line naming the flag', () => {
  test.each([
    [['--rate', '-5', '--dry-run'], /--rate must be a positive number, received "-5"/],
    [['--rate', 'fast', '--dry-run'], /--rate must be a positive number, received "fast"/],
    [['--count', '1.5', '--dry-run'], /--count must be a positive integer, received "1.5"/],
    [['--concurrency', '0', '--table', 'orders'], /--concurrency must be a positive integer, received "0"/],
    [['--batch-size', '26', '--table', 'orders'], /--batch-size must be at most 25, received "26"/],
    [['--ratios', 'put=1,upsert=2', '--dry-run'], /--ratios must look like put=6,update=3,delete=1/],
    [['--count', '5', '--duration', '5', '--dry-run'], /--count and --duration cannot be combined/],
    [
      ['--endpoint', 'localhost:8000', '--table', 'orders'],
      /--endpoint must be an http\(s\) URL such as http:\/\/127.0.0.1:8000, received "localhost:8000"/,
    ],
    [['--frobnicate'], /unknown flag --frobnicate/],
    [['--rate'], /--rate needs a value <n>/],
    [['--count', '-1', '--dry-run'], /--count must be a positive integer, received "-1"/],
    [['extra-positional', '--dry-run'], /unexpected argument "extra-positional"/],
    [['--count', '10'], /--table is required \(or use --dry-run\)/],
    [['--dry-run', '--json'], /--json and --dry-run both write to stdout/],
    [['--dry-run', '--span', '400d'], /--span must be from 1s to 366d, received "400d"/],
    [['--dry-run', '--start', '2026-11-01'], /--start must be an ISO-8601 UTC instant .*, received "2026-11-01"/],
  ])('%j', async (args, message) => {
    const run = await runBin(cli.bin, args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^sales-generator: .* \(see --help\)\n$/);
  });
});

describe('--help', () => {
  it.each([['--help'], ['-h']])('%s documents every flag on stdout and exits 0', async (flag) => {
    const run = await runBin(cli.bin, [flag]);
    expect(run.code).toBe(0);
    for (const name of Object.keys(FLAGS)) expect(run.stdout).toContain(`--${name}`);
    expect(run.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}130 {2}interrupted .*\n {2}143 {2}terminated/s);
    expect(run.stderr).toBe('');
  });
});

describe('--version', () => {
  it('prints the package version on stdout and exits 0', async () => {
    const run = await runBin(cli.bin, ['--version']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`sales-generator ${(require('../../package.json') as { version: string }).version}\n`);
  });
});

describe('--dry-run', () => {
  it('prints the same operations for the same seed, only timestamps differing', async () => {
    const first = await runBin(cli.bin, ['--dry-run', '--seed', 'repeat', '--count', '300', '--ttl-days', '7']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await runBin(cli.bin, ['--dry-run', '--seed', 'repeat', '--count', '300', '--ttl-days', '7']);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(withoutTimestamps(second.stdout)).toBe(withoutTimestamps(first.stdout));
    expect(first.stderr).toMatch(/^dry run: 300 operations \(\d+ puts, \d+ updates, \d+ deletes\), seed repeat\n$/);
  });

  it('prints one JSON object per operation with op and order_id, all three kinds by default', async () => {
    const lines = parseLines((await runBin(cli.bin, ['--dry-run', '--seed', 'shape', '--count', '200'])).stdout);
    expect(lines).toHaveLength(200);
    expect(lines.map((line) => line.seq)).toEqual([...Array(200).keys()]);
    expect(new Set(lines.map((line) => line.op))).toEqual(new Set(['put', 'update', 'delete']));
    for (const line of lines) {
      expect(line.order_id).toMatch(/^ord-[0-9a-f]{12}-\d{7}$/);
      if (line.op === 'put')
        expect(line).toMatchObject({ status: 'placed', item: { order_id: line.order_id, status: 'placed' } });
      if (line.op === 'update') expect(line.status).toBe(line.to);
    }
  });

  it('gives different seeds disjoint order ids', async () => {
    const ids = async (seed: string): Promise<Set<string>> =>
      new Set(
        parseLines((await runBin(cli.bin, ['--dry-run', '--seed', seed, '--count', '100'])).stdout).map(
          (line) => line.order_id,
        ),
      );
    const [a, b] = await Promise.all([ids('left'), ids('right')]);
    expect([...a].filter((id) => b.has(id))).toEqual([]);
  });

  it('spreads created_at and updated_at over --span from --start, whatever the rate', async () => {
    const run = await runBin(cli.bin, [
      ...['--dry-run', '--seed', 'span', '--count', '300', '--rate', '1000'],
      ...['--start', '2026-11-01T00:00:00Z', '--span', '36h'],
    ]);
    expect(run.code).toBe(0);
    const stamped = parseLines(run.stdout).flatMap((line) =>
      line.op === 'put' ? [String(line.item?.['created_at'])] : line.op === 'update' ? [String(line.updated_at)] : [],
    );
    expect(stamped[0]).toBe('2026-11-01T00:00:00.000Z');
    expect(stamped.every((time) => time >= '2026-11-01T00:00:00.000Z' && time < '2026-11-02T12:00:00.000Z')).toBe(true);
    expect(stamped.at(-1)! > '2026-11-02T11:00:00.000Z').toBe(true);
  });

  it('plans count = floor(duration * rate) with --duration', async () => {
    const run = await runBin(cli.bin, ['--dry-run', '--seed', 'd', '--rate', '12.5', '--duration', '4', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(parseLines(run.stdout)).toHaveLength(50);
  });

  it('ends quietly with exit 0 when the reader closes the pipe (| head -1)', async () => {
    // bash reports the generator's own status from PIPESTATUS, not head's.
    const run = await runCommand('bash', [
      '-c',
      `"${process.execPath}" "$0" --dry-run --seed pipe --count 1000000 | head -1; exit "\${PIPESTATUS[0]}"`,
      cli.bin,
    ]);
    expect(run.code).toBe(0);
    expect(parseLines(run.stdout)).toHaveLength(1);
    expect(run.stderr).toBe('');
  });
});
