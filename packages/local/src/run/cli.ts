import { createHandler, createRowSchema } from '@sales/transform';
import { resolve } from 'node:path';
import { createOutput, ExitCode, handleSignals, parseFlags, runMain, UsageError } from '@sales/command-line';
import { loadConfig, ORDER_CHANGE_COLUMNS, ConfigError, type PipelineConfig } from '@sales/pipeline-spec';
import { EndpointError } from '../dynamodb/endpoint-probe.js';
import packageJson from '../../package.json';
import { BIN, LOCAL_FLAGS, localHelp } from './flags.js';
import { validateLocalOptions } from './options.js';
import { runLocalPipeline } from './pipeline.js';
import { runSql } from './sql-command.js';
import { progressFor } from './progress.js';
import { formatSummary } from './summary.js';

/** The repository root: `packages/local/src/run` is four levels down. */
const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/**
 * `npm run local`: parse flags, run the pipeline, print the report (stdout) and progress
 * (stderr; animated on a terminal, plain lines otherwise, none with `--quiet`), stop every
 * server on the way out. SIGINT and SIGTERM take the same path: the current stage stops, the
 * previous results stay, the summary is printed, exit 130 or 143.
 *
 * @param argv - arguments after the script name
 * @returns the exit code
 * @throws {@link UsageError} for a bad flag, value, `SALES_*` variable or `--out` (runMain prints one line, exit 2)
 */
export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(LOCAL_FLAGS, argv);
  // Results to stdout; a reader that closes it (`| head -1`) ends the output, not the run.
  const output = createOutput();
  if (values.help) {
    await output.write(localHelp());
    return ExitCode.ok;
  }
  if (values.version) {
    await output.write(`${BIN} ${packageJson.version}\n`);
    return ExitCode.ok;
  }
  const options = validateLocalOptions(values, REPO_ROOT, process.env['INIT_CWD'] ?? process.cwd());
  let config: PipelineConfig;
  try {
    config = loadConfig('dev', process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  if (values.sql !== undefined) {
    await output.write(await runSql(options.out, values.sql, config));
    return ExitCode.ok;
  }
  const signals = handleSignals({
    bin: BIN,
    draining: 'stopping after the current stage, keeping the previous results',
  });
  try {
    const run = await runLocalPipeline(options, {
      // The handler the bundle deploys: built with the declared table schema (constructs/data-path/pipeline-transform-handler.ts).
      handler: createHandler({ schema: createRowSchema(ORDER_CHANGE_COLUMNS) }),
      config,
      progress: progressFor(process.stderr, options.quiet),
      signal: signals.signal,
    });
    const report = run.kind === 'completed' ? `${run.report}\n` : '';
    await output.write(`${report}${formatSummary(run.summary, options.out)}\n`);
    if (run.summary.status === 'interrupted')
      process.stderr.write(`${BIN}: ${signals.exitCode() === ExitCode.terminated ? 'terminated' : 'interrupted'}\n`);
    return signals.exitCode() ?? (run.summary.status === 'ok' ? ExitCode.ok : ExitCode.failed);
  } catch (error) {
    if (error instanceof EndpointError) {
      process.stderr.write(`${BIN}: ${error.message}; nothing was done\n`);
      return ExitCode.failed;
    }
    throw error;
  } finally {
    signals.dispose();
  }
}

if (require.main === module) void runMain(BIN, main);
