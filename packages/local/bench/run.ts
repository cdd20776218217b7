/**
 * `npm run bench -w @sales/local`: where the local pipeline's time goes.
 *
 * Runs, in one process and one after the other: the generator alone against dynalite (the
 * baseline), the generator with change capture on its client, and the whole pipeline; prints
 * changes per second and the ratios to the baseline, plus the pipeline's per-stage timings.
 * BENCH_ORDERS and BENCH_ROUNDS set the size; BENCH_SIZE=smoke makes their defaults tiny (a test runs it so).
 */
import { handler } from '@sales/transform';
import { applyPlan, createOrdersTable } from '@sales/generator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@sales/pipeline-spec';
import { generateAndCapture, LOCAL_WRITE_RATE } from '../src/run/capture-stage';
import { openDatabase } from '../src/dynamodb/database';
import { toLocalSettings } from '../src/run/pipeline-settings';
import { runLocalPipeline } from '../src/run/pipeline';
import { planForOrders } from '../src/run/plan-orders';
import { sized } from '@sales/testing';

const ORDERS = Number(process.env['BENCH_ORDERS'] ?? sized(1000, 20));
const config = loadConfig('dev', {});

async function generatorAlone(seed: string): Promise<{ changes: number; ms: number }> {
  const settings = toLocalSettings(config, 'bench');
  const database = await openDatabase(settings.region);
  try {
    await createOrdersTable(database.reader, settings.tableName);
    const plan = planForOrders(seed, ORDERS, Date.now(), LOCAL_WRITE_RATE);
    const started = performance.now();
    const run = await applyPlan(database.writer, plan, { tableName: settings.tableName, rate: LOCAL_WRITE_RATE });
    return { changes: run.succeeded, ms: performance.now() - started };
  } finally {
    await database.close();
  }
}

async function generatorWithCapture(seed: string): Promise<{ changes: number; ms: number }> {
  const settings = toLocalSettings(config, 'bench');
  const database = await openDatabase(settings.region);
  try {
    await createOrdersTable(database.reader, settings.tableName);
    const started = performance.now();
    const result = await generateAndCapture(database, settings, {
      seed,
      orders: ORDERS,
      signal: new AbortController().signal,
      clock: Date.now,
    });
    return { changes: result.changes, ms: performance.now() - started };
  } finally {
    await database.close();
  }
}

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? sized(3, 1));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perSecond = (r: { changes: number; ms: number }) => (r.changes / r.ms) * 1000;

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'sales-local-bench-'));
  const rates = { baseline: [] as number[], capture: [] as number[], whole: [] as number[] };
  const stages: Record<string, number[]> = {};
  let changes = 0;
  try {
    // Interleaved rounds, medians reported: other work on the machine hits every variant alike.
    for (let round = 0; round < ROUNDS; round++) {
      const seed = `bench-${round}`;
      rates.baseline.push(perSecond(await generatorAlone(seed)));
      rates.capture.push(perSecond(await generatorWithCapture(seed)));
      const whole = await runLocalPipeline(
        { orders: ORDERS, existing: 0, duplicates: 0.05, injectFailures: 0, out, seed, quiet: true },
        { handler, config },
      );
      if (whole.kind !== 'completed') throw new Error(`the local run stopped: ${whole.summary.problems.join('; ')}`);
      rates.whole.push(whole.summary.changes_per_second);
      changes = whole.summary.changes_captured;
      for (const [stage, ms] of Object.entries(whole.summary.stage_ms)) {
        stages[stage] ??= [];
        stages[stage].push(ms);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const base = median(rates.baseline);
  const line = (label: string, rate: number, unit: string) =>
    console.log(`  ${label.padEnd(21)} ${rate.toFixed(0).padStart(6)} ${unit.padEnd(9)} ${(rate / base).toFixed(2)}x`);
  console.log(`local pipeline bench: ${ORDERS} orders (~${changes} changes), median of ${ROUNDS} interleaved rounds`);
  line('generator alone', base, 'writes/s');
  line('generator + capture', median(rates.capture), 'changes/s');
  line('whole pipeline', median(rates.whole), 'changes/s');
  const medians = Object.entries(stages).map(([stage, values]) => [stage, median(values)] as const);
  const total = medians.reduce((sum, [, ms]) => sum + ms, 0);
  console.log('  whole pipeline, per stage (median ms, share):');
  for (const [stage, ms] of medians)
    console.log(
      `    ${stage.padEnd(22)} ${String(ms).padStart(6)} ms  ${((ms / total) * 100).toFixed(0).padStart(3)}%`,
    );
}

void main();
