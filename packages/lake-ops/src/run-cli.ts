/**
 * runCli: `sales-lake <command> [flags]`: picks the subcommand and hands it the rest of the arguments.
 */
import { createOutput, ExitCode, UsageError } from '@sales/command-line';
import packageJson from '../package.json';
import { reportAwsError } from './aws-errors/report-aws-error.js';
import { COMMANDS } from './commands.js';

/**
 * The top-level help: the subcommands and where their own help is.
 *
 * @returns The help text, ending in a newline.
 */
export function topLevelHelp(): string {
  const rows = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(12)}${command.summary}`);
  return [
    'Usage: sales-lake <command> [options]',
    '',
    'The day-2 operations that keep the lake true to the table.',
    '',
    'Commands:',
    ...rows,
    'Options:',
    '  -h, --help     show this help and exit',
    '      --version  print the version and exit',
    '',
    "Run `sales-lake <command> --help` for a command's options.",
    '',
  ].join('\n');
}

/**
 * Dispatches to a subcommand.
 *
 * @param argv - The arguments after the program name.
 * @returns The subcommand's exit code; 0 for the top-level help and `--version` (`sales-lake 0.1.0`).
 * @throws {@link UsageError} for a missing or unknown subcommand; a subcommand's errors other than the AWS errors
 *   `reportAwsError` prints (exit 1).
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError(`a command is needed: ${Object.keys(COMMANDS).join(', ')}`);
  if (name === '-h' || name === '--help') {
    await createOutput().write(topLevelHelp());
    return ExitCode.ok;
  }
  // `npm run reconcile -- --version` reaches here as `reconcile --version`: answer it for every subcommand.
  if (name === '--version' || rest.includes('--version')) {
    await createOutput().write(`sales-lake ${packageJson.version}\n`);
    return ExitCode.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined)
    throw new UsageError(`unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(', ')}`);
  try {
    return await command.run(rest);
  } catch (error) {
    return reportAwsError(name, command, rest, error); // an AWS error as one line in the flags' terms; others go on
  }
}
