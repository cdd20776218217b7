/**
 * One measured run of the memory bench (`bench/run.ts` starts it in a process of its own): `npm run local` at
 * `--orders <n>` into a new folder, then one JSON line on stdout: orders, changes, wall time, peak RSS. With
 * BENCH_STAGES set, stderr also gets each stage's start, its time, and its memory profile ({@link StageMemoryProfile}).
 */
import { handler } from '@sales/transform';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@sales/pipeline-spec';
import { runLocalPipeline } from '../src/run/pipeline';
import { StageMemoryProfile } from './stage-memory-profile';

/** What one measured run prints. */
export interface MemoryRun {
  readonly orders: number;
  readonly changes: number;
  readonly wall_ms: number;
  readonly changes_per_second: number;
  /** Peak resident set of the whole process (dynalite and DuckDB run in it), MiB. */
  readonly peak_rss_mib: number;
  readonly status: string;
}

async function main(): Promise<void> {
  const orders = Number(process.argv[2]);
  const out = mkdtempSync(join(process.env['BENCH_DIR'] ?? tmpdir(), 'sales-local-memory-'));
  const profile = new StageMemoryProfile();
  try {
    const started = performance.now();
    const run = await runLocalPipeline(
      { orders, existing: 0, duplicates: 0.05, injectFailures: 0, out, seed: `memory-${orders}`, quiet: true },
      {
        handler,
        config: loadConfig('dev', {}),
        ...(process.env['BENCH_STAGES'] && {
          progress: {
            start: (name: string) => {
              profile.enter(name);
              process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} start ${name}\n`);
            },
            update: () => undefined,
            done: () => undefined,
            fail: () => undefined,
          },
        }),
      },
    );
    const result: MemoryRun = {
      orders,
      changes: run.kind === 'completed' ? run.summary.changes_captured : 0,
      wall_ms: Math.round(performance.now() - started),
      changes_per_second: run.kind === 'completed' ? run.summary.changes_per_second : 0,
      peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
      status: run.summary.status,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (run.summary.problems.length > 0) process.stderr.write(`problems: ${run.summary.problems.join('; ')}\n`);
    if (process.env['BENCH_STAGES']) {
      if (run.kind === 'completed') process.stderr.write(`${JSON.stringify(run.summary.stage_ms)}\n`);
      process.stderr.write(`${profile.report()}\n`);
    }
  } finally {
    profile.stop();
    rmSync(out, { recursive: true, force: true });
  }
}

void main();
