/**
 * `sales-lake replay`: re-drives what the pipeline could not deliver: Firehose's error records in the lake.
 */
import { createOutput, ExitCode, handleSignals, parseFlags, renderHelp, UsageError } from '@sales/command-line';
import type { LakeCommand } from '../command.js';
import { openLake } from '../lake/open-lake.js';
import { formatErrorReplay, toErrorReplayJson } from './firehose/format-error-replay.js';
import { replayErrorObjects, type ErrorReplaySummary } from './firehose/replay-error-objects.js';
import { REPLAY_FLAGS } from './replay-flags.js';

const HELP = renderHelp({
  usage: ['sales-lake replay --lake DIR|s3://bucket/prefix [--dry-run] [--force] [--json]'],
  description: [
    'Replays the records Firehose kept under errors/processing-failed/ through the current transform: rows go to their ' +
      'event-time partitions under keys derived from the error object, a marker per object goes to errors/replayed/, and ' +
      'records that still fail go to errors/replay-failed/ with their reasons. A second run writes nothing new.',
  ],
  flags: REPLAY_FLAGS,
  exitCodeText: { 0: 'every record was replayed', 1: 'some records still fail (see errors/replay-failed/) or the run failed' },
  sections: ['Runbook: docs/operations.md, "Replay".'],
});

/**
 * The exit code of a replay: the signal's if one came, 1 when records still fail, else 0.
 *
 * @param summary - What the run did.
 * @param signalled - The signal's exit code, when one came.
 * @returns The exit code.
 * @example
 * ```ts
 * replayExitCode({ ...summary, stillFailing: 2 }, undefined); //=> 1
 * ```
 */
export function replayExitCode(summary: ErrorReplaySummary, signalled: number | undefined): number {
  if (signalled !== undefined) return signalled;
  return summary.stillFailing > 0 ? ExitCode.failed : ExitCode.ok;
}

/**
 * Runs `sales-lake replay` with the arguments after the subcommand's name.
 *
 * @param argv - The arguments.
 * @returns The exit code.
 * @throws {@link UsageError} for a bad command line.
 */
export async function runReplay(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(REPLAY_FLAGS, argv);
  if (values.help) {
    process.stdout.write(HELP);
    return ExitCode.ok;
  }
  if (values.lake === undefined) throw new UsageError('--lake is needed: the folder or s3://bucket/prefix whose errors/ to replay');
  const lake = openLake(values.lake, process.cwd());
  const signals = handleSignals({ bin: 'sales-lake', draining: 'finishing the error object in hand' });
  try {
    const summary = await replayErrorObjects(lake, { dryRun: values['dry-run'] ?? false, force: values.force ?? false, signal: signals.signal });
    process.stderr.write(formatErrorReplay(summary));
    if (values.json) await createOutput().write(`${JSON.stringify(toErrorReplayJson(summary))}\n`);
    return replayExitCode(summary, signals.exitCode());
  } finally {
    signals.dispose();
  }
}

/** The `replay` entry of the `sales-lake` command table. */
export const REPLAY_COMMAND: LakeCommand = {
  summary: "replay Firehose's error records through the current transform",
  run: runReplay,
};
