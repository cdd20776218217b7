/**
 * LakeSide: what reconcile's orchestration needs from where the lake lives: the engine that runs the comparison,
 * the lake's rows in the engine's terms, and two scratch places for the table-side rows and the re-check rows.
 * Locally: DuckDB and folders (`local-lake-side.ts`); on AWS: Athena and the lake bucket (`athena-lake-side.ts`).
 */
import type { LakeStore } from '../lake/lake-store.js';
import type { ComparisonEngine } from './find-drift.js';

/** A scratch place for row objects: where they are written, and how the engine reads them. */
export interface ScratchRows {
  /** Where the row objects are written (GZIP JSON lines). */
  readonly store: LakeStore;
  /** The rows in the engine's terms, asked each time a query is rendered (a folder may have gained its first object). */
  readonly location: () => string;
}

/**
 * Which current state of the lake reconcile judges the table against: `log`, the change log's latest row per key (the
 * default); `current`, the merged `orders_current` table.
 */
export type ReconcileAgainst = 'log' | 'current';

/** The last successful merge of `orders_current`, as its merge log records it. */
export interface LastMerge {
  readonly run_id: string;
  /** ISO-8601 UTC: the merge read the change log up to this instant. */
  readonly read_until: string;
}

/** Where the comparison runs. */
export interface LakeSide {
  /** What the lake's rows are: the change log, or `orders_current`. */
  readonly against: ReconcileAgainst;
  /**
   * The item columns the lake side can hold, when it cannot hold any other (`orders_current` has its declared columns
   * only): the table's other columns are not judged. @defaultValue - every column either side has
   */
  readonly judgedColumns?: readonly string[];
  /** `orders_current` only: its last merge, or null when none is recorded. */
  readonly lastMerge?: () => Promise<LastMerge | null>;
  /** The engine the comparison's SQL is rendered for and run on. */
  readonly engine: ComparisonEngine;
  /** The lake's change rows (every row under `sales/`) in the engine's terms, asked when a query is rendered. */
  readonly lakeRows: () => string;
  /** The table's items as snapshot rows, one object per Scan page. */
  readonly tableRows: ScratchRows;
  /** The re-read rows of the keys stage 2 found. */
  readonly recheckRows: ScratchRows;
  /**
   * Releases the engine and deletes the scratch rows. Never throws: what it could not delete is returned, one line
   * per object, for the caller to report.
   */
  close(): Promise<string[]>;
}
