/**
 * The lake's clock record: which clock stamped the change rows of a lake, so a tool that fences by time (reconcile,
 * backfill) knows how much skew it must allow between that clock and its own.
 *
 * On AWS, DynamoDB Streams stamps `ApproximateCreationDateTime` and the operator's machine times a Scan: two clocks,
 * so the fence keeps a margin. `npm run local` stamps its emulated stream records with the machine's own clock and
 * records that here, at the lake root; a tool on the same host then knows both sides share one clock.
 */

/** The file at the lake root that records which clock stamped the lake's change rows. */
export const LAKE_CLOCK_FILE = 'lake-clock.json';

/** What {@link LAKE_CLOCK_FILE} holds. */
export interface LakeClock {
  /** Who wrote the lake's change rows and stamped them (e.g. `npm run local`). */
  readonly writer: string;
  /** The host whose clock stamped every change row (`os.hostname()`). */
  readonly host: string;
}

/**
 * Reads a {@link LAKE_CLOCK_FILE}.
 *
 * @param text - The file's text.
 * @returns The record, or `undefined` when the text is not one (a tool then assumes two clocks).
 * @example
 * ```ts
 * parseLakeClock('{"writer":"npm run local","host":"ci-1"}'); //=> { writer: 'npm run local', host: 'ci-1' }
 * parseLakeClock('not json');                                  //=> undefined
 * ```
 */
export function parseLakeClock(text: string): LakeClock | undefined {
  try {
    const value = JSON.parse(text) as Partial<LakeClock> | null;
    return typeof value?.writer === 'string' && typeof value.host === 'string'
      ? { writer: value.writer, host: value.host }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The text of a {@link LAKE_CLOCK_FILE}.
 *
 * @param clock - Writer and host.
 * @returns JSON, ending in a newline.
 * @example
 * ```ts
 * formatLakeClock({ writer: 'npm run local', host: 'ci-1' }); //=> '{\n  "writer": "npm run local",\n  "host": "ci-1"\n}\n'
 * ```
 */
export function formatLakeClock(clock: LakeClock): string {
  return `${JSON.stringify({ writer: clock.writer, host: clock.host }, null, 2)}\n`;
}
