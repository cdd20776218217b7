/**
 * `sales-lake reconcile`: the table against the lake's current state, drift per key, and `--repair` to mend it.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { S3Client } from '@aws-sdk/client-s3';
import { createAwsClient, createOutput, ExitCode, handleSignals, parseFlags, renderHelp } from '@sales/command-line';
import { DRIFT_METRIC, ORDER_TABLE_SCHEMA } from '@sales/pipeline-spec';
import { progressLine } from '../backfill/backfill-report.js';
import { PreconditionError } from '../precondition-error.js';
import type { LakeCommand } from '../command.js';
import { checkPipelineLake } from '../lake/check-pipeline-lake.js';
import { chooseFenceMargin } from '../lake/choose-fence-margin.js';
import { openLake } from '../lake/open-lake.js';
import type { ReconcileResult } from './drift.js';
import { publishDriftMetric, unrepairedDriftKeys } from './drift-metric-datum.js';
import { prepareLakeSide, type OpenedLakeSide } from './open-lake-side.js';
import { openTableSide } from './open-table-side.js';
import { reconcileOn } from './reconcile.js';
import { formatReconcileReport } from './reconcile-report.js';
import { RECONCILE_FLAGS, validateReconcileOptions } from './reconcile-flags.js';
import { createDynamoDBClient } from '../dynamodb-client.js';
import { probeTable } from '../probe-table.js';

const HELP = renderHelp({
  usage: [
    'sales-lake reconcile --table <name> --lake <DIR> [--endpoint <url>] [--against log|current] [--export <s3://…|DIR>] [--repair] [--json] [--publish-metric]',
    'sales-lake reconcile --table <name> --lake s3://<lake bucket> --workgroup <name> --database <name> [--against log|current] [--export <s3://…>] [--repair] [--json] [--publish-metric]',
  ],
  description: [
    'Compares every item of the table (a parallel, strongly consistent Scan, each item turned into its row by the ' +
      "transform's row code) with the lake's current state for its key, and reports drift per key: missing_in_lake, " +
      'extra_in_lake, value_mismatch (with the columns). Counts and checksums per bucket of key hashes first, keys ' +
      'only in buckets that differ; keys found are re-read with a consistent read, and a key whose lake rows are newer ' +
      "than the read's fence is not judged: it is listed with its reason and when a run can judge it. A local lake is compared in DuckDB; the lake bucket in Athena, " +
      "in the stack's workgroup (scratch rows under reconcile/, deleted at the end). With --export the table side is " +
      'a finished point-in-time export, verified first, every row fenced at its ExportTime: lake changes after that ' +
      'are in flight. See docs/operations.md, "Reconcile".',
    '--against current judges the table against orders_current, the merged current state, instead of the change log: ' +
      "the local merge's DuckDB database (read-only), or the Iceberg tables in Athena. Values are compared in the " +
      'declared types; a table column orders_current does not declare is listed as not judged, and the report gives ' +
      'the last merge: keys changed after it differ until the next merge.',
    'The report goes to stdout (to stderr with --json, which prints one JSON object on stdout).',
    '--publish-metric puts one CloudWatch datum after a complete run (the drift keys not repaired), for the ' +
      'LakeDrift and ReconcileNotRun alarms; an interrupted or failed run puts none.',
  ],
  flags: RECONCILE_FLAGS,
  exitCodes: [0, 1, 2, 3, 130, 143],
  exitCodeText: {
    0: 'the lake equals the table: every key judged, no drift (or all of it repaired)',
    1: 'drift found and not repaired, items that could not be read, an export that does not verify, or a failed --publish-metric',
    3: 'no drift among the keys judged, but some keys were not judged (changed too close to the table read); run again after the time the report gives',
  },
});

/**
 * Puts the run's drift metric and says so on stderr, or says in one line why it could not.
 *
 * @param result - A complete run's result.
 * @returns Whether the datum was published.
 */
async function publishVerdict(result: ReconcileResult): Promise<boolean> {
  try {
    const value = await publishDriftMetric(createAwsClient(CloudWatchClient), result);
    process.stderr.write(
      `published ${DRIFT_METRIC.namespace} ${DRIFT_METRIC.metricName}=${value} (${DRIFT_METRIC.dimensionName}=${result.table})\n`,
    );
    return true;
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(
      `sales-lake reconcile: --publish-metric: PutMetricData failed, no drift datum was published: ${reason.replace(/\s+/g, ' ')}\n`,
    );
    return false;
  }
}

/**
 * Runs `sales-lake reconcile`.
 *
 * @param argv - The arguments after `reconcile`.
 * @returns The exit code: 0 no drift (or repaired), 1 drift, an export that does not verify or a failed publish,
 * 3 no drift among the keys judged with some not judged, 130/143 signals.
 * @throws UsageError for a bad command line (exit 2).
 */
export async function runReconcile(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(RECONCILE_FLAGS, argv);
  if (values.help === true) {
    process.stdout.write(HELP);
    return ExitCode.ok;
  }
  const options = validateReconcileOptions(values);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let s3: S3Client | undefined;
  const s3Client = (): S3Client => {
    s3 ??= createAwsClient(S3Client, { kind: 'transfer' });
    return s3;
  };
  const lake = openLake(options.lake, process.cwd(), s3Client);
  const openSide = prepareLakeSide(
    lake,
    options.athena,
    { s3: s3Client, athena: () => createAwsClient(AthenaClient) },
    Date.now,
    options.against,
  );
  await checkPipelineLake(lake);
  const fenceMargin = await chooseFenceMargin({
    given: options.fenceMarginSeconds,
    lake,
    hostTimesTableReads: options.exportLocation === undefined,
  });
  const client = createDynamoDBClient(options.endpoint);
  const signals = handleSignals({
    bin: 'sales-lake',
    draining: 'stopping the running query, finishing the pages being read, deleting scratch rows',
  });
  const progress = progressLine();
  let opened: OpenedLakeSide;
  try {
    opened = await openSide(signals.signal);
  } catch (error) {
    signals.dispose();
    if (!(error instanceof PreconditionError)) throw error;
    process.stderr.write(`sales-lake reconcile: ${error.message}\n`);
    return ExitCode.failed;
  }
  try {
    await probeTable(client, options.table, options.endpoint);
    const keyName = ORDER_TABLE_SCHEMA.partitionKey.name;
    const onProgress = (text: string): void => progress.update(() => text);
    const tableSide = await openTableSide({
      options,
      fenceMarginSeconds: fenceMargin.seconds,
      dynamodb: client,
      s3: s3Client(),
      keyNames: [keyName],
      signal: signals.signal,
      onProgress,
    });
    const result = await reconcileOn(opened.side, {
      client,
      lake,
      table: options.table,
      keyName,
      segments: options.segments,
      fenceMargin,
      buckets: options.buckets,
      repair: options.repair,
      tableSide,
      signal: signals.signal,
      onProgress,
    });
    progress.done();
    const report = formatReconcileReport(result, lake.location);
    if (options.json) {
      process.stderr.write(report);
      await createOutput().write(`${JSON.stringify(result)}\n`);
    } else {
      await createOutput().write(report);
    }
    const interrupted = signals.exitCode();
    if (interrupted !== undefined) return interrupted;
    const published = options.publishMetric && result.complete ? await publishVerdict(result) : true;
    if (!published || !result.complete || unrepairedDriftKeys(result) > 0 || result.failed_items.length > 0)
      return ExitCode.failed;
    return result.not_judged.length > 0 ? ExitCode.deferred : ExitCode.ok;
  } catch (error) {
    progress.done();
    if (!(error instanceof PreconditionError)) throw error;
    process.stderr.write(`sales-lake reconcile: ${error.message}\n`);
    return signals.exitCode() ?? ExitCode.failed;
  } finally {
    signals.dispose();
    for (const left of await opened.dispose())
      process.stderr.write(`sales-lake: reconcile could not delete its scratch object ${left}; delete it by hand\n`);
  }
}

/** The `reconcile` entry of the command table. */
export const RECONCILE_COMMAND: LakeCommand = {
  summary: "compare the table with the lake's current state per key; --repair writes corrective rows",
  flags: RECONCILE_FLAGS,
  run: runReconcile,
};
