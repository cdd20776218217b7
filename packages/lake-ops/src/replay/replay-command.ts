/**
 * `sales-lake replay`: re-drives what the pipeline could not deliver: Firehose's error records in the lake
 * (`--lake`) and the pipe's dead-letter batches (`--dlq`).
 */
import {
  createOutput,
  ExitCode,
  handleSignals,
  parseFlags,
  parseUrl,
  renderHelp,
  UsageError,
} from '@sales/command-line';
import type { LakeCommand } from '../command.js';
import { checkPipelineLake } from '../lake/check-pipeline-lake.js';
import { openLake } from '../lake/open-lake.js';
import { formatDeadLetters, toDeadLettersJson } from './dlq/format-dead-letters.js';
import { redriveClients } from './dlq/redrive-clients.js';
import { redriveDeadLetters, type DeadLetterSummary } from './dlq/redrive-dead-letters.js';
import { formatErrorReplay, toErrorReplayJson } from './firehose/format-error-replay.js';
import { replayErrorObjects, type ErrorReplaySummary } from './firehose/replay-error-objects.js';
import { REPLAY_FLAGS } from './replay-flags.js';

const HELP = renderHelp({
  usage: [
    'sales-lake replay --lake DIR|s3://bucket/prefix [--dry-run] [--force] [--json]',
    'sales-lake replay --dlq <queue url> --stream <name|arn> [--lake ...] [--dry-run] [--json]',
  ],
  description: [
    'With --lake: replays the records Firehose kept under errors/processing-failed/ and errors/partitioning-failed/ (through the ' +
      'current transform, or as they are when a record is already a row). Rows go to ' +
      'their event-time partitions under keys derived from the error object, a marker per object goes to errors/replayed/, and ' +
      'records that still fail go to errors/replay-failed/ with their reasons. A second run writes nothing new.',
    "With --dlq: re-reads each dead-letter batch from the DynamoDB stream and puts it into the pipe's Kinesis stream, deleting " +
      'a message only once every record is accepted. A batch the stream has trimmed (24 h) is left in the queue, and the ' +
      'reconcile command that repairs the table-to-lake drift is printed.',
  ],
  flags: REPLAY_FLAGS,
  exitCodeText: {
    0: 'everything was replayed or re-driven',
    1: 'records still fail, objects under errors/ of an error output type replay does not know, or dead-letter batches were trimmed or kept (see the summary)',
  },
  sections: [
    'Runbook: docs/operations.md, "Replay". Credentials and region: the AWS SDK standard chain (the queue URL and ARNs set the region).',
  ],
});

/** What was asked for, checked. */
interface ReplayRequest {
  readonly lake?: string | undefined;
  readonly dlq?: { readonly queueUrl: string; readonly stream: string } | undefined;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly json: boolean;
}

/** Checks the combination of flags: at least one of --lake and --dlq; --stream exactly with --dlq. */
function toRequest(values: ReturnType<typeof parseFlags<typeof REPLAY_FLAGS>>['values']): ReplayRequest {
  if (values.lake === undefined && values.dlq === undefined)
    throw new UsageError(
      '--lake or --dlq is needed: the lake whose errors/ to replay, or the dead-letter queue to re-drive',
    );
  if (values.stream !== undefined && values.dlq === undefined) throw new UsageError('--stream goes with --dlq');
  if (values.dlq !== undefined && values.stream === undefined)
    throw new UsageError('--dlq needs --stream <name|arn>: the Kinesis stream the pipe writes to');
  if (values.force && values.lake === undefined) throw new UsageError('--force goes with --lake');
  const dlq =
    values.dlq === undefined
      ? undefined
      : { queueUrl: parseUrl('--dlq', values.dlq, ['https:']).href, stream: values.stream as string };
  return {
    lake: values.lake,
    dlq,
    dryRun: values['dry-run'] ?? false,
    force: values.force ?? false,
    json: values.json ?? false,
  };
}

/**
 * The exit code of a replay: the signal's if one came; 1 when records still fail, objects of an unknown error output
 * type wait under `errors/`, or dead-letter batches were not re-driven; else 0.
 *
 * @param errors - The error-record replay, when `--lake` was given.
 * @param deadLetters - The re-drive, when `--dlq` was given.
 * @param signalled - The signal's exit code, when one came.
 * @returns The exit code.
 * @example
 * ```ts
 * replayExitCode({ ...summary, stillFailing: 2 }, undefined, undefined); //=> 1
 * ```
 */
export function replayExitCode(
  errors: ErrorReplaySummary | undefined,
  deadLetters: DeadLetterSummary | undefined,
  signalled: number | undefined,
): number {
  if (signalled !== undefined) return signalled;
  const unfinished =
    (errors?.stillFailing ?? 0) +
    (errors?.notReplayable.length ?? 0) +
    (deadLetters?.trimmed.length ?? 0) +
    (deadLetters?.kept.length ?? 0);
  return unfinished > 0 ? ExitCode.failed : ExitCode.ok;
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
    await createOutput().write(HELP);
    return ExitCode.ok;
  }
  const request = toRequest(values);
  const lake = request.lake === undefined ? undefined : openLake(request.lake, process.cwd());
  if (lake !== undefined) await checkPipelineLake(lake);
  const signals = handleSignals({
    bin: 'sales-lake',
    draining: 'finishing the error object or dead-letter message in hand',
  });
  try {
    let errors: ErrorReplaySummary | undefined;
    let deadLetters: DeadLetterSummary | undefined;
    if (lake !== undefined) {
      errors = await replayErrorObjects(lake, { dryRun: request.dryRun, force: request.force, signal: signals.signal });
      process.stderr.write(formatErrorReplay(errors));
    }
    if (request.dlq !== undefined && !signals.signal.aborted) {
      const clients = redriveClients(request.dlq.queueUrl, request.dlq.stream);
      deadLetters = await redriveDeadLetters({
        ...clients,
        queueUrl: request.dlq.queueUrl,
        dryRun: request.dryRun,
        signal: signals.signal,
      });
      process.stderr.write(formatDeadLetters(deadLetters, request.lake));
    }
    if (request.json) {
      const json = {
        ...(errors === undefined ? {} : toErrorReplayJson(errors)),
        ...(deadLetters === undefined ? {} : { dead_letters: toDeadLettersJson(deadLetters, request.lake) }),
      };
      await createOutput().write(`${JSON.stringify(json)}\n`);
    }
    return replayExitCode(errors, deadLetters, signals.exitCode());
  } finally {
    signals.dispose();
  }
}

/** The `replay` entry of the `sales-lake` command table. */
export const REPLAY_COMMAND: LakeCommand = {
  summary: "replay Firehose's error records and re-drive the pipe's dead-letter batches",
  flags: REPLAY_FLAGS,
  run: runReplay,
};
