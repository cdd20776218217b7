/**
 * openAthenaLakeSide: reconcile on AWS: the comparison runs in Athena, in the stack's workgroup, over the lake
 * bucket's Glue tables; the scratch rows are written to the bucket's `reconcile/` prefix and deleted at the end.
 */
import type { AthenaClient } from '@aws-sdk/client-athena';
import type { S3Client } from '@aws-sdk/client-s3';
import { S3LakeStore } from '../lake/s3-lake-store.js';
import { openBucketLakeSide } from './bucket-lake-side.js';
import { againstCurrent, currentStateRelations } from './current-state-side.js';
import type { LakeSide, ReconcileAgainst } from './lake-side.js';
import { ATHENA_TYPED_TEXT } from './typed-text.js';
import { AthenaComparison } from './athena-comparison.js';
import { changeLinesRelation, scratchRowsRelation } from '../athena/athena-locations.js';
import type { PollDelays } from '../athena/run-athena-query.js';

/** What {@link openAthenaLakeSide} needs. */
export interface AthenaLakeSideOptions {
  readonly athena: AthenaClient;
  readonly s3: S3Client;
  /** The lake bucket (stack output `lake_bucket`); its tables read `s3://<bucket>/sales/`. */
  readonly bucket: string;
  /** Stack output `athena_workgroup`. */
  readonly workGroup: string;
  /** Stack output `glue_database`. */
  readonly database: string;
  /** The run's id (see {@link newRunId}). */
  readonly run: string;
  /** Aborting it stops the running query. */
  readonly signal: AbortSignal;
  /** @defaultValue - `DEFAULT_POLL_DELAYS` */
  readonly pollDelays?: PollDelays;
  /** What the table is judged against: the change log, or the Iceberg table `orders_current`. @defaultValue 'log' */
  readonly against?: ReconcileAgainst;
}

/**
 * A run's id: `r-` and the start time in microseconds, so runs sort by time and two runs never share a folder.
 *
 * @param nowMs - The clock, ms since the epoch.
 * @returns e.g. `r-1764568800000000`
 * @example
 * ```ts
 * newRunId(1_764_568_800_000); //=> 'r-1764568800000000'
 * ```
 */
export function newRunId(nowMs: number): string {
  return `r-${Math.round(nowMs * 1000)}`;
}

/**
 * Opens the Athena lake side: over the change lines, or with `against` `current` over the Iceberg tables
 * `orders_current` and `orders_current_tombstones` of the same database.
 *
 * @param options - Clients, bucket, workgroup, database, run, signal, what to judge against.
 * @returns The lake side; `close()` deletes the run's scratch objects and returns those it could not delete.
 */
export function openAthenaLakeSide(options: AthenaLakeSideOptions): LakeSide {
  const engine = new AthenaComparison({
    client: options.athena,
    workGroup: options.workGroup,
    database: options.database,
    run: options.run,
    signal: options.signal,
    ...(options.pollDelays === undefined ? {} : { pollDelays: options.pollDelays }),
  });
  const side = openBucketLakeSide({
    engine,
    objectsUnder: (prefix) => new S3LakeStore(options.s3, options.bucket, prefix),
    lakeRows: () => changeLinesRelation(options.database),
    scratchRows: (runId) => scratchRowsRelation(options.database, runId),
    run: options.run,
  });
  if (options.against !== 'current') return side;
  return { ...side, ...againstCurrent(engine, ATHENA_TYPED_TEXT, currentStateRelations(options.database)) };
}
