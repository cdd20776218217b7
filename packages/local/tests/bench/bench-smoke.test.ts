/**
 * The bench cannot rot unseen: `npm run bench -w @sales/local`, exactly as a developer runs it but at
 * `BENCH_SIZE=smoke`, exits 0 and prints each of its figures as a finite number. The figures are never held to a
 * threshold here: speed belongs in the bench, whose figures are ratios against baselines measured in the same run.
 */
import { runSmokeBench, type SmokeBench } from '@sales/testing';

let run: SmokeBench;

beforeAll(async () => {
  run = await runSmokeBench('@sales/local');
}, 120_000);

test('exits 0', () => {
  // stderr rides along, so a failure shows the bench's own error.
  expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
});

test.each(['generator alone', 'generator + capture', 'whole pipeline'])(
  'prints the ratio of %s to the generator alone as a finite number',
  (name) => {
    const label = name.replace(/[+]/g, '\\+');
    const figure = new RegExp(`^ {2}${label} +\\d+ \\S+ +(\\S+)x$`, 'm').exec(run.stdout)?.[1];
    expect(figure).toBeDefined();
    expect(Number.isFinite(Number(figure))).toBe(true);
  },
);

test('prints the whole pipeline time of each stage', () => {
  const stages = run.stdout.split('whole pipeline, per stage (median ms, share):\n')[1] ?? '';
  const shares = [...stages.matchAll(/^ {4}\S+ +(\S+) ms +(\S+)%$/gm)];
  expect(shares.length).toBeGreaterThan(0);
  for (const [, ms, share] of shares) expect([ms, share].map(Number).every(Number.isFinite)).toBe(true);
});
