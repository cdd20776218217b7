/**
 * runMain: the few lines every bin shares: run, map errors to exit codes, never cut stdout short.
 */
import { ExitCode } from './exit-code.js';
import { formatUsageError, UsageError } from './usage-error.js';

/**
 * Runs a command and sets `process.exitCode` from its result: the returned code; {@link ExitCode.usage} and one
 * line for a {@link UsageError}; {@link ExitCode.failed} and the stack for anything else. It never calls
 * `process.exit()`, so buffered stdout is written in full (arethetypeswrong `write.ts`).
 *
 * @param bin - The program name, for messages.
 * @param main - The command: takes argv (after the program name) and resolves to an exit code.
 * @param argv - The arguments. @defaultValue process.argv.slice(2)
 * @returns When the command has finished and the exit code is set.
 * @example
 * ```ts
 * void runMain('sales-generator', runCli);
 * ```
 */
export async function runMain(bin: string, main: (argv: readonly string[]) => Promise<number>, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(formatUsageError(bin, error));
      process.exitCode = ExitCode.usage;
    } else {
      process.stderr.write(`${bin}: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = ExitCode.failed;
    }
  }
}
