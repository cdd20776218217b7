import { createHandler, createRowSchema } from '@sales/transform';
import { resolve } from 'node:path';
import { loadConfig, ORDER_CHANGE_COLUMNS, type PipelineConfig, ConfigError } from '@sales/pipeline-spec';
import { parseLocalArgs, USAGE } from './options.js';
import { RunInterruptedError, runLocalPipeline } from './pipeline.js';
import { progressFor } from './progress.js';
import { formatSummary } from './summary.js';

/** Exit codes: success, a failed run, a usage error, Ctrl-C. */
export const EXIT_CODES = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** The repository root: `packages/local/src/run` is four levels down. */
const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/**
 * `npm run local`: parse flags, run the pipeline, print the report (stdout) and progress
 * (stderr; animated on a terminal, plain lines otherwise, none with `--quiet`), stop every
 * server on the way out, Ctrl-C included.
 *
 * @param argv - arguments after the script name
 * @returns the exit code
 */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseLocalArgs(argv, REPO_ROOT, process.env['INIT_CWD'] ?? process.cwd());
  if (parsed.kind === 'help') return void process.stdout.write(USAGE), EXIT_CODES.ok;
  if (parsed.kind === 'error') return void process.stderr.write(`${parsed.message}\n`), EXIT_CODES.usage;
  const { options } = parsed;
  let config: PipelineConfig;
  try {
    config = loadConfig('dev', process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return void process.stderr.write(`sales-local: ${error.message}\n`), EXIT_CODES.usage;
  }
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(EXIT_CODES.interrupted);
    process.stderr.write('\nsales-local: stopping after in-flight writes (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const run = await runLocalPipeline(options, {
      // The handler the bundle deploys: built with the declared table schema (constructs/pipeline-transform-handler.ts).
      handler: createHandler({ schema: createRowSchema(ORDER_CHANGE_COLUMNS) }),
      config,
      progress: progressFor(process.stderr, options.quiet),
      signal: controller.signal,
    });
    process.stdout.write(`${run.report}\n${formatSummary(run.summary, options.out)}\n`);
    return run.summary.problems.length === 0 ? EXIT_CODES.ok : EXIT_CODES.failed;
  } catch (error) {
    if (error instanceof RunInterruptedError) return void process.stderr.write('sales-local: interrupted\n'), EXIT_CODES.interrupted;
    process.stderr.write(`sales-local: ${(error as Error).message}\n`);
    return EXIT_CODES.failed;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
