/**
 * openBucketLakeSide: a lake side whose scratch rows live in the lake bucket itself, under
 * `reconcile/<run>-table/` and `reconcile/<run>-recheck/`, where the engine reads them (Athena: the
 * `reconcile_rows` table, one partition per folder), and which deletes them when closed.
 */
import { reconcileRunPrefix } from '@sales/pipeline-spec';
import type { LakeStore } from '../lake/lake-store.js';
import type { ComparisonEngine } from './find-drift.js';
import type { LakeSide } from './lake-side.js';
import { TrackedLakeStore } from './tracked-lake-store.js';

/**
 * The scratch folders of a run: one partition value each, since a partition of the injected projection is exactly
 * one folder `reconcile/<value>/`.
 *
 * @param run - The run's id, `[a-z0-9-]`.
 * @returns The partition values of the table-side rows and of the re-check rows.
 * @example
 * ```ts
 * scratchRunIds('r-1764568800000000'); //=> { table: 'r-1764568800000000-table', recheck: 'r-1764568800000000-recheck' }
 * ```
 */
export function scratchRunIds(run: string): { table: string; recheck: string } {
  return { table: `${run}-table`, recheck: `${run}-recheck` };
}

/** What {@link openBucketLakeSide} needs. */
export interface BucketLakeSideOptions {
  /** The engine. */
  readonly engine: ComparisonEngine;
  /** The lake bucket's objects under a key prefix (`reconcile/<id>/`), as a store. */
  readonly objectsUnder: (prefix: string) => LakeStore;
  /** The lake's change rows in the engine's terms. */
  readonly lakeRows: () => string;
  /** One scratch folder's rows in the engine's terms, by its partition value. */
  readonly scratchRows: (runId: string) => string;
  /** The run's id. */
  readonly run: string;
  /** Releases the engine. @defaultValue - nothing to release */
  readonly closeEngine?: () => void;
}

/**
 * Builds the lake side: the engine, the lake's rows, and the two scratch folders of the run, whose objects are
 * deleted by `close()` (also after a failure or Ctrl-C, since the caller closes in `finally`).
 *
 * @param options - Engine, bucket, locations, run.
 * @returns The lake side.
 * @throws Error for a run id that is not `[a-z0-9-]{1,128}` (it names a folder and a SQL literal).
 */
export function openBucketLakeSide(options: BucketLakeSideOptions): LakeSide {
  const ids = scratchRunIds(options.run);
  const table = new TrackedLakeStore(options.objectsUnder(reconcileRunPrefix(ids.table)));
  const recheck = new TrackedLakeStore(options.objectsUnder(reconcileRunPrefix(ids.recheck)));
  return {
    against: 'log',
    engine: options.engine,
    lakeRows: options.lakeRows,
    tableRows: { store: table, location: () => options.scratchRows(ids.table) },
    recheckRows: { store: recheck, location: () => options.scratchRows(ids.recheck) },
    close: async () => {
      options.closeEngine?.();
      return [...(await table.removeWritten()), ...(await recheck.removeWritten())];
    },
  };
}
