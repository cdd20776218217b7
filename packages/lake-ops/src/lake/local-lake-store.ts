/**
 * LocalLakeStore: a folder standing in for the lake bucket (`npm run local` writes `.local/`).
 */
import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, relative, sep } from 'node:path';
import type { LakeObjectInfo, LakeStore } from './lake-store.js';

/** Temporary files are written beside their target with this suffix, then renamed over it. */
const PARTIAL_SUFFIX = '.partial';

async function* walk(folder: string): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && !entry.name.endsWith(PARTIAL_SUFFIX)) yield path;
  }
}

/**
 * A {@link LakeStore} over a local folder. Writes go to a temporary file that is renamed over the target, so an
 * interrupted run never leaves half an object behind.
 *
 * @example
 * ```ts
 * const lake = new LocalLakeStore('.local');
 * await lake.write('sales/year=2025/month=01/day=15/hour=10/x.json.gz', body);
 * ```
 */
export class LocalLakeStore implements LakeStore {
  /** @param root - The folder that stands in for the bucket. */
  constructor(readonly root: string) {}

  get location(): string {
    return this.root;
  }

  async *list(prefix: string): AsyncIterable<LakeObjectInfo> {
    const start = this.pathOf(prefix.endsWith('/') ? prefix : dirname(prefix));
    const keys: LakeObjectInfo[] = [];
    for await (const path of walk(start)) {
      const key = relative(this.root, path).split(sep).join('/');
      if (key.startsWith(prefix)) keys.push({ key, bytes: (await stat(path)).size });
    }
    yield* keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async read(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(key: string, body: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}${PARTIAL_SUFFIX}`;
    await writeFile(partial, body);
    await rename(partial, path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** The file path of a key; refuses keys that would leave the root. */
  private pathOf(key: string): string {
    const normalized = normalize(key === '' ? '.' : key);
    if (normalized.startsWith('..') || normalized.startsWith(sep) || normalized.includes(`${sep}..${sep}`)) {
      throw new Error(`object key "${key}" would leave the lake folder ${this.root}`);
    }
    return join(this.root, normalized);
  }
}
