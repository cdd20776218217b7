/**
 * The stages on the table's side of a run: start the database, generate and capture the traffic, scan the table.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateAndCapture, type CaptureResult } from './capture-stage.js';
import { runScanBackfill } from './concurrent-backfill.js';
import { createFreshTable, openDatabase } from '../dynamodb/database.js';
import type { LocalOptions } from './options.js';
import type { LocalPipelineSettings } from './pipeline-settings.js';
import { SILENT_PROGRESS, type Progress } from './progress.js';
import type { StageRunner } from './stage-runner.js';
import type { TableLocation } from './summary.js';
import { writeTableRows } from './table-check.js';

/** What the table's stages need of the run beyond its options. */
export interface TableStageDeps {
  readonly clock: () => number;
  readonly signal: AbortSignal;
  /** @defaultValue {@link SILENT_PROGRESS} */
  readonly progress?: Progress;
}

/** What the table's stages leave for the rest of the run; the database is closed by then. */
export interface TableStagesResult {
  /** The captured changes, with the generator's summary. */
  readonly capture: CaptureResult;
  /** The file of the table's rows, for the final checks (`writeTableRows`). */
  readonly tableRows: string;
  /** Items the scan found. */
  readonly tableItems: number;
}

/**
 * Run stages `database`, `generate_and_capture` (with the concurrent scan backfill when `--existing` is set) and
 * `scan`, then close the database, whatever happened.
 *
 * @param options - the run's options
 * @param deps - clock, abort signal, progress
 * @param settings - the run's settings
 * @param stages - the run's stages
 * @param lakeDir - the staging folder (its scratch folder holds dynalite's files, the stream and the table's rows)
 * @param location - learns the table once it exists
 * @returns the capture, the table's rows file and its item count
 */
export async function tableStages(
  options: LocalOptions,
  deps: TableStageDeps,
  settings: LocalPipelineSettings,
  stages: StageRunner,
  lakeDir: string,
  location: { table: TableLocation | null },
): Promise<TableStagesResult> {
  const progress = deps.progress ?? SILENT_PROGRESS;
  const database = await stages.run(
    'database',
    'start database',
    async () => {
      const db = await openDatabase(settings.region, options.endpoint, join(scratchDir(lakeDir), 'dynalite'));
      try {
        await createFreshTable(db, settings.tableName);
        return db;
      } catch (error) {
        await db.close();
        throw error;
      }
    },
    (db) => `${db.embedded ? 'dynalite' : 'endpoint'} ${db.endpoint}, table ${settings.tableName}`,
  );
  location.table = { table_name: settings.tableName, endpoint: database.endpoint, kept: !database.embedded };
  const tableRows = join(scratchDir(lakeDir), 'table-rows.jsonl');
  try {
    const label = 'generate + capture';
    const capture = await stages.run(
      'generate_and_capture',
      label,
      () =>
        generateAndCapture(database, settings, {
          ...options,
          signal: deps.signal,
          clock: deps.clock,
          onProgress: (detail) => progress.update(label, detail),
          spillDir: scratchDir(lakeDir),
          ...(options.existing > 0 && {
            duringLive: (captureStartMs: number) =>
              runScanBackfill({
                client: database.reader,
                tableName: settings.tableName,
                keyNames: settings.keyNames,
                lakeDir,
                captureStartMs,
                clock: deps.clock,
                signal: deps.signal,
              }),
          }),
        }),
      (c) =>
        `${c.run.succeeded}/${c.run.planned} operations, ${c.changes} stream records on ${settings.shardCount} shards` +
        (c.backfill
          ? `; ${c.history?.succeeded ?? 0} writes before capture, ${c.backfill.rows} snapshot rows backfilled during it`
          : ''),
      (c) => describeFailedWrites(c),
    );
    const tableItems = await stages.run(
      'scan',
      'scan table',
      () => writeTableRows(database.reader, settings.tableName, tableRows),
      (items) => `${items} items`,
    );
    return { capture, tableRows, tableItems };
  } finally {
    await database.close();
  }
}

/**
 * The run's scratch folder, inside its staging folder (so it goes when the results are published or discarded, and
 * sits on the disk of `--out`): what the run keeps on disk instead of in memory, such as the stream's records.
 */
export function scratchDir(lakeDir: string): string {
  const dir = join(lakeDir, '.scratch');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Why the generate stage failed, if it did: writes of the live traffic or of the history before capture. */
function describeFailedWrites(capture: CaptureResult): string | undefined {
  const parts = [capture.history, capture.run]
    .map((run, index) =>
      run !== undefined && run.failed > 0
        ? `${run.failed} of ${run.planned} ${index === 0 ? 'writes before capture' : 'writes'} failed (${formatCauses(run.failures)})`
        : undefined,
    )
    .filter((part) => part !== undefined);
  if (capture.backfill !== undefined && (!capture.backfill.complete || capture.backfill.failedItems > 0)) {
    parts.push(`the concurrent backfill did not write every item (${capture.backfill.failedItems} items failed)`);
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** `TimeoutError 3, ECONNREFUSED 2`: each cause by name. */
const formatCauses = (failures: Readonly<Record<string, number>>): string =>
  Object.entries(failures)
    .map(([cause, count]) => `${cause} ${count}`)
    .join(', ') || 'no cause recorded';
