/**
 * chooseFenceMargin: the clock-skew margin a command fences with, and why, when `--fence-margin-seconds` is not given.
 */
import { hostname } from 'node:os';
import { LAKE_CLOCK_FILE, parseLakeClock } from '@sales/pipeline-spec';
import { DEFAULT_FENCE_MARGIN_SECONDS } from '../rows/fence.js';
import type { LakeStore } from './lake-store.js';
import { LocalLakeStore } from './local-lake-store.js';

/** What `--help` gives as the default of `--fence-margin-seconds`. */
export const FENCE_MARGIN_DEFAULT_TEXT = `${DEFAULT_FENCE_MARGIN_SECONDS}; 0 for a lake npm run local wrote on this host (one clock)`;

/** The margin a run fences with, and the reason the report gives for it. */
export interface FenceMargin {
  readonly seconds: number;
  readonly reason: string;
}

/** What {@link chooseFenceMargin} decides from. */
export interface FenceMarginInput {
  /** `--fence-margin-seconds`, when given. */
  readonly given: number | undefined;
  /** The lake. */
  readonly lake: LakeStore;
  /** Whether this host's clock times the table reads (a Scan), rather than DynamoDB's (an export's `ExportTime`). */
  readonly hostTimesTableReads: boolean;
  /** This host's name. @defaultValue os.hostname() */
  readonly host?: string;
}

/**
 * The margin: the flag's value if given; 0 s when a local lake's {@link LAKE_CLOCK_FILE} says this host's clock
 * stamped its changes and this host also times the table reads (one clock: no skew to absorb); otherwise
 * {@link DEFAULT_FENCE_MARGIN_SECONDS}, for skew between this host and the clock that stamps DynamoDB stream records.
 *
 * @param input - The flag, the lake, who times the table reads.
 * @returns Seconds and reason.
 * @example
 * ```ts
 * await chooseFenceMargin({ given: undefined, lake: new LocalLakeStore('.local'), hostTimesTableReads: true });
 * //=> { seconds: 0, reason: 'one clock: this host stamped the lake's changes (npm run local, lake-clock.json) and times the table reads' }
 * ```
 */
export async function chooseFenceMargin(input: FenceMarginInput): Promise<FenceMargin> {
  if (input.given !== undefined) return { seconds: input.given, reason: 'set with --fence-margin-seconds' };
  const twoClocks: FenceMargin = {
    seconds: DEFAULT_FENCE_MARGIN_SECONDS,
    reason:
      "the default: allows for skew between the clock that stamped the lake's changes (DynamoDB Streams) and the one that times the table reads",
  };
  if (!(input.lake instanceof LocalLakeStore) || !input.hostTimesTableReads) return twoClocks;
  const text = await input.lake.read(LAKE_CLOCK_FILE);
  const clock = text === undefined ? undefined : parseLakeClock(text.toString('utf8'));
  if (clock === undefined || clock.host !== (input.host ?? hostname())) return twoClocks;
  return {
    seconds: 0,
    reason: `one clock: this host stamped the lake's changes (${clock.writer}, ${LAKE_CLOCK_FILE}) and times the table reads`,
  };
}
