/**
 * writeResults: the files a run leaves at the top of its results besides the lake: `summary.json`, and the lake's
 * clock record when the run stamped its changes with this host's clock.
 */
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { formatLakeClock, LAKE_CLOCK_FILE } from '@sales/pipeline-spec';

/** Who the clock record names as the writer of a local lake. */
export const LOCAL_LAKE_WRITER = 'npm run local';

/**
 * Writes `summary.json` and, for a run on the real clock, {@link LAKE_CLOCK_FILE}: this host's clock stamped every
 * emulated stream record, so `sales-lake reconcile` on this host fences with no clock-skew margin.
 *
 * @param dir - The run's staged results folder.
 * @param summary - What `summary.json` holds.
 * @param hostClock - Whether the run's clock is this host's (not a clock a test injected).
 * @example
 * ```ts
 * writeResults(staged.dir, summary, true); // summary.json and lake-clock.json
 * ```
 */
export function writeResults(dir: string, summary: object, hostClock: boolean): void {
  writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  if (hostClock)
    writeFileSync(join(dir, LAKE_CLOCK_FILE), formatLakeClock({ writer: LOCAL_LAKE_WRITER, host: hostname() }));
}
