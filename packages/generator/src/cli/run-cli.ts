/**
 * runCli: the `sales-generator` shell. Parses flags, plans, prints or applies the plan, reports.
 */
import { randomBytes } from 'node:crypto';
import { createOutput, ExitCode, formatUsageError, handleSignals, UsageError, type Output } from '@sales/command-line';
import packageJson from '../../package.json';
import { applyPlan } from '../write/apply.js';
import { helpText } from './cli-flags.js';
import { createClient } from '../table/client.js';
import { checkTable } from '../table/check-table.js';
import { formatOperationLine } from './operation-line.js';
import { iterateOperations } from '../plan/plan.js';
import type { PlanOptions } from '../plan/plan-types.js';
import { runPrefix } from '../model/random.js';
import { exitCodeFor, formatProgress, formatSummary } from './report.js';
import { RunStats } from '../write/run-stats.js';
import { resolveStartMs } from './time-span.js';
import { parseCliArgs, validateOptions, type CliOptions } from './validate-options.js';

const NAME = 'sales-generator';

/** Plan options from the CLI's; the clock is read here, in the shell. */
function planOptions(options: CliOptions): PlanOptions {
  return {
    count: options.count,
    ratios: options.ratios,
    startTimeMs: resolveStartMs(options, Date.now()),
    rate: options.rate,
    ...(options.spanMs === undefined ? {} : { spanMs: options.spanMs }),
    ...(options.ttlDays === undefined ? {} : { ttlDays: options.ttlDays }),
  };
}

async function dryRun(options: CliOptions, seed: string, output: Output): Promise<number> {
  const kinds = { put: 0, update: 0, delete: 0 };
  let chunk = '';
  for (const operation of iterateOperations(seed, planOptions(options))) {
    kinds[operation.op]++;
    chunk += `${formatOperationLine(operation)}\n`;
    if (chunk.length > 65_536) {
      // The reader closed the pipe (`| head -1`): it has what it wanted; stop quietly.
      if (!(await output.write(chunk))) return ExitCode.ok;
      chunk = '';
    }
  }
  if (!(await output.write(chunk))) return ExitCode.ok;
  if (!options.quiet) {
    process.stderr.write(
      `dry run: ${options.count} operations (${kinds.put} puts, ${kinds.update} updates, ${kinds.delete} deletes), seed ${seed}\n`,
    );
  }
  return ExitCode.ok;
}

async function realRun(options: CliOptions, seed: string, table: string, output: Output): Promise<number> {
  const client = createClient({
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    // A request never waits longer than the run would wait for the endpoint as a whole.
    atMostMs: options.giveUpAfterSeconds * 1000,
  });
  const signals = handleSignals({ bin: NAME, draining: 'finishing in-flight writes' });
  const stats = new RunStats();
  const startedAt = performance.now();
  const showProgress = process.stderr.isTTY === true && !options.quiet;
  const progress = showProgress
    ? setInterval(
        () => process.stderr.write(`\r\x1b[2K${formatProgress(stats.snapshot(performance.now() - startedAt))}`),
        250,
      )
    : undefined;
  try {
    const problem = await checkTable(client, table, options.createTable);
    if (problem) {
      process.stderr.write(`${NAME}: ${problem}\n`);
      return signals.exitCode() ?? ExitCode.failed;
    }
    // Streamed, not materialized: a long run holds only the live orders' ids and statuses.
    const plan = { count: options.count, operations: iterateOperations(seed, planOptions(options)) };
    const summary = await applyPlan(client, plan, {
      tableName: table,
      rate: options.rate,
      concurrency: options.concurrency,
      batchSize: options.batchSize,
      signal: signals.signal,
      stats,
      giveUpAfterMs: options.giveUpAfterSeconds * 1000,
    });
    if (progress) process.stderr.write('\r\x1b[2K');
    if (!options.quiet) process.stderr.write(formatSummary(summary, { seed, table }));
    if (options.json)
      await output.write(`${JSON.stringify({ seed, table, runPrefix: runPrefix(seed), ...summary })}\n`);
    return signals.exitCode() ?? exitCodeFor(summary);
  } finally {
    if (progress) clearInterval(progress);
    signals.dispose();
    client.destroy();
  }
}

/**
 * Runs the CLI with the given arguments and returns the exit code (the caller sets `process.exitCode`).
 *
 * @param argv - Arguments after the script name.
 * @returns 0, 1, 2, 130 or 143 (see {@link ExitCode}).
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  const result = parsed.ok ? validateOptions(parsed.flags) : { kind: 'error' as const, message: parsed.message };
  const output = createOutput();
  if (result.kind === 'help') {
    await output.write(helpText());
    return ExitCode.ok;
  }
  if (result.kind === 'version') {
    await output.write(`${NAME} ${packageJson.version}\n`);
    return ExitCode.ok;
  }
  if (result.kind === 'error') {
    process.stderr.write(formatUsageError(NAME, new UsageError(result.message)));
    return ExitCode.usage;
  }
  const { options } = result;
  const seed = options.seed ?? randomBytes(6).toString('hex');
  if (options.dryRun) return dryRun(options, seed, output);
  return realRun(options, seed, options.table as string, output);
}
