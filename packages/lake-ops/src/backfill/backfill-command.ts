/**
 * `sales-lake backfill`: the items a table already holds -> snapshot rows in the lake, fenced before every stream
 * change that could follow them.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { createAwsClient, createOutput, ExitCode, handleSignals, parseFlags, renderHelp } from '@sales/command-line';
import type { LakeCommand } from '../command.js';
import { ORDER_TABLE_SCHEMA } from '@sales/pipeline-spec';
import { checkPipelineLake } from '../lake/check-pipeline-lake.js';
import { chooseFenceMargin } from '../lake/choose-fence-margin.js';
import { openLake } from '../lake/open-lake.js';
import { S3LakeStore } from '../lake/s3-lake-store.js';
import { toFenceMicros } from '../rows/fence.js';
import { BACKFILL_FLAGS } from './backfill-flags.js';
import { validateBackfillOptions, type ResolvedBackfillOptions } from './backfill-options.js';
import { formatSummary, newSummary, progressLine, type BackfillSummary } from './backfill-report.js';
import { exportBackfill } from './export-backfill.js';
import { openExport } from './open-export.js';
import { PreconditionError } from '../precondition-error.js';
import { checkStream, describeTable } from './preconditions.js';
import { dryRunStore } from './dry-run-store.js';
import { scanBackfill } from './scan-backfill.js';
import { createDynamoDBClient } from '../dynamodb-client.js';
import { probeTable } from '../probe-table.js';

const HELP = renderHelp({
  usage: ['sales-lake backfill --table <name> --lake <DIR|s3://bucket/prefix> [options]'],
  description: [
    'Writes every item the table holds into the lake as a snapshot row (cdc_operation "snapshot"), in the same row ' +
      'contract as the stream changes, keyed so that it sorts before every change that could follow the snapshot.',
    'Export (default): a point-in-time export, verified (MD5 and item counts) before anything is written; no read ' +
      'capacity used. Scan (default with --endpoint): a parallel, strongly consistent Scan. Re-running the same ' +
      'snapshot replaces its objects. See docs/operations.md, "Backfill".',
  ],
  flags: BACKFILL_FLAGS,
});

const iso = (micros: number): string => new Date(Math.floor(micros / 1000)).toISOString();

async function scanPlan(
  options: ResolvedBackfillOptions,
  dynamodb: DynamoDBClient,
  summary: BackfillSummary,
  run: () => Promise<void>,
): Promise<void> {
  const facts = await describeTable(dynamodb, options.table);
  const fence = toFenceMicros(Date.now() * 1000, options.fenceMarginSeconds);
  checkStream(options.table, options.streamSinceMicros ?? facts.streamCreatedMicros, fence);
  summary.snapshotTime = iso(Date.now() * 1000);
  summary.fence = iso(fence);
  await run(); // a dry run too: it reads every page and writes nowhere (dryRunStore)
}

/**
 * Runs `sales-lake backfill`.
 *
 * @param argv - The arguments after `backfill`.
 * @returns The exit code: 0 done, 1 a precondition or the export's verification failed or items failed, 130/143 signals.
 * @throws UsageError for a bad command line (exit 2).
 */
export async function runBackfill(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(BACKFILL_FLAGS, argv);
  if (values.help === true) {
    await createOutput().write(HELP);
    return ExitCode.ok;
  }
  const parsed = validateBackfillOptions(values);
  const s3 = createAwsClient(S3Client, { kind: 'transfer' });
  const lake = openLake(parsed.lake, process.cwd(), () => s3);
  await checkPipelineLake(lake);
  const fenceMargin = await chooseFenceMargin({
    given: parsed.fenceMarginSeconds,
    lake,
    hostTimesTableReads: parsed.source.kind === 'scan',
  });
  const options: ResolvedBackfillOptions = { ...parsed, fenceMarginSeconds: fenceMargin.seconds };
  const dynamodb = createDynamoDBClient(options.endpoint);
  const summary = newSummary(options.table, options.source.kind, options.dryRun);
  const signals = handleSignals({ bin: 'sales-lake', draining: 'finishing the objects being written' });
  const progress = progressLine();
  const onProgress = (): void =>
    progress.update(() => `backfill: ${summary.items} items, ${summary.objects} objects, ${summary.bytes} bytes`);
  const keyNames = [ORDER_TABLE_SCHEMA.partitionKey.name];
  try {
    await probeTable(dynamodb, options.table, options.endpoint);
    if (options.source.kind === 'scan') {
      const { segments } = options.source;
      await scanPlan(options, dynamodb, summary, () =>
        scanBackfill(
          {
            client: dynamodb,
            lake: options.dryRun ? dryRunStore(lake) : lake,
            table: options.table,
            keyNames,
            segments,
            fenceMarginSeconds: options.fenceMarginSeconds,
            signal: signals.signal,
            onProgress,
          },
          summary,
        ),
      );
    } else {
      const exportLake = lake instanceof S3LakeStore ? lake : undefined;
      const opened = await openExport({
        options,
        source: options.source,
        dynamodb,
        s3,
        exportLake,
        signal: signals.signal,
        onProgress: (text) => progress.update(() => text),
      });
      if (opened === undefined && options.dryRun) summary.complete = true; // it said which export it would start
      if (opened !== undefined) {
        summary.snapshotId = opened.manifest.exportId;
        summary.snapshotTime = iso(opened.context.snapshotTimeMicros);
        summary.fence = iso(opened.context.fenceMicros);
        summary.items = opened.items;
        if (options.dryRun) {
          summary.rows = opened.items;
          summary.complete = true;
        } else {
          summary.items = 0;
          await exportBackfill(
            {
              files: opened.files,
              manifest: opened.manifest,
              lake,
              context: { ...opened.context, keyNames },
              signal: signals.signal,
              onProgress,
            },
            summary,
          );
        }
      }
    }
  } catch (error) {
    progress.done();
    if (!(error instanceof PreconditionError)) throw error;
    process.stderr.write(`sales-lake backfill: ${error.message}\n`);
    return signals.exitCode() ?? ExitCode.failed;
  } finally {
    signals.dispose();
  }
  progress.done();
  process.stderr.write(formatSummary(summary, lake.location));
  if (options.json) await createOutput().write(`${JSON.stringify(summary)}\n`);
  return signals.exitCode() ?? (summary.complete && summary.failedItems === 0 ? ExitCode.ok : ExitCode.failed);
}

/** The `backfill` entry of the command table. */
export const BACKFILL_COMMAND: LakeCommand = {
  summary: 'write the items the table already holds into the lake as snapshot rows',
  flags: BACKFILL_FLAGS,
  run: runBackfill,
};
