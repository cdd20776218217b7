/**
 * runCli: the `sales-generator` shell. Parses flags, plans, prints or applies the plan, reports.
 */
import { randomBytes } from 'node:crypto';
import { applyPlan } from './apply.js';
import { helpText } from './cli-flags.js';
import { createClient } from './client.js';
import { checkTable } from './check-table.js';
import { formatOperationLine } from './operation-line.js';
import { writeText } from './output.js';
import { iterateOperations } from './plan.js';
import type { PlanOptions } from './plan-types.js';
import { runPrefix } from './random.js';
import { EXIT_CODES, exitCodeFor, formatProgress, formatSummary } from './report.js';
import { RunStats } from './run-stats.js';
import { parseCliArgs, validateOptions, type CliOptions } from './validate-options.js';

const NAME = 'sales-generator';

/** Plan options from the CLI's; the clock is read here, in the shell. */
function planOptions(options: CliOptions): PlanOptions {
  return {
    count: options.count, ratios: options.ratios, startTimeMs: Date.now(), rate: options.rate,
    ...(options.ttlDays === undefined ? {} : { ttlDays: options.ttlDays }),
  };
}

async function dryRun(options: CliOptions, seed: string): Promise<number> {
  const kinds = { put: 0, update: 0, delete: 0 };
  let chunk = '';
  for (const operation of iterateOperations(seed, planOptions(options))) {
    kinds[operation.op]++;
    chunk += `${formatOperationLine(operation)}\n`;
    if (chunk.length > 65_536) {
      await writeText(process.stdout, chunk);
      chunk = '';
    }
  }
  await writeText(process.stdout, chunk);
  if (!options.quiet) {
    process.stderr.write(`dry run: ${options.count} operations (${kinds.put} puts, ${kinds.update} updates, ${kinds.delete} deletes), seed ${seed}\n`);
  }
  return EXIT_CODES.ok;
}

async function realRun(options: CliOptions, seed: string, table: string): Promise<number> {
  const client = createClient({
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  });
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_CODES.interrupted);
    controller.abort();
    process.stderr.write(`\n${NAME}: interrupted; finishing in-flight writes (Ctrl-C again to exit now)\n`);
  };
  process.on('SIGINT', onSigint);
  const stats = new RunStats();
  const startedAt = performance.now();
  const showProgress = process.stderr.isTTY === true && !options.quiet;
  const progress = showProgress
    ? setInterval(() => process.stderr.write(`\r\x1b[2K${formatProgress(stats.snapshot(performance.now() - startedAt))}`), 250)
    : undefined;
  try {
    const problem = await checkTable(client, table, options.createTable);
    if (problem) {
      process.stderr.write(`${NAME}: ${problem}\n`);
      return EXIT_CODES.failed;
    }
    // Streamed, not materialized: a long run holds only the live orders' ids and statuses.
    const plan = { count: options.count, operations: iterateOperations(seed, planOptions(options)) };
    const summary = await applyPlan(client, plan, {
      tableName: table, rate: options.rate, concurrency: options.concurrency, batchSize: options.batchSize,
      signal: controller.signal, stats,
    });
    if (progress) process.stderr.write('\r\x1b[2K');
    if (!options.quiet) process.stderr.write(formatSummary(summary, { seed, table }));
    if (options.json) await writeText(process.stdout, `${JSON.stringify({ seed, table, runPrefix: runPrefix(seed), ...summary })}\n`);
    return exitCodeFor(summary);
  } finally {
    if (progress) clearInterval(progress);
    process.off('SIGINT', onSigint);
    client.destroy();
  }
}

/**
 * Runs the CLI with the given arguments and returns the exit code (the caller sets `process.exitCode`).
 *
 * @param argv - Arguments after the script name.
 * @returns 0, 1, 2 or 130 (see {@link EXIT_CODES}).
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  const result = parsed.ok ? validateOptions(parsed.flags) : { kind: 'error' as const, message: parsed.message };
  if (result.kind === 'help') {
    await writeText(process.stdout, helpText());
    return EXIT_CODES.ok;
  }
  if (result.kind === 'error') {
    process.stderr.write(`${NAME}: ${result.message} (see --help)\n`);
    return EXIT_CODES.usage;
  }
  const { options } = result;
  const seed = options.seed ?? randomBytes(6).toString('hex');
  if (options.dryRun) return dryRun(options, seed);
  return realRun(options, seed, options.table as string);
}
