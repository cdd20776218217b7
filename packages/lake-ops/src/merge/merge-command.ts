/**
 * `sales-lake merge`: merges the change log into `orders_current`: locally in DuckDB, on the lake bucket in Athena.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import { S3Client } from '@aws-sdk/client-s3';
import {
  createAwsClient,
  createOutput,
  ExitCode,
  handleSignals,
  parseFlags,
  renderHelp,
  UsageError,
} from '@sales/command-line';
import { DATA_PREFIX } from '@sales/pipeline-spec';
import { progressLine } from '../backfill/backfill-report.js';
import type { LakeCommand } from '../command.js';
import { checkPipelineLake } from '../lake/check-pipeline-lake.js';
import { LocalLakeStore } from '../lake/local-lake-store.js';
import { openLake } from '../lake/open-lake.js';
import { S3LakeStore } from '../lake/s3-lake-store.js';
import { formatMergeReport, formatStatements } from './format-merge-report.js';
import { MERGE_FLAGS, validateMergeOptions, type MergeCommandOptions } from './merge-flags.js';
import { mergeLocalLake } from './merge-local-lake.js';
import { mergeOnAthena, planAthenaMerge } from './merge-on-athena.js';
import type { MergeRequest } from './merge-plan.js';
import { plannedReport, type MergeReport } from './merge-report.js';
import { MergeRunError } from './merge-run-error.js';
import { planLocalMerge } from './plan-local-merge.js';
import { StatementAttemptsError } from './statement-retry.js';

const HELP = renderHelp({
  usage: [
    'sales-lake merge --lake DIR [--rebuild] [--lateness-seconds <s>] [--dry-run] [--json]',
    'sales-lake merge --lake s3://<lake bucket>/ --workgroup <name> --database <name> [--rebuild] [--dry-run] [--json]',
  ],
  description: [
    'Merges the change log into orders_current, one row per live order with its latest change: the changes of the ' +
      'event-time hours since the last merge minus the lateness, deduplicated to the latest per order, a remove ' +
      'deleting, any other change upserting, never over a newer row; removes are kept as tombstones so a late, older ' +
      'change cannot bring an order back. The first merge of a lake, and --rebuild, read the whole log. Every ' +
      'statement is idempotent: running the merge again, after a failure or Ctrl-C, is safe and changes nothing merged.',
    'A local lake is merged in DuckDB, in one transaction, into <lake>/current/current-state.duckdb, exported to ' +
      '<lake>/current/orders_current.parquet. The lake bucket is merged in Athena (engine version 3) in the ' +
      "stack's workgroup, into its Iceberg tables, one statement at a time, each retried on Iceberg commit conflicts.",
    'The report goes to stdout (to stderr with --json, which prints one JSON object on stdout).',
  ],
  flags: MERGE_FLAGS,
  exitCodeText: {
    0: 'merged (or, with --dry-run, planned)',
    1: 'a statement failed: the report says which committed and which did not; run the merge again',
  },
  sections: ['Runbook: docs/operations.md, "Merge". Credentials and region: the AWS SDK standard chain.'],
});

/** The run id: the read-until instant, so each run has its own, and an Athena statement its own request token. */
const runIdOf = (readUntil: string): string => `merge-${readUntil.replace(/[-:.]/g, '')}`;

/** Refuses an s3:// lake under a prefix: the Glue tables Athena reads are at the bucket's root. */
function checkBucketRoot(lake: ReturnType<typeof openLake>): void {
  if (lake instanceof S3LakeStore && lake.prefix !== '')
    throw new UsageError(
      `--lake must be the bucket root s3://${lake.bucket}/ on AWS: Athena's tables read s3://${lake.bucket}/${DATA_PREFIX} only, received "${lake.location}"`,
    );
}

/** Prints the report: text to stdout, or text to stderr and JSON to stdout; a dry run's statements follow the text. */
async function print(options: MergeCommandOptions, report: MergeReport, sql: string, error?: string): Promise<void> {
  const text = `${formatMergeReport(report)}${sql === '' ? '' : `\n${sql}`}`;
  if (!options.json) {
    await createOutput().write(text);
    return;
  }
  process.stderr.write(text);
  const json = { ...report, ...(sql === '' ? {} : { sql }), ...(error === undefined ? {} : { error }) };
  await createOutput().write(`${JSON.stringify(json)}\n`);
}

/** Plans or runs the merge on the lake `--lake` names. */
async function mergeOn(
  options: MergeCommandOptions,
  lake: ReturnType<typeof openLake>,
  request: MergeRequest,
  signal: AbortSignal,
  onProgress: (text: string) => void,
): Promise<{ report: MergeReport; sql: string }> {
  if (lake instanceof LocalLakeStore) {
    if (!options.dryRun) return { report: await mergeLocalLake({ ...request, lake: lake.root, signal }), sql: '' };
    const { report, statements } = await planLocalMerge({ ...request, lake: lake.root });
    return { report, sql: formatStatements(statements) };
  }
  const athena = {
    ...request,
    client: createAwsClient(AthenaClient),
    target: options.athena as NonNullable<MergeCommandOptions['athena']>,
    lake: lake.location,
    signal,
    onProgress,
  };
  if (!options.dryRun) return { report: await mergeOnAthena(athena), sql: '' };
  const { plan, windowSql } = await planAthenaMerge(athena);
  const note = 'dry run: nothing was written but the window query, whose result Athena keeps in the results location';
  const statements = [
    ...(windowSql === undefined ? [] : [{ name: 'merge_window', sql: windowSql }]),
    ...plan.statements,
  ];
  return { report: plannedReport(request, lake.location, 'athena', plan, note), sql: formatStatements(statements) };
}

/**
 * Runs `sales-lake merge`.
 *
 * @param argv - The arguments after `merge`.
 * @returns The exit code: 0 merged or planned, 1 a statement failed (the report says what committed), 130/143 signals.
 * @throws UsageError for a bad command line or a `--lake` that is not the pipeline's lake (exit 2); the cause of a
 *   failed Athena window query, for `reportAwsError` to word.
 */
export async function runMerge(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(MERGE_FLAGS, argv);
  if (values.help === true) {
    await createOutput().write(HELP);
    return ExitCode.ok;
  }
  const options = validateMergeOptions(values);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const lake = openLake(options.lake, process.cwd(), () => createAwsClient(S3Client, { kind: 'transfer' }));
  checkBucketRoot(lake);
  await checkPipelineLake(lake);
  const readUntil = new Date().toISOString();
  const request: MergeRequest = {
    mode: options.mode,
    runId: runIdOf(readUntil),
    readUntil,
    latenessSeconds: options.latenessSeconds,
  };
  const signals = handleSignals({
    bin: 'sales-lake',
    draining:
      lake instanceof LocalLakeStore ? 'rolling the merge back (nothing is committed)' : 'stopping the running query',
  });
  const progress = progressLine();
  try {
    const { report, sql } = await mergeOn(options, lake, request, signals.signal, (text) =>
      progress.update(() => text),
    );
    progress.done();
    await print(options, report, sql);
    return signals.exitCode() ?? ExitCode.ok;
  } catch (error) {
    progress.done();
    if (error instanceof StatementAttemptsError) throw error.cause;
    if (!(error instanceof MergeRunError)) throw error;
    await print(options, error.report, '', error.message);
    process.stderr.write(`sales-lake merge: ${error.message}\n`);
    return signals.exitCode() ?? ExitCode.failed;
  } finally {
    signals.dispose();
  }
}

/** The `merge` entry of the command table. */
export const MERGE_COMMAND: LakeCommand = {
  summary: 'merge the change log into orders_current (DuckDB locally, Athena on the lake bucket)',
  flags: MERGE_FLAGS,
  run: runMerge,
};
