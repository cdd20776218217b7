/**
 * The bench cannot rot unseen: `npm run bench -w @sales/generator`, exactly as a developer runs it but at
 * `BENCH_SIZE=smoke`, exits 0 and prints each of its figures as a finite number. The figures are never held to a
 * threshold here: speed belongs in the bench, whose figures are ratios against baselines measured in the same run.
 */
import { runSmokeBench, type SmokeBench } from '@sales/testing';

let run: SmokeBench;

beforeAll(async () => {
  run = await runSmokeBench('@sales/generator');
}, 120_000);

test('exits 0', () => {
  // stderr rides along, so a failure shows the bench's own error.
  expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
});

test.each([20, 100, 500, 1000])('prints the pacing deviation at %i ops/s as a finite number', (rate) => {
  const figure = new RegExp(`^ {2}requested +${rate} ops/s .* deviation +(\\S+) %`, 'm').exec(run.stdout)?.[1];
  expect(figure).toBeDefined();
  expect(Number.isFinite(Number(figure))).toBe(true);
});

test.each([
  ['default mix (put=6,update=3,delete=1)', 4],
  ['default mix (put=6,update=3,delete=1)', 16],
  ['puts only', 4],
  ['puts only', 16],
])('prints the batched/baseline ratio for %s at concurrency %i as a finite number', (mix, concurrency) => {
  const section = run.stdout.split('throughput at unlimited rate, ').find((part) => part.startsWith(`${mix}\n`));
  const figure = new RegExp(`^ {2}batched +batch 25, concurrency ${concurrency} *:.* ratio (\\S+)x$`, 'm').exec(
    section ?? '',
  )?.[1];
  expect(figure).toBeDefined();
  expect(Number.isFinite(Number(figure))).toBe(true);
});
