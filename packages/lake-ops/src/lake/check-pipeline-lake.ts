/**
 * checkPipelineLake: the one check every `sales-lake` command makes of `--lake` before it reads or writes anything,
 * so a typo can neither certify an empty lake (reconcile, replay) nor create one (`--repair`, backfill).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NoSuchBucket } from '@aws-sdk/client-s3';
import { UsageError } from '@sales/command-line';
import { DATA_PREFIX, ERROR_PREFIX, LOCAL_LAKE_MARKER } from '@sales/pipeline-spec';
import type { LakeStore } from './lake-store.js';
import { LocalLakeStore } from './local-lake-store.js';

/** The prefixes only the pipeline writes: a lake holds an object under one of them, or is not the pipeline's. */
export const PIPELINE_PREFIXES: readonly string[] = [DATA_PREFIX, ERROR_PREFIX];

async function first<T>(iterable: AsyncIterable<T>): Promise<T | undefined> {
  for await (const value of iterable) return value;
  return undefined;
}

const errnoCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/** The first file of a folder, depth first in name order, found without walking the rest (`--lake ~` stays cheap). */
async function firstFile(folder: string, relative = ''): Promise<string | undefined> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const key = `${relative}${entry.name}`;
    if (entry.isFile()) return key;
    if (entry.isDirectory()) {
      const found = await firstFile(join(folder, entry.name), `${key}/`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * A local folder: it must exist and be a folder (nothing creates it); it is a lake when it is marked or has a
 * pipeline folder. Otherwise the first file it holds (or none) names what it is instead.
 */
async function checkFolder(lake: LocalLakeStore): Promise<{ lake: true } | { lake: false; holds?: string }> {
  const found = await stat(lake.root).catch((error: unknown) => {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw new UsageError(`--lake "${lake.root}" cannot be read (${errnoCode(error) ?? String(error)})`, {
      cause: error,
    });
  });
  if (found === undefined)
    throw new UsageError(
      `--lake "${lake.root}" does not exist; give the folder npm run local wrote (its --out) or s3://<lake bucket>/`,
    );
  if (!found.isDirectory())
    throw new UsageError(`--lake must be a folder or s3://<lake bucket>/, received the file "${lake.root}"`);
  for (const name of [LOCAL_LAKE_MARKER, ...PIPELINE_PREFIXES])
    if ((await stat(join(lake.root, name)).catch(() => undefined)) !== undefined) return { lake: true };
  const holds = await firstFile(lake.root);
  return holds === undefined ? { lake: false } : { lake: false, holds };
}

/** The first object under `prefix`; a bucket that does not exist is a usage error naming `--lake`. */
async function firstUnder(lake: LakeStore, prefix: string): Promise<string | undefined> {
  try {
    return (await first(lake.list(prefix)))?.key;
  } catch (error) {
    if (error instanceof NoSuchBucket || (error as Error | null)?.name === 'NoSuchBucket')
      throw new UsageError(
        `--lake "${lake.location}": no such bucket; give the stack's lake bucket (terraform output lake_bucket)`,
        {
          cause: error,
        },
      );
    throw error;
  }
}

/**
 * Refuses a `--lake` that is not the pipeline's lake: a folder that does not exist or is not a folder, a bucket that
 * does not exist, or a location with no object under `sales/` or `errors/` (a local folder that `npm run local`
 * marked, or that has a `sales/` or `errors/` folder, counts even while empty). A folder is read with a few `stat`s
 * and, to name what a foreign folder holds, down to its first file only; the bucket with one listing page of `sales/`,
 * then of `errors/`. Writes nothing.
 *
 * @param lake - The lake `--lake` named.
 * @throws {@link UsageError} naming `--lake` (exit 2), with what was found there.
 * @example
 * ```ts
 * await checkPipelineLake(new LocalLakeStore('/tmp/typo-lake'));
 * // throws: --lake "/tmp/typo-lake" does not exist; give the folder npm run local wrote (its --out) or s3://<lake bucket>/
 * ```
 */
export async function checkPipelineLake(lake: LakeStore): Promise<void> {
  let holds: string | undefined;
  if (lake instanceof LocalLakeStore) {
    const folder = await checkFolder(lake);
    if (folder.lake) return;
    holds = folder.holds;
  } else {
    // The bucket: one listing per prefix, the two the operator policies grant; it is not listed whole.
    for (const prefix of PIPELINE_PREFIXES) if ((await firstUnder(lake, prefix)) !== undefined) return;
  }
  throw new UsageError(
    holds === undefined
      ? `--lake "${lake.location}" holds nothing: no pipeline data under ${PIPELINE_PREFIXES.join(' or ')}; check the location`
      : `--lake "${lake.location}" is not the pipeline's lake: it holds ${holds} but nothing under ${PIPELINE_PREFIXES.join(' or ')}`,
  );
}
