/**
 * Reading a lake folder in tests: the local stand-in for the lake bucket that `npm run local`, `sales-lake` on
 * `--lake <folder>` and the tests write (keys as paths, GZIP JSON lines under `sales/`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Every key under a folder, relative to the lake root, with `/` separators, sorted.
 *
 * @param root - The lake folder.
 * @param under - A sub-folder, e.g. `sales`. @defaultValue - the whole lake
 * @returns The keys; none when the folder does not exist.
 * @example
 * ```ts
 * lakeKeys('/tmp/lake', 'errors/processing-failed');
 * //=> ['errors/processing-failed/year=2025/month=01/day=15/sales-dev-changes-1-2025-01-15-10-59-00-….json.gz']
 * ```
 */
export function lakeKeys(root: string, under = ''): string[] {
  const walk = (folder: string): string[] => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return [];
    }
    return names.flatMap((name) =>
      statSync(join(folder, name)).isDirectory() ? walk(join(folder, name)) : [join(folder, name)],
    );
  };
  return walk(join(root, under))
    .map((path) => relative(root, path).split(sep).join('/'))
    .sort();
}

/**
 * How many rows the lake holds per `cdc_event_id`, over every data object under `sales/`: 1 for each change when the
 * lake holds every change once.
 *
 * @param root - The lake folder.
 * @returns Counts by event id.
 * @example
 * ```ts
 * rowsPerEventId('/tmp/lake'); //=> { 'c0ffee…': 1, 'beef…': 1 }
 * ```
 */
export function rowsPerEventId(root: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of lakeKeys(root, 'sales')) {
    const text = gunzipSync(readFileSync(join(root, key))).toString('utf8');
    for (const line of text.split('\n').filter((l) => l !== '')) {
      const id = (JSON.parse(line) as { cdc_event_id: string }).cdc_event_id;
      counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  return counts;
}
