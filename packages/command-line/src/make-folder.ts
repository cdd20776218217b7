/**
 * makeFolder: `mkdir -p` for a folder a user names on the command line, that fails instead of spinning.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const errnoCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/**
 * Creates a folder and its missing parents, one level at a time, and throws on the first level that cannot be made.
 *
 * Node's own `mkdirSync(path, { recursive: true })` loops for ever, at full CPU and deaf to signals (the loop is
 * synchronous), when `mkdir` answers `ENOENT` although the parent exists: `/proc/foo`, or any pseudo file system
 * that refuses new entries (measured on Node 20.20.2: `--out /proc/foo` spun until killed). This walks up to the nearest existing ancestor and creates each missing level without
 * `recursive`, so every refusal surfaces as an error.
 *
 * @param path - An absolute folder path.
 * @returns When the folder exists (it may have existed before).
 * @throws The `mkdir` error (`ENOENT`, `EACCES`, `EROFS`, `ENOTDIR`, …) of the first level that cannot be created.
 * @example
 * ```ts
 * makeFolder('/tmp/a/b/c'); // creates a, b and c
 * makeFolder('/proc/foo');  // throws ENOENT at once
 * ```
 */
export function makeFolder(path: string): void {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      statSync(current);
      break;
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
    }
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
    }
  }
}
