import { createRandom } from '@sales/generator';
import { type PipelineConfig, QUERIES_DIR, resourceNames } from '@sales/pipeline-spec';
import { deliverAndMerge, describeDeliverAndMerge, incrementalMerge } from './deliver-merge-stage.js';
import { probeEndpoint } from '../dynamodb/endpoint-probe.js';
import { injectFailures } from '../firehose/failure-injection.js';
import { FirehoseEmulator } from '../firehose/firehose-emulator.js';
import { crawlLake, formatLakeReport, runNamedQueries, type CrawlResult, type QueryOutcome } from './lake-stage.js';
import { finalChecksStage } from './final-checks.js';
import { tableStages } from './table-stages.js';
import { countPartitions } from './partition-count.js';
import { liveCheckStage, recentPathProblems, recentPathSummary } from './live-stage.js';
import { deliverRecentStage } from './recent-delivery-stage.js';
import { LakeWriter } from '../firehose/lake-writer.js';
import { inSimulatedTime, type LocalOptions } from './options.js';
import { claimOutFolder, stageOutput } from './out-folder.js';
import { writeResults } from './write-results.js';
import { startLambdaLog } from './lambda-log.js';
import { toLocalSettings } from './pipeline-settings.js';
import { SILENT_PROGRESS, type Progress } from './progress.js';
import { collectProblems } from './problems.js';
import { summarizeCounts, type RunCounts } from './summarize-run.js';
import { RunInterruptedError, StageFailedError, StageRunner } from './stage-runner.js';
import type { LocalSummary, SummaryHead, TableLocation } from './summary.js';
import type { TransformHandler } from '../types.js';

export { RunInterruptedError } from './stage-runner.js';

/** What a run needs besides its options; injected so tests can steer time and watch progress. */
export interface PipelineDeps {
  /** The Firehose transformation handler: `@sales/transform`'s `handler`. */
  readonly handler: TransformHandler;
  /** The stack configuration, from `loadConfig(environment, process.env)`. */
  readonly config: PipelineConfig;
  /** Folder of the named queries. @defaultValue the named queries of `@sales/pipeline-spec` (`QUERIES_DIR`) */
  readonly queriesDir?: string;
  /** @defaultValue {@link SILENT_PROGRESS} */
  readonly progress?: Progress;
  /** Clock that stamps stream event times. @defaultValue Date.now */
  readonly clock?: () => number;
  /** Aborts the run between stages (and stops the generator scheduling writes). */
  readonly signal?: AbortSignal;
}

/** A run that got through every stage (its checks may still have found problems). */
export interface PipelineRun {
  readonly kind: 'completed';
  /** What `summary.json` holds. */
  readonly summary: LocalSummary;
  /** Schema and query results, for stdout. */
  readonly report: string;
  /** The inferred schema and the effective table. */
  readonly crawl: CrawlResult;
  /** Each named query with its result or error. */
  readonly queries: readonly QueryOutcome[];
}

/** A run that stopped early: a stage failed (`summary.json` published) or it was interrupted (previous results kept). */
export interface StoppedRun {
  readonly kind: 'stopped';
  readonly summary: SummaryHead;
}

/**
 * Run the whole pipeline once: database, generator with change capture, Pipes -> Kinesis ->
 * Firehose -> transform -> lake in slices with a merge into `orders_current` after each (and the low-latency path into
 * `recent/`), crawler, named queries, the final checks (the lake's current state, `orders_current` and `orders_live`
 * against the table), summary.json.
 *
 * Before any work `--out` is claimed and locked ({@link claimOutFolder}) and `--endpoint` probed. Results are written
 * beside the previous ones and replace them at the end; a failed stage stops the run (later stages are
 * skipped) and its summary.json says so; an interrupted run keeps the previous results.
 *
 * @param options - validated CLI options
 * @param deps - handler, configuration, queries folder, progress, clock, abort signal
 * @returns the completed run, or the stopped one with its summary
 * @throws UsageError for an unusable `--out` or one another run holds; EndpointError for an unusable `--endpoint` (nothing done either way)
 */
export async function runLocalPipeline(options: LocalOptions, deps: PipelineDeps): Promise<PipelineRun | StoppedRun> {
  const lock = claimOutFolder(options.out);
  try {
    return await runInClaimedFolder(options, deps);
  } finally {
    lock.release();
  }
}

/** {@link runLocalPipeline} once `--out` is claimed and locked. */
async function runInClaimedFolder(options: LocalOptions, deps: PipelineDeps): Promise<PipelineRun | StoppedRun> {
  const clock = deps.clock ?? Date.now;
  const signal = deps.signal ?? new AbortController().signal;
  const stages = new StageRunner(deps.progress ?? SILENT_PROGRESS, signal);
  const startedAt = performance.now();
  const runStart = clock();
  const tableName =
    options.endpoint === undefined ? undefined : `${resourceNames(deps.config).tableName}-${runStart.toString(36)}`;
  const settings = toLocalSettings(deps.config, new Date(runStart).toISOString().replace('Z', ''), tableName);
  if (options.endpoint !== undefined) await probeEndpoint(options.endpoint, settings.region);
  const staged = stageOutput(options.out, `${runStart.toString(36)}-${process.pid}`);
  // The lake's clock record says this host stamped the changes: not so for an injected clock or simulated time.
  const hostClock = deps.clock === undefined && !inSimulatedTime(options);
  const location: { table: TableLocation | null } = { table: null };
  const head = (status: SummaryHead['status'], problems: string[]): SummaryHead => ({
    status,
    stages: stages.reports(),
    table: location.table,
    duration_ms: Math.round(performance.now() - startedAt),
    problems,
  });
  try {
    const run = await runStages(
      options,
      { ...deps, clock, signal, startMs: runStart, runId: `local-${runStart.toString(36)}` },
      settings,
      stages,
      staged.dir,
      location,
    );
    const base = head(run.summary.problems.length === 0 ? 'ok' : 'failed', run.summary.problems);
    const changesPerSecond = Math.round((run.summary.changes_captured / Math.max(base.duration_ms, 1)) * 1000);
    const summary: LocalSummary = {
      ...run.summary,
      ...base,
      stage_ms: stages.timings(),
      changes_per_second: changesPerSecond,
    };
    writeResults(staged.dir, summary, hostClock);
    staged.publish();
    return { ...run, summary };
  } catch (error) {
    if (error instanceof RunInterruptedError) {
      staged.discard();
      const during = stages.reports().find((stage) => stage.status === 'interrupted')?.name ?? 'between stages';
      return {
        kind: 'stopped',
        summary: head('interrupted', [`interrupted during ${during}; the previous results in ${options.out} are kept`]),
      };
    }
    if (error instanceof StageFailedError) {
      const summary = head('failed', [`stage ${error.stage} failed: ${error.reason}; later stages did not run`]);
      writeResults(staged.dir, summary, hostClock);
      staged.publish();
      return { kind: 'stopped', summary };
    }
    staged.discard();
    throw error;
  }
}

/** The deps with their defaults resolved, and the run's start on its clock and id (merge runs are named after it). */
type RunDeps = PipelineDeps & {
  readonly clock: () => number;
  readonly signal: AbortSignal;
  readonly startMs: number;
  readonly runId: string;
};

/** The stages, writing into `lake` (the staging folder); `location` learns the table once it exists. */
async function runStages(
  options: LocalOptions,
  deps: RunDeps,
  settings: ReturnType<typeof toLocalSettings>,
  stages: StageRunner,
  lakeDir: string,
  location: { table: TableLocation | null },
): Promise<Omit<PipelineRun, 'summary'> & { summary: RunCounts & { problems: string[] } }> {
  const { capture, tableRows, tableItems } = await tableStages(options, deps, settings, stages, lakeDir, location);
  const progress = deps.progress ?? SILENT_PROGRESS;
  const lake = new LakeWriter(lakeDir);
  const failing = injectFailures(deps.handler, options.seed, options.injectFailures);
  const log = startLambdaLog(lakeDir);
  const emulator = new FirehoseEmulator(
    settings.firehose,
    failing.handler,
    lake,
    { fraction: options.duplicates, random: createRandom(options.seed) },
    log,
  );
  const label = 'deliver + merge';
  const delivered = await stages.run(
    'deliver_and_merge',
    label,
    () =>
      deliverAndMerge({
        records: capture.stream.records(),
        count: capture.stream.size,
        emulator,
        startMs: deps.startMs,
        signal: deps.signal,
        merge: incrementalMerge(lakeDir, deps.runId, deps.config.mergeLatenessSeconds, deps.signal),
        onProgress: (detail) => progress.update(label, detail),
      }),
    (result) => describeDeliverAndMerge(result, lake.objects.length),
  );
  const delivery = delivered.delivery;
  const recentDelivery = await deliverRecentStage(stages, {
    config: deps.config,
    settings,
    handler: failing.handler,
    records: capture.stream.records(),
    log,
    lakeDir,
    seed: options.seed,
    duplicates: options.duplicates,
  });

  const crawl = await stages.run(
    'crawl',
    'crawl lake',
    async () => crawlLake(lakeDir, settings),
    (c) =>
      `${c.crawled.columns.length} columns from ${c.rows} rows, ${c.catalog.conflicts.length} conflicts with the declared table`,
  );
  const queries = await stages.run(
    'query',
    'named queries',
    () => runNamedQueries(lakeDir, settings, crawl.catalog.table, deps.queriesDir ?? QUERIES_DIR),
    (q) => `${q.filter((o) => o.result).length}/${q.length} ran`,
  );

  const live = await liveCheckStage(stages, {
    config: deps.config,
    lakeDir,
    settings,
    catalogTable: crawl.catalog.table,
    tableRows,
    backfilled: capture.backfill !== undefined,
  });
  const { current, lakeVsTable } = await finalChecksStage(stages, {
    lakeDir,
    settings,
    catalogTable: crawl.catalog.table,
    queries,
    tableRows,
  });
  const counts = summarizeCounts({
    options,
    capture,
    delivery,
    injected: failing.injected(),
    partitions: countPartitions(
      lake.objects.map((object) => object.key),
      settings.dataPrefix,
    ),
    merges: delivered.merges,
    tableItems,
    current,
    lakeVsTable,
    recentPath: recentPathSummary(recentDelivery, live),
    crawl,
    lake,
  });
  const problems = [
    ...collectProblems(counts, {
      unroutable: capture.unroutable,
      failedInvocations: delivery.failedInvocations,
      queries,
      out: options.out,
    }),
    ...recentPathProblems(counts.recent_path),
  ];
  return {
    kind: 'completed',
    summary: { ...counts, problems },
    report: formatLakeReport(crawl, settings.catalogTableName, queries),
    crawl,
    queries,
  };
}
