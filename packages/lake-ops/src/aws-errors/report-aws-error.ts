/**
 * reportAwsError: the one place a `sales-lake` command's AWS errors reach the user: one line in the terms of its
 * command line, exit 1.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createAwsClient, DEBUG_VARIABLE, ExitCode, parseFlags } from '@sales/command-line';
import type { LakeCommand } from '../command.js';
import { toAwsErrorContext } from './aws-error-context.js';
import { describeAwsError } from './describe-aws-error.js';
import { readAwsError } from './read-aws-error.js';

/** The region the SDK's standard chain resolves (environment, profile), or `undefined` when none is set. */
async function resolveRegion(): Promise<string | undefined> {
  try {
    return await createAwsClient(DynamoDBClient).config.region();
  } catch {
    return undefined;
  }
}

/** The flags as given; the command has parsed them already, so this does not fail, but an error here must not hide the first. */
function flagValues(command: LakeCommand, argv: readonly string[]): Readonly<Record<string, unknown>> {
  try {
    return parseFlags(command.flags, argv).values;
  } catch {
    return {};
  }
}

/**
 * Prints an AWS error a command threw as one line, `sales-lake <command>: <describeAwsError's line>`, with the stack
 * after it when `DEBUG` is set, and answers exit 1. Any other error is thrown on, for `runMain` to print.
 *
 * @param name - The subcommand's name.
 * @param command - The subcommand (its flag table).
 * @param argv - The arguments after its name.
 * @param error - What it threw.
 * @param stderr - Where the line goes. @defaultValue process.stderr
 * @returns {@link ExitCode.failed}.
 * @throws `error` itself when it is not an AWS error `describeAwsError` knows.
 * @example
 * ```ts
 * await reportAwsError('reconcile', RECONCILE_COMMAND, ['--table', 'nope', '--endpoint', 'http://127.0.0.1:4567', '--lake', '.'], notFound);
 * // stderr: sales-lake reconcile: table "nope" not found at http://127.0.0.1:4567; check --table (the stack output table_name)
 * //=> 1
 * ```
 */
export async function reportAwsError(
  name: string,
  command: LakeCommand,
  argv: readonly string[],
  error: unknown,
  stderr: { write(text: string): unknown } = process.stderr,
): Promise<number> {
  if (readAwsError(error) === undefined) throw error;
  const values = flagValues(command, argv);
  const region = typeof values['endpoint'] === 'string' ? undefined : await resolveRegion();
  const line = describeAwsError(error, toAwsErrorContext(name, values, region));
  if (line === undefined) throw error;
  stderr.write(`sales-lake ${name}: ${line}\n`);
  if (process.env[DEBUG_VARIABLE] !== undefined && error instanceof Error) stderr.write(`${error.stack}\n`);
  return ExitCode.failed;
}
