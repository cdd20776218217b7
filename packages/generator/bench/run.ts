/**
 * `npm run bench -w @sales/generator`: pacing accuracy and maximum sustained throughput against dynalite.
 *
 * 1. Achieved vs requested rate at a few rates (the pacer's promise: within 2 %).
 * 2. Maximum sustained ops/s with batching + concurrency, against a baseline measured in the same run:
 *    unbatched, sequential writes (batch size 1, concurrency 1). Reported as a ratio.
 * Set BENCH_SIZE=smoke to run every measurement with a few hundred operations (a test runs it so).
 */
import { applyPlan, type ApplyOptions } from '../src/write/apply';
import { createClient } from '../src/table/client';
import { createOrdersTable } from '../src/table/create-table';
import { DEFAULT_RATIOS, planOperations } from '../src/plan/plan';
import type { OperationRatios } from '../src/plan/plan-types';
import type { RunSummary } from '../src/write/run-stats';
import { sized, startDynalite } from '@sales/testing';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const UNLIMITED = 100_000;
/** Each pacing run lasts this long at its rate, but has at least {@link PACING_MIN_OPS} operations. */
const PACING_SECONDS = sized(4, 0.25);
const PACING_MIN_OPS = sized(200, 10);
/** Operations of the unbatched, sequential baseline and of each batched run. */
const BASELINE_OPS = sized(3000, 100);
const BATCHED_OPS = sized(20_000, 500);

/** The default mix, and puts only (where batching applies to every operation). */
const MIXES: readonly [string, OperationRatios][] = [
  ['default mix (put=6,update=3,delete=1)', DEFAULT_RATIOS],
  ['puts only', { put: 1, update: 0, delete: 0 }],
];

interface MeasureOptions extends Omit<ApplyOptions, 'tableName'> {
  readonly ratios?: OperationRatios;
}

async function measure(endpoint: string, table: string, count: number, options: MeasureOptions): Promise<RunSummary> {
  const client = createClient({ endpoint });
  await createOrdersTable(client, table);
  const plan = planOperations(table, {
    count,
    startTimeMs: Date.now(),
    rate: options.rate,
    ...(options.ratios ? { ratios: options.ratios } : {}),
  });
  const summary = await applyPlan(client, plan, { ...options, tableName: table });
  client.destroy();
  if (summary.failed > 0)
    throw new Error(`${table}: ${summary.failed} writes failed: ${JSON.stringify(summary.failures)}`);
  return summary;
}

async function main(): Promise<void> {
  const server = await startDynalite();
  try {
    process.stdout.write(
      `pacing: achieved (completed ops / wall time) vs requested rate, default mix, concurrency 8, max(${PACING_SECONDS} s, ${PACING_MIN_OPS} ops) each\n`,
    );
    for (const rate of [20, 100, 500, 1000]) {
      const summary = await measure(
        server.endpoint,
        `pace-${rate}`,
        Math.max(Math.round(rate * PACING_SECONDS), PACING_MIN_OPS),
        { rate, concurrency: 8 },
      );
      const deviation = (summary.achievedRate / rate - 1) * 100;
      process.stdout.write(
        `  requested ${String(rate).padStart(5)} ops/s  achieved ${summary.achievedRate.toFixed(1).padStart(7)} ops/s  deviation ${deviation.toFixed(2).padStart(6)} %  ${Math.abs(deviation) <= 2 ? 'ok' : 'OUTSIDE 2 %'}\n`,
      );
    }
    for (const [label, ratios] of MIXES) {
      process.stdout.write(`throughput at unlimited rate, ${label}\n`);
      const baseline = await measure(server.endpoint, `max-baseline-${label.slice(0, 3)}`, BASELINE_OPS, {
        rate: UNLIMITED,
        concurrency: 1,
        batchSize: 1,
        ratios,
      });
      process.stdout.write(
        `  baseline  batch 1,  concurrency 1 : ${baseline.achievedRate.toFixed(0).padStart(6)} ops/s  (${baseline.requests} requests)\n`,
      );
      for (const concurrency of [4, 16]) {
        const batched = await measure(server.endpoint, `max-batched-${label.slice(0, 3)}-${concurrency}`, BATCHED_OPS, {
          rate: UNLIMITED,
          concurrency,
          batchSize: 25,
          ratios,
        });
        const ratio = batched.achievedRate / baseline.achievedRate;
        process.stdout.write(
          `  batched   batch 25, concurrency ${String(concurrency).padEnd(2)}: ${batched.achievedRate.toFixed(0).padStart(6)} ops/s  (${batched.requests} requests)  ratio ${ratio.toFixed(2)}x\n`,
        );
      }
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
