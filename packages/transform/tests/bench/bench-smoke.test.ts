/**
 * The bench cannot rot unseen: `npm run bench -w @sales/transform`, exactly as a developer runs it but at
 * `BENCH_SIZE=smoke`, exits 0 and prints each of its figures as a finite number. The figures are never held to a
 * threshold here: speed belongs in the bench, whose figures are ratios against baselines measured in the same run.
 */
import { runSmokeBench, type SmokeBench } from '@sales/testing';

let run: SmokeBench;

beforeAll(async () => {
  run = await runSmokeBench('@sales/transform');
}, 120_000);

test('exits 0', () => {
  // stderr rides along, so a failure shows the bench's own error.
  expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
});

test.each([
  ['with schema vs without', /^ {2}with schema vs without \(throughput\) +(\S+)x /m],
  ['public row-line path vs handler', /^ {2}public row-line path vs transformFirehoseEvent +(\S+)x /m],
  ['public toRow + serializeRow vs handler', /^ {2}public toRow \+ serializeRow vs the handler +(\S+)x /m],
  ['speed-up vs unmarshall reference', /^ {2}speed-up vs unmarshall reference +(\S+)x /m],
  ['with the sales schema vs unmarshall', /^ {2}with the sales schema vs unmarshall +(\S+)x /m],
  ['speed vs round-trip floor', /^ {2}speed vs round-trip floor +(\S+)x /m],
  ['module load vs empty module (load child)', /^ {2}module load \(fresh process, median\) .* = (\S+)x$/m],
  ['peak RSS of one batch (memory child)', /^ {2}peak RSS with one \S+ MiB batch +(\S+) MiB /m],
])('prints %s as a finite number', (_name, line) => {
  const figure = line.exec(run.stdout)?.[1];
  expect(figure).toBeDefined();
  expect(Number.isFinite(Number(figure))).toBe(true);
});
