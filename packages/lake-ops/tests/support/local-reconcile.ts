/**
 * useLocalReconcile: the set-up of the tests that run reconcile in-process against dynalite and a local lake: the
 * orders dynalite, a lake folder and a scratch folder for each test, and the options every such run shares.
 */
import { join } from 'node:path';
import { type TemporaryFolder, useTemporaryFolder } from '@sales/testing';
import { LocalLakeStore } from '../../src/lake/local-lake-store.js';
import type { ReconcileOptions } from '../../src/reconcile/reconcile.js';
import { type OrdersDynalite, useOrdersDynalite } from './orders-dynalite.js';

/** What {@link useLocalReconcile} gives a test block. */
export interface LocalReconcile {
  readonly dynalite: OrdersDynalite;
  /** The lake of the current test (its change log, and `current/` once merged). */
  readonly lake: TemporaryFolder;
  /**
   * reconcile's options for a table: 2 segments, 64 buckets, a 300 s fence margin, no repair, a fresh scratch folder.
   *
   * @param table - The table in dynalite.
   * @param overrides - Options to change for this run.
   */
  readonly options: (table: string, overrides?: Partial<ReconcileOptions>) => ReconcileOptions;
}

/**
 * Registers the jest hooks of dynalite (once) and of the lake and scratch folders (per test).
 *
 * @param prefix - The start of the folders' names, e.g. `reconcile-current-` for `reconcile-current-lake-…`.
 * @param defaults - Options every run of the block takes, e.g. `{ against: 'current' }`. @defaultValue - none
 * @returns The dynalite, the lake and the options builder.
 */
export function useLocalReconcile(prefix: string, defaults: Partial<ReconcileOptions> = {}): LocalReconcile {
  const dynalite = useOrdersDynalite();
  const lake = useTemporaryFolder(`${prefix}lake-`);
  const scratch = useTemporaryFolder(`${prefix}scratch-`);
  const options = (table: string, overrides: Partial<ReconcileOptions> = {}): ReconcileOptions => ({
    client: dynalite.client,
    lake: new LocalLakeStore(lake.path),
    table,
    keyName: 'order_id',
    segments: 2,
    fenceMargin: { seconds: 300, reason: 'set with --fence-margin-seconds' },
    buckets: 64,
    repair: false,
    scratchFolder: join(scratch.path, String(Math.random())),
    signal: new AbortController().signal,
    onProgress: () => undefined,
    ...defaults,
    ...overrides,
  });
  return { dynalite, lake, options };
}
