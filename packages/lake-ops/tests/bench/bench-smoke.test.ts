/**
 * The bench cannot rot unseen: `npm run bench -w @sales/lake-ops`, exactly as a developer runs it but at
 * `BENCH_SIZE=smoke`, exits 0 and prints each of its figures as a finite number. The figures are never held to a
 * threshold here: speed belongs in the bench, whose figures are ratios against baselines measured in the same run.
 */
import { runSmokeBench, type SmokeBench } from '@sales/testing';

let run: SmokeBench;

beforeAll(async () => {
  run = await runSmokeBench('@sales/lake-ops');
}, 120_000);

/** The figure each line matching `line` captures, in output order. */
const figures = (line: RegExp): number[] =>
  run.stdout
    .split('\n')
    .map((text) => line.exec(text)?.[1])
    .filter((figure) => figure !== undefined)
    .map(Number);

test('exits 0', () => {
  // stderr rides along, so a failure shows the bench's own error.
  expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
});

test.each([
  ['scan backfill vs plain Scan', /^scan, \d+ items, .* ratio (\S+)x /],
  ['export backfill vs gunzip + JSON.parse', /^export, \d+ items, .* ratio (\S+)x /],
  ['export write phase vs gunzip + JSON.parse', /^ {2}of which verification .* ratio (\S+)x$/],
  ['reconcile vs plain Scan', /^reconcile, \d+ items \(\d+ drift\), in this process: .* ratio (\S+)x /],
  ['export table side vs Scan table side', /^reconcile, \d+ items, no drift, in-process: .* export\/Scan (\S+)x$/],
  ['orders_current vs change-log window, time', /^current state, \d+ change rows .* time ratio (\S+)x, /],
  ['orders_current vs change-log window, bytes', /^current state, \d+ change rows .* bytes ratio (\S+)x /],
  ['incremental merge vs COPY of its window', /^merge of a 5-minute window, \d+ rows .* ratio (\S+)x /],
  ['reconcile peak RSS growth', /^reconcile peak RSS growth, \d+ -> \d+ items: (\S+)x /],
])('prints the ratio of %s once, as a finite number', (_name, line) => {
  const found = figures(line);
  expect(found).toHaveLength(1);
  expect(found.every(Number.isFinite)).toBe(true);
});

test.each([
  ['export backfill peak RSS (export-run child)', /^export backfill peak RSS at \d+ items: (\S+) MiB /, 3],
  [
    'reconcile peak RSS (reconcile-run child)',
    /^reconcile, \d+ items \(\d+ drift\), own process: peak RSS (\S+) MiB/,
    3,
  ],
  [
    'DuckDB comparison time (comparison-scale child)',
    /^reconcile's DuckDB comparison alone .* completed in (\S+) s /,
    1,
  ],
])('prints the %s figures, each finite', (_name, line, count) => {
  const found = figures(line);
  expect(found).toHaveLength(count);
  expect(found.every(Number.isFinite)).toBe(true);
});
