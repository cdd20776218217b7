/**
 * The `--out` folder: only ever replace what an earlier run wrote, and never leave it empty.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFolder, UsageError } from '@sales/command-line';
import { LAKE_CLOCK_FILE, LOCAL_LAKE_MARKER } from '@sales/pipeline-spec';
import { lockOutFolder, type OutLock } from './out-lock.js';

/** The file that marks a folder as written by `npm run local`. */
export const OUT_MARKER = LOCAL_LAKE_MARKER;

/** What a run owns in `--out`: replaced as a whole when a run publishes its results. */
export const OWNED_PATHS = [
  'sales',
  'recent',
  'errors',
  'recent-errors',
  'current',
  'logs',
  'summary.json',
  LAKE_CLOCK_FILE,
] as const;

/** Work folders of a run inside `--out` (new results, then the old ones while they are swapped). */
const STAGING_PREFIX = '.staging-';
const PREVIOUS_PREFIX = '.previous-';

/** A run's results being written beside the previous ones. */
export interface StagedOutput {
  /** The folder the run writes into (inside `--out`, so the final swap is a rename). */
  readonly dir: string;
  /** Replace the previous results with the staged ones (rename per owned path), then remove the work folders. */
  publish(): void;
  /** Drop the staged results; the previous ones stay as they were. */
  discard(): void;
}

const errnoCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/**
 * Check `--out` before any work: it is a folder (or can be created), it is writable, and it is empty or
 * carries the {@link OUT_MARKER} of an earlier run. Then it is locked for this run ({@link lockOutFolder}), and only
 * then are leftovers of a killed run (work folders) cleaned, restoring previous results that a swap had moved aside:
 * a live run's staging folder is never touched.
 *
 * @param out - absolute path of `--out`
 * @returns the lock, to release when the run ends; the folder exists and is marked
 * @throws {@link UsageError} naming `--out` for a file, a folder that cannot be created or written, a foreign
 *   folder, or a folder another live run holds
 * @example
 * ```ts
 * claimOutFolder('/home/me'); // throws: --out "/home/me" holds files that npm run local did not write ...
 * ```
 */
export function claimOutFolder(out: string): OutLock {
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new UsageError(`--out must be a folder, received the file "${out}"`);
  const entries = existsSync(out) ? readdirSync(out) : [];
  if (entries.length > 0 && !entries.includes(OUT_MARKER)) {
    throw new UsageError(
      `--out "${out}" holds files that npm run local did not write (no ${OUT_MARKER} marker); give an empty or new folder`,
    );
  }
  try {
    makeFolder(out);
    writeFileSync(
      join(out, OUT_MARKER),
      'Written by `npm run local`; a later run replaces sales/, recent/, errors/, recent-errors/, current/, logs/ and summary.json here.\n',
    );
  } catch (error) {
    throw new UsageError(`--out "${out}" cannot be written (${errnoCode(error) ?? (error as Error).message})`, {
      cause: error,
    });
  }
  const lock = lockOutFolder(out);
  recoverInterruptedSwap(out, readdirSync(out));
  return lock;
}

/** Put back previous results a killed swap had moved aside, and remove stale staging folders. */
function recoverInterruptedSwap(out: string, entries: readonly string[]): void {
  for (const entry of entries.filter((name) => name.startsWith(PREVIOUS_PREFIX))) {
    for (const path of OWNED_PATHS) {
      const moved = join(out, entry, path);
      if (existsSync(moved) && !existsSync(join(out, path))) renameSync(moved, join(out, path));
    }
    rmSync(join(out, entry), { recursive: true, force: true });
  }
  for (const entry of entries.filter((name) => name.startsWith(STAGING_PREFIX)))
    rmSync(join(out, entry), { recursive: true, force: true });
}

/**
 * Start writing a run's results beside the previous ones, in `<out>/.staging-<runId>`.
 *
 * @param out - a folder {@link claimOutFolder} accepted
 * @param runId - unique per run, e.g. the start time in base 36
 * @returns the staging folder and how to publish or discard it
 */
export function stageOutput(out: string, runId: string): StagedOutput {
  const dir = join(out, `${STAGING_PREFIX}${runId}`);
  const previous = join(out, `${PREVIOUS_PREFIX}${runId}`);
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    publish() {
      mkdirSync(previous, { recursive: true });
      for (const path of OWNED_PATHS) {
        if (existsSync(join(out, path))) renameSync(join(out, path), join(previous, path));
        if (existsSync(join(dir, path))) renameSync(join(dir, path), join(out, path));
      }
      rmSync(previous, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
    discard() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
