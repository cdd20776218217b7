/**
 * `npm run bench -w @sales/local`: where the local pipeline's time and memory go.
 *
 * Runs, in one process and one after the other: a plain PutItem loop against dynalite (its own write rate), the
 * generator alone (the baseline), the generator with change capture on its client, and the whole pipeline; prints
 * changes per second and the ratios to the baseline, plus the pipeline's per-stage timings. Then the memory runs:
 * the whole pipeline once per size, each in a process of its own (`memory-run.ts`), with its peak RSS.
 * BENCH_ORDERS and BENCH_ROUNDS set the size, BENCH_MEMORY_ORDERS the sizes of the memory runs (comma-separated
 * orders); BENCH_SIZE=smoke makes their defaults tiny (a test runs it so).
 */
import { handler } from '@sales/transform';
import { applyPlan, createOrdersTable, toItem } from '@sales/generator';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@sales/pipeline-spec';
import { generateAndCapture, LOCAL_WRITE_RATE } from '../src/run/capture-stage';
import { openDatabase } from '../src/dynamodb/database';
import { toLocalSettings } from '../src/run/pipeline-settings';
import { runLocalPipeline } from '../src/run/pipeline';
import { planForOrders } from '../src/run/plan-orders';
import { sized } from '@sales/testing';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { MemoryRun } from './memory-run';

const ORDERS = Number(process.env['BENCH_ORDERS'] ?? sized(1000, 20));
const config = loadConfig('dev', {});

/** The embedded dynalite as a run starts it: its table in a LevelDB folder. */
async function openBenchDatabase(region: string) {
  const dir = mkdtempSync(join(tmpdir(), 'sales-local-bench-db-'));
  const database = await openDatabase(region, undefined, dir);
  return {
    ...database,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writers in flight in the plain loop, as many as the generator keeps. */
const PUT_CONCURRENCY = 16;

/** dynalite's own write rate: the plan's orders written with PutItem, nothing else. */
async function putItemLoop(seed: string): Promise<{ changes: number; ms: number }> {
  const settings = toLocalSettings(config, 'bench');
  const database = await openBenchDatabase(settings.region);
  try {
    await createOrdersTable(database.reader, settings.tableName);
    const plan = planForOrders(seed, ORDERS, Date.now(), LOCAL_WRITE_RATE);
    const items = [...plan.operations].flatMap((operation) => (operation.op === 'put' ? [operation.order] : []));
    const started = performance.now();
    let next = 0;
    const writer = async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await database.writer.send(new PutItemCommand({ TableName: settings.tableName, Item: toItem(item) }));
      }
    };
    await Promise.all(Array.from({ length: PUT_CONCURRENCY }, writer));
    return { changes: items.length, ms: performance.now() - started };
  } finally {
    await database.close();
  }
}

async function generatorAlone(seed: string): Promise<{ changes: number; ms: number }> {
  const settings = toLocalSettings(config, 'bench');
  const database = await openBenchDatabase(settings.region);
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
  const database = await openBenchDatabase(settings.region);
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
  const rates = { puts: [] as number[], baseline: [] as number[], capture: [] as number[], whole: [] as number[] };
  const stages: Record<string, number[]> = {};
  let changes = 0;
  try {
    // Interleaved rounds, medians reported: other work on the machine hits every variant alike.
    for (let round = 0; round < ROUNDS; round++) {
      const seed = `bench-${round}`;
      rates.puts.push(perSecond(await putItemLoop(seed)));
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
  line('dynalite PutItem loop', median(rates.puts), 'writes/s');
  line('generator alone', base, 'writes/s');
  line('generator + capture', median(rates.capture), 'changes/s');
  line('whole pipeline', median(rates.whole), 'changes/s');
  console.log(
    `  whole pipeline / dynalite write rate: ${(median(rates.whole) / median(rates.puts)).toFixed(2)}x (changes/s over PutItem/s)`,
  );
  const medians = Object.entries(stages).map(([stage, values]) => [stage, median(values)] as const);
  const total = medians.reduce((sum, [, ms]) => sum + ms, 0);
  console.log('  whole pipeline, per stage (median ms, share):');
  for (const [stage, ms] of medians)
    console.log(
      `    ${stage.padEnd(22)} ${String(ms).padStart(6)} ms  ${((ms / total) * 100).toFixed(0).padStart(3)}%`,
    );
  memoryRuns();
}

/** Orders of each memory run: about 20 k, 100 k and 300 k changes (a run makes about 1.65 changes per order). */
const MEMORY_ORDERS = (process.env['BENCH_MEMORY_ORDERS'] ?? sized('12100,60500,181500', '20')).split(',').map(Number);

/**
 * The Node flags `npm run local` runs with (the root `package.json`'s `local` script, e.g. a heap limit), so a memory
 * run measures what users run.
 */
function localNodeFlags(): string[] {
  // The repository's own package.json (not a package's): where the `npm run local` script is written.
  const rootManifest = readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8');
  const scripts = (JSON.parse(rootManifest) as { scripts: Record<string, string> }).scripts;
  const words = (scripts['local'] ?? '').split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('--import'));
}

/**
 * The whole pipeline once per size, each run in a process of its own with `npm run local`'s Node flags, so each peak
 * RSS is that run's alone.
 */
function memoryRuns(): void {
  console.log('  memory, one process per run (orders, changes, wall, changes/s, peak RSS, RSS vs the first):');
  let first: number | undefined;
  for (const orders of MEMORY_ORDERS) {
    const stdout = execFileSync(
      process.execPath,
      [...localNodeFlags(), '--import', 'tsx', join(__dirname, 'memory-run.ts'), String(orders)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1024 * 1024,
      },
    );
    const run = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as MemoryRun;
    if (run.status !== 'ok') throw new Error(`the memory run at ${orders} orders ended ${run.status}`);
    first ??= run.peak_rss_mib;
    console.log(
      `    ${String(run.orders).padStart(8)} orders ${String(run.changes).padStart(8)} changes ` +
        `${(run.wall_ms / 1000).toFixed(1).padStart(8)} s ${String(run.changes_per_second).padStart(6)}/s ` +
        `${String(run.peak_rss_mib).padStart(6)} MiB ${(run.peak_rss_mib / first).toFixed(2)}x`,
    );
  }
}

void main();
