import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTemporaryFolder } from '@sales/testing';
import { rowsPerEventId } from '@sales/testing';
import { readEvent, writeErrorObject } from '../support/error-objects';

const BIN = join(__dirname, '..', '..', 'bin', 'sales-lake.cjs');

/** Runs the real bin, as an operator would. */
function replay(args: readonly string[]) {
  const result = spawnSync(process.execPath, [BIN, 'replay', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SALES = readEvent('firehose-event-pipe-sales.json').records.map((record) => ({
  data: record.data,
  approximateArrivalTimestamp: record.approximateArrivalTimestamp as number,
}));

describe('sales-lake replay', () => {
  const root = useTemporaryFolder('replay-cli-');

  test('replays every record, exit 0; the second run replays nothing new', () => {
    writeErrorObject(root.path, SALES, 'c0000000-0000-4000-8000-000000000001');

    const first = replay(['--lake', root.path, '--json']);
    const second = replay(['--lake', root.path, '--json']);

    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      objects: 1,
      records: 4,
      replayed: 4,
      still_failing: 0,
      dry_run: false,
    });
    expect(first.stderr).toMatch(
      /^replay: 1 error objects in .*: 4 records, 4 replayed, 0 dropped, 0 still failing; wrote \d+ objects\n$/,
    );
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ already_replayed: 1, processed: 0, written: [] });
    expect(Object.values(rowsPerEventId(root.path))).toEqual([1, 1, 1, 1]);
  });

  test('records that still fail give exit 1 and say where they are', () => {
    writeErrorObject(
      root.path,
      [SALES[0]!, { data: '%%%', approximateArrivalTimestamp: SALES[0]!.approximateArrivalTimestamp }],
      'c0000000-0000-4000-8000-000000000002',
    );

    const { code, stdout, stderr } = replay(['--lake', root.path, '--json']);

    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      replayed: 1,
      still_failing: 1,
      still_failing_by_reason: { 'bad-base64': 1 },
    });
    expect(stderr).toMatch(/1 still failing \(bad-base64 1\)/);
    expect(stderr).toMatch(/errors\/replay-failed\//);
  });

  test('--dry-run writes nothing and prints no JSON without --json', () => {
    writeErrorObject(root.path, SALES, 'c0000000-0000-4000-8000-000000000003');

    const { code, stdout, stderr } = replay(['--lake', root.path, '--dry-run']);

    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/4 replayed.*would write \d+ objects/);
    expect(rowsPerEventId(root.path)).toEqual({});
  });

  test('a --lake that does not exist is refused, exit 2 naming --lake; nothing is created', () => {
    const typo = join(root.path, 'nope-lake');

    const { code, stdout, stderr } = replay(['--lake', typo]);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^sales-lake: --lake ".*nope-lake" does not exist/);
    expect(existsSync(typo)).toBe(false);
  });

  test("a folder that is not the pipeline's lake is refused, exit 2, and left as it was", () => {
    writeFileSync(join(root.path, 'notes.txt'), 'mine');

    const { code, stderr } = replay(['--lake', root.path]);

    expect(code).toBe(2);
    expect(stderr).toMatch(
      /--lake ".*" is not the pipeline's lake: it holds notes\.txt but nothing under sales\/ or errors\//,
    );
    expect(readdirSync(root.path)).toEqual(['notes.txt']);
  });

  test.each([
    [[], /^sales-lake: --lake or --dlq is needed/],
    [['--lake'], /^sales-lake: --lake needs a value/],
    [['--lake', tmpdir(), '--bogus'], /^sales-lake: unknown flag --bogus/],
  ])('%j is a usage error, exit 2', (args, message) => {
    const { code, stdout, stderr } = replay(args);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
