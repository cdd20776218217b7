/**
 * runMain: the few lines every bin shares: run, map errors to exit codes, never cut stdout short.
 */
import { createOutput } from './create-output.js';
import { ExitCode } from './exit-code.js';
import { formatUsageError, UsageError } from './usage-error.js';

/**
 * The pinned AWS SDK (released before January 2027) supports Node 20 but warns, in nine lines on every run, that
 * later releases will need Node 22. The versions are pinned, so the warning is not actionable for a user of these
 * commands; AWS documents this variable to turn it off (the clients read it when they are created). A user who sets
 * it to `false` sees the warning again.
 *
 * @see https://github.com/aws/aws-sdk-js-v3/issues/7983
 */
function silenceSdkNodeVersionWarning(): void {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
}

/** Set (to anything) to have an unexpected error printed with its stack, for a bug report. */
export const DEBUG_VARIABLE = 'DEBUG';

/**
 * One line for an error the command did not turn into an exit code itself: a missing region, a refused connection,
 * an AWS error. Its stack only helps a bug report, so it is printed when {@link DEBUG_VARIABLE} is set.
 *
 * @param error - What was thrown.
 * @returns The line's text, without the program name.
 * @example
 * ```ts
 * describeFailure(new Error('Region is missing')); //=> 'Region is missing (set DEBUG=1 to see the stack)'
 * ```
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (process.env[DEBUG_VARIABLE] !== undefined) return error.stack ?? error.message;
  const name = error.name === 'Error' ? '' : `${error.name}: `;
  return `${name}${error.message.split('\n')[0]} (set ${DEBUG_VARIABLE}=1 to see the stack)`;
}

/**
 * Runs a command and sets `process.exitCode` from its result: the returned code; {@link ExitCode.usage} and one
 * line for a {@link UsageError}; {@link ExitCode.failed} and one line ({@link describeFailure}) for anything else. It never calls
 * `process.exit()`, so buffered stdout is written in full (arethetypeswrong `write.ts`). A reader that closes stdout or
 * stderr (`| head -1`, `| true`) ends the output quietly ({@link createOutput}): the command finishes with its own exit
 * code instead of an `EPIPE` stack and exit 1. It also keeps the AWS SDK's Node-version warning off the output (see
 * {@link silenceSdkNodeVersionWarning}).
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
export async function runMain(
  bin: string,
  main: (argv: readonly string[]) => Promise<number>,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  silenceSdkNodeVersionWarning();
  createOutput(process.stdout);
  createOutput(process.stderr);
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(formatUsageError(bin, error));
      process.exitCode = ExitCode.usage;
    } else {
      process.stderr.write(`${bin}: ${describeFailure(error)}\n`);
      process.exitCode = ExitCode.failed;
    }
  }
}
