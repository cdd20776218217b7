/**
 * The values two `sales-lake` subcommands read the table with, checked once: Scan segments (backfill, reconcile) and
 * the fence margin (backfill, reconcile). Each subcommand words its own `--help` line for them.
 */
import { parseNumberInRange, parsePositiveInteger } from '@sales/command-line';
import { MAX_FENCE_MARGIN_SECONDS } from '@sales/pipeline-spec';

/** Segments a parallel Scan reads at once when `--segments` is not given. */
export const DEFAULT_SEGMENTS = 4;

/** `TotalSegments` maximum. @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html */
const MAX_SEGMENTS = 1_000_000;

/**
 * `--segments`, or its default.
 *
 * @param text - The flag's value, if given.
 * @returns Segments, 1 to 1,000,000.
 * @throws UsageError naming `--segments` for anything else.
 * @example
 * ```ts
 * parseSegments(undefined); //=> 4
 * ```
 */
export function parseSegments(text: string | undefined): number {
  return text === undefined ? DEFAULT_SEGMENTS : parsePositiveInteger('--segments', text, MAX_SEGMENTS);
}

/**
 * `--fence-margin-seconds`, if given (the default depends on the lake: `chooseFenceMargin`).
 *
 * @param text - The flag's value, if given.
 * @returns Whole seconds, 0 to 86,400; `undefined` when not given.
 * @throws UsageError naming `--fence-margin-seconds` for anything else.
 * @example
 * ```ts
 * parseFenceMarginSeconds('60'); //=> 60
 * ```
 */
export function parseFenceMarginSeconds(text: string | undefined): number | undefined {
  return text === undefined
    ? undefined
    : parseNumberInRange('--fence-margin-seconds', text, { min: 0, max: MAX_FENCE_MARGIN_SECONDS, integer: true });
}
