/**
 * prepareLakeSide: `--lake` (with `--workgroup`/`--database`) to the lake side reconcile runs on: DuckDB for a
 * folder, Athena for the lake bucket. Checks first, opens later, so a bad command line fails before any work.
 */
import type { AthenaClient } from '@aws-sdk/client-athena';
import type { S3Client } from '@aws-sdk/client-s3';
import { UsageError } from '@sales/command-line';
import { DATA_PREFIX } from '@sales/pipeline-spec';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newRunId, openAthenaLakeSide } from './athena-lake-side.js';
import type { LakeStore } from '../lake/lake-store.js';
import { LocalLakeStore } from '../lake/local-lake-store.js';
import { S3LakeStore } from '../lake/s3-lake-store.js';
import type { AthenaTarget } from '../athena/athena-flags.js';
import type { LakeSide, ReconcileAgainst } from './lake-side.js';
import { openLocalLakeSide } from './local-lake-side.js';

/** An open lake side and how to put it away. */
export interface OpenedLakeSide {
  readonly side: LakeSide;
  /** Closes the side and deletes its scratch rows. @returns One line per scratch object left behind. */
  dispose(): Promise<string[]>;
}

/** The clients an s3:// lake needs, made on demand. */
export interface LakeSideClients {
  readonly s3: () => S3Client;
  readonly athena: () => AthenaClient;
}

/**
 * Checks that reconcile can compare the lake, and returns how to open its side.
 *
 * An s3:// lake must be the bucket root: the Glue tables Athena reads point at `s3://<bucket>/sales/`, so a lake
 * under another prefix cannot be compared there.
 *
 * @param lake - The lake `--lake` opened.
 * @param athena - `--workgroup` and `--database`, present exactly for an s3:// lake (see `validateAthenaFlags`).
 * @param clients - The AWS clients, for an s3:// lake.
 * @param now - The clock, for the run id. @defaultValue Date.now
 * @param against - What the table is judged against: the change log, or `orders_current`. @defaultValue 'log'
 * @returns A function opening the side; its `dispose()` also removes a local scratch folder.
 * @throws UsageError for an s3:// lake under a prefix.
 * @example
 * ```ts
 * const open = prepareLakeSide(openLake('.local', cwd), undefined, clients);
 * const { side, dispose } = await open(signal);
 * ```
 */
export function prepareLakeSide(
  lake: LakeStore,
  athena: AthenaTarget | undefined,
  clients: LakeSideClients,
  now: () => number = Date.now,
  against: ReconcileAgainst = 'log',
): (signal: AbortSignal) => Promise<OpenedLakeSide> {
  if (lake instanceof LocalLakeStore) {
    return async () => {
      const scratch = await mkdtemp(join(tmpdir(), 'sales-reconcile-'));
      const side = await openLocalLakeSide(lake, scratch, against).catch(async (error: unknown) => {
        await rm(scratch, { recursive: true, force: true });
        throw error;
      });
      return {
        side,
        dispose: async () => {
          const left = await side.close();
          await rm(scratch, { recursive: true, force: true });
          return left;
        },
      };
    };
  }
  if (!(lake instanceof S3LakeStore) || athena === undefined)
    throw new UsageError(
      `--lake must be a folder or s3://bucket with --workgroup and --database, received "${lake.location}"`,
    );
  if (lake.prefix !== '')
    throw new UsageError(
      `--lake must be the bucket root s3://${lake.bucket}/ on AWS: Athena's tables read s3://${lake.bucket}/${DATA_PREFIX} only, received "${lake.location}"`,
    );
  return async (signal) => {
    const side = openAthenaLakeSide({
      athena: clients.athena(),
      s3: clients.s3(),
      bucket: lake.bucket,
      workGroup: athena.workGroup,
      database: athena.database,
      run: newRunId(now()),
      signal,
      against,
    });
    return { side, dispose: () => side.close() };
  };
}
