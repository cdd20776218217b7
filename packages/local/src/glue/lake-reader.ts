import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gunzipSync } from 'node:zlib';

/** One data object of the lake, decoded. */
export interface LakeFile {
  /** Key relative to the lake root, `/`-separated. */
  readonly key: string;
  /** Hive partition values from the folder names (`year=2025` -> `{ year: '2025' }`), outermost first. */
  readonly partitions: Readonly<Record<string, string>>;
  /** The newline-delimited JSON rows, parsed. */
  readonly rows: ReadonlyArray<Record<string, unknown>>;
  /** The same rows as written (number digits and duplicate keys intact), for the readability check. */
  readonly lines: readonly string[];
}

/**
 * List the files under `prefix` of a local lake, sorted by key.
 *
 * @param root - lake folder
 * @param prefix - e.g. `sales/`
 * @returns keys relative to `root`; none when the prefix does not exist
 */
export function listLakeKeys(root: string, prefix: string): string[] {
  const folder = join(root, prefix);
  let entries: string[];
  try {
    entries = readdirSync(folder, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries
    .map((entry) => join(folder, entry))
    .filter((path) => path.endsWith('.gz'))
    .map((path) => relative(root, path).split(sep).join('/'))
    .sort();
}

/**
 * Read every GZIP JSON-lines object under `prefix` whole, with its Hive partition values: for small lakes (tests);
 * a crawl reads a line at a time ({@link streamLakeLines}).
 *
 * @param root - lake folder
 * @param prefix - data prefix, e.g. `sales/`
 * @returns the files, sorted by key
 * @throws Error naming the file and line when a line is not JSON
 */
export function readLake(root: string, prefix: string): LakeFile[] {
  return listLakeKeys(root, prefix).map((key) => readLakeFile(root, prefix, key));
}

/** One object of {@link readLake}, decoded whole. */
function readLakeFile(root: string, prefix: string, key: string): LakeFile {
  const text = gunzipSync(readFileSync(join(root, key))).toString('utf8');
  const lines = text.split('\n').filter((line) => line.length > 0);
  const rows = lines.map((line, index) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${key} line ${index + 1} is not JSON`, { cause: error });
    }
  });
  return { key, partitions: partitionsOf(prefix, key), rows, lines };
}

/**
 * Hive partition values from an object's folder names (`year=2025` -> `{ year: '2025' }`), outermost first.
 *
 * @param prefix - data prefix, e.g. `sales/`
 * @param key - the object's key
 * @returns the values
 */
export function partitionsOf(prefix: string, key: string): Record<string, string> {
  const folders = key.slice(prefix.length).split('/').slice(0, -1);
  return Object.fromEntries(
    folders.filter((f) => f.includes('=')).map((f) => [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)]),
  );
}

/**
 * The non-empty lines of one GZIP JSON-lines object, decompressed and split as they stream from disk: memory holds
 * a line, not the object (an object holds up to the S3 buffer size, 64 MiB and more uncompressed).
 *
 * @param root - lake folder
 * @param key - the object's key, from {@link listLakeKeys}
 * @returns the lines as written, in order
 */
export async function* streamLakeLines(root: string, key: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(join(root, key)).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.length > 0) yield line;
}
