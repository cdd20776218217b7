import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '@sales/generator';
import { type PipelineConfig, QUERIES_DIR, resourceNames } from '@sales/pipeline-spec';
import { generateAndCapture } from './capture-stage.js';
import { createFreshTable, openDatabase, scanTable } from '../dynamodb/database.js';
import { FirehoseEmulator } from '../firehose/firehose-emulator.js';
import { crawlLake, CURRENT_STATE_QUERY, formatLakeReport, runNamedQueries, type CrawlResult, type QueryOutcome } from './lake-stage.js';
import { LakeWriter } from '../firehose/lake-writer.js';
import type { LocalOptions } from './options.js';
import { toLocalSettings } from './pipeline-settings.js';
import { SILENT_PROGRESS, type Progress } from './progress.js';
import { collectProblems } from './problems.js';
import type { LocalSummary, StageTimings } from './summary.js';
import type { AttributeMap, TransformHandler } from '../types.js';

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

/** Everything a run produced. */
export interface PipelineRun {
  /** What `summary.json` holds. */
  readonly summary: LocalSummary;
  /** Schema and query results, for stdout. */
  readonly report: string;
  /** The inferred schema and the effective table. */
  readonly crawl: CrawlResult;
  /** Each named query with its result or error. */
  readonly queries: readonly QueryOutcome[];
  /** The table's items at the end of the run. */
  readonly tableItems: readonly AttributeMap[];
}

/** Raised when the run is aborted (Ctrl-C). */
export class RunInterruptedError extends Error {
  override readonly name = 'RunInterruptedError';
}

/** What a run owns in `--out`: replaced at the start so counts never mix runs. */
const OWNED_PATHS = ['sales', 'errors', 'logs', 'summary.json'];

/**
 * Run the whole pipeline once: database, generator with change capture, Pipes -> Kinesis ->
 * Firehose -> transform -> lake, crawler, named queries, summary.json.
 *
 * @param options - validated CLI options
 * @param deps - handler, configuration, queries folder, progress, clock, abort signal
 * @returns summary, printed report and the data behind them
 * @throws RunInterruptedError when aborted; any stage's error otherwise (servers are stopped either way)
 */
export async function runLocalPipeline(options: LocalOptions, deps: PipelineDeps): Promise<PipelineRun> {
  const clock = deps.clock ?? Date.now;
  const progress = deps.progress ?? SILENT_PROGRESS;
  const signal = deps.signal ?? new AbortController().signal;
  const stageMs: Partial<StageTimings> = {};
  const stage = async <T>(name: keyof StageTimings, label: string, work: () => Promise<T>, detail: (value: T) => string): Promise<T> => {
    if (signal.aborted) throw new RunInterruptedError('interrupted');
    progress.start(label);
    const started = performance.now();
    const value = await work();
    stageMs[name] = Math.round(performance.now() - started);
    progress.done(label, detail(value), stageMs[name]);
    return value;
  };
  const startedAt = performance.now();
  for (const path of OWNED_PATHS) rmSync(join(options.out, path), { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  const runStart = clock();
  const label = new Date(runStart).toISOString().replace('Z', '');
  const tableName = options.endpoint === undefined ? undefined : `${resourceNames(deps.config).tableName}-${runStart.toString(36)}`;
  const settings = toLocalSettings(deps.config, label, tableName);

  const database = await stage('database', 'start database', async () => {
    const db = await openDatabase(settings.region, options.endpoint);
    try {
      await createFreshTable(db, settings.tableName);
      return db;
    } catch (error) {
      await db.close();
      throw error;
    }
  }, (db) => `${db.embedded ? 'dynalite' : 'endpoint'} ${db.endpoint}, table ${settings.tableName}`);
  let capture, tableItems;
  try {
    capture = await stage('generate_and_capture', 'generate + capture', () => generateAndCapture(database, settings, { ...options, signal, clock }),
      (c) => `${c.run.succeeded}/${c.run.planned} operations, ${c.changes} stream records on ${settings.shardCount} shards`);
    tableItems = await stage('scan', 'scan table', () => scanTable(database.reader, settings.tableName), (items) => `${items.length} items`);
  } finally {
    await database.close();
  }
  if (signal.aborted || capture.run.interrupted) throw new RunInterruptedError('interrupted');

  const lake = new LakeWriter(options.out);
  const emulator = new FirehoseEmulator(settings.firehose, deps.handler, lake, { fraction: options.duplicates, random: createRandom(options.seed) });
  const delivery = await stage('deliver', 'firehose + transform', () => emulator.deliver(capture.stream.readAll()),
    (d) => `${d.invocations} invocations, ${d.delivered} delivered, ${d.failed} failed, ${lake.objects.length} objects`);
  mkdirSync(join(options.out, 'logs'), { recursive: true });
  writeFileSync(join(options.out, 'logs', 'transform-lambda.log'), delivery.lambdaLog.map((line) => `${line}\n`).join(''));

  const crawl = await stage('crawl', 'crawl lake', async () => crawlLake(options.out, settings), (c) => `${c.crawled.columns.length} columns from ${c.rows} rows, ${c.catalog.conflicts.length} conflicts with the declared table`);
  const queries = await stage('query', 'named queries', () => runNamedQueries(options.out, settings, crawl.catalog.table, deps.queriesDir ?? QUERIES_DIR),
    (q) => `${q.filter((o) => o.result).length}/${q.length} ran`);

  const currentState = queries.find((outcome) => outcome.query.name === CURRENT_STATE_QUERY)?.result;
  const durationMs = Math.round(performance.now() - startedAt);
  const base = {
    changes_captured: capture.changes,
    records_delivered: delivery.delivered,
    records_failed: delivery.failed,
    records_dropped: delivery.dropped,
    records_redelivered: delivery.redelivered,
    lambda_invocations: delivery.invocations,
    table_items: tableItems.length,
    current_state_rows: currentState?.rows.length ?? null,
    new_columns: [...crawl.catalog.newColumns],
    schema_conflicts: [...crawl.catalog.conflicts],
    files: lake.objects.length,
    bytes: lake.bytes,
    shard_records: capture.stream.shardSizes(),
    operations: { planned: capture.run.planned, succeeded: capture.run.succeeded, failed: capture.run.failed },
    duration_ms: durationMs,
    stage_ms: stageMs as StageTimings,
    changes_per_second: Math.round((capture.changes / durationMs) * 1000),
  };
  const summary: LocalSummary = { ...base, problems: collectProblems(base, { unroutable: capture.unroutable, failedInvocations: delivery.failedInvocations, queries }) };
  writeFileSync(join(options.out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return { summary, report: formatLakeReport(crawl, settings.catalogTableName, queries), crawl, queries, tableItems };
}
