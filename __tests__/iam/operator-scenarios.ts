/**
 * The `sales-lake` runs an operator makes on AWS, with the flags docs/operations.md gives, each with the documented
 * answers its AWS calls get. {@link recordScenario} runs one through the CLI's own dispatcher and returns every SDK
 * command it sent.
 */
import { runCli } from '@sales/lake-ops';
import type { OperatorOperation } from '@sales/pipeline-spec';
import { EXPORT_ID, errorObject, exportObjects } from './operator-fixtures';
import { arrangeResponses } from './operator-responses';
import type { RecordedCall, SdkRecorder } from './record-sdk-calls';
import type { StackFacts } from './stack-facts';

/** One run of a command. */
export interface OperatorScenario {
  readonly name: string;
  /** The managed policy the operator runs it under. */
  readonly operation: OperatorOperation;
  readonly argv: (facts: StackFacts) => string[];
  /** The exit code the run ends with when every call is answered as arranged. */
  readonly exitCode: number;
  /**
   * Lake objects GetObject finds and ListObjectsV2 lists (by key), besides one object Firehose delivered under
   * `sales/`: every run is on a lake the pipeline has started to fill (the runbooks check that first).
   */
  readonly objects?: (facts: StackFacts) => Map<string, Buffer>;
}

const exportFolder = (f: StackFacts) => `s3://${f.lakeBucket}/exports/AWSDynamoDB/${EXPORT_ID}/`;
const athenaFlags = (f: StackFacts) => ['--workgroup', Object.keys(f.workgroups)[0]!, '--database', f.glueDatabase];
/** The table's name. */
export const table = (f: StackFacts) => f.tableArn.split('/')[1]!;
/** The export time: the latest restorable time, five minutes ago, whole seconds. */
export const exportAt = () => new Date(Math.floor((Date.now() - 300_000) / 1000) * 1000);

/** Every run recorded: backfill (export started, export given, scan), replay (lake, dead letters), reconcile, merge. */
export const OPERATOR_SCENARIOS: readonly OperatorScenario[] = [
  {
    name: 'backfill, starting an export (the default source)',
    operation: 'backfill',
    argv: (f) => ['backfill', '--table', table(f), '--lake', `s3://${f.lakeBucket}`],
    exitCode: 0,
    objects: (f) => exportObjects(f.lakeBucket, f.tableArn, exportAt()),
  },
  {
    name: 'backfill --export of a finished export',
    operation: 'backfill',
    argv: (f) => ['backfill', '--table', table(f), '--lake', `s3://${f.lakeBucket}`, '--export', exportFolder(f)],
    exitCode: 0,
    objects: (f) => exportObjects(f.lakeBucket, f.tableArn, exportAt()),
  },
  {
    name: 'backfill --source scan',
    operation: 'backfill',
    argv: (f) => ['backfill', '--table', table(f), '--lake', `s3://${f.lakeBucket}`, '--source', 'scan'],
    exitCode: 0,
  },
  {
    name: 'replay of the error objects of the lake bucket',
    operation: 'replay',
    argv: (f) => ['replay', '--lake', `s3://${f.lakeBucket}/`],
    exitCode: 1, // one record is still not JSON: it goes to errors/replay-failed/
    objects: (f) => {
      const { key, body } = errorObject(f.functionArn);
      return new Map([[key, body]]);
    },
  },
  {
    name: 'replay --dlq … --stream … (one batch re-driven, one trimmed and released)',
    operation: 'replay',
    argv: (f) => ['replay', '--dlq', f.deadLetterQueueUrl, '--stream', f.kinesisStreamArn.split('/')[1]!],
    exitCode: 1, // the trimmed batch is left in the queue
  },
  {
    name: 'reconcile on the lake bucket in Athena, Scan table side, --repair --publish-metric',
    operation: 'reconcile',
    argv: (f) => [
      'reconcile',
      '--table',
      table(f),
      '--lake',
      `s3://${f.lakeBucket}/`,
      ...athenaFlags(f),
      '--repair',
      '--publish-metric',
    ],
    exitCode: 0,
  },
  {
    name: 'reconcile on the lake bucket in Athena, --export table side',
    operation: 'reconcile',
    argv: (f) => [
      'reconcile',
      '--table',
      table(f),
      '--lake',
      `s3://${f.lakeBucket}/`,
      ...athenaFlags(f),
      '--export',
      exportFolder(f),
    ],
    exitCode: 1, // the drift Athena reports is not repaired
    objects: (f) => exportObjects(f.lakeBucket, f.tableArn, exportAt()),
  },
  {
    name: 'merge of the lake bucket in Athena (a window since the last merge)',
    operation: 'merge',
    argv: (f) => ['merge', '--lake', `s3://${f.lakeBucket}/`, ...athenaFlags(f)],
    exitCode: 0,
  },
  {
    name: 'merge --rebuild of the lake bucket in Athena (the whole log, orphans deleted)',
    operation: 'merge',
    argv: (f) => ['merge', '--lake', `s3://${f.lakeBucket}/`, ...athenaFlags(f), '--rebuild'],
    exitCode: 0,
  },
];

/**
 * Runs one scenario through `runCli` and returns what it sent.
 *
 * @param recorder - The stubbed clients.
 * @param scenario - The run.
 * @param facts - The stack it runs against.
 * @returns The exit code, stderr, and every SDK command sent.
 */
export async function recordScenario(
  recorder: SdkRecorder,
  scenario: OperatorScenario,
  facts: StackFacts,
): Promise<{ exitCode: number; stderr: string; calls: RecordedCall[] }> {
  recorder.reset();
  arrangeResponses(recorder, scenario, facts);
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(((_: unknown, callback?: () => void) => {
    if (typeof callback === 'function') callback();
    return true;
  }) as typeof process.stdout.write);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(((text: string) => {
    stderr += text;
    return true;
  }) as typeof process.stderr.write);
  try {
    const exitCode = await runCli(scenario.argv(facts));
    return { exitCode, stderr, calls: recorder.calls() };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
