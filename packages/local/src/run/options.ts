/**
 * validateLocalOptions: the parsed flags of `npm run local` -> typed, validated options.
 */
import { resolve } from 'node:path';
import { parseNumberInRange, parsePositiveInteger, parseUrl, UsageError, type FlagValues } from '@sales/command-line';
import { parseTimeSpan, type TimeSpan } from '@sales/generator';
import { MAX_EXISTING, MAX_LATE_FRACTION, MAX_ORDERS, OPTION_DEFAULTS, type LOCAL_FLAGS } from './flags.js';

/** Validated options of `npm run local`. */
export interface LocalOptions {
  /** Orders to place (the generator's puts); updates and deletes come on top. @defaultValue 300 */
  readonly orders: number;
  /**
   * Orders written before change capture starts (the table before the pipeline is deployed; not captured), then
   * backfilled by `sales-lake`'s scan, run concurrently with the live traffic. 0 for none. @defaultValue 0
   */
  readonly existing: number;
  /** Fraction of records Firehose delivers twice (at-least-once), 0 to 1. @defaultValue 0.05 */
  readonly duplicates: number;
  /** Fraction of records the emulated Lambda answers `ProcessingFailed`, 0 to 1. @defaultValue 0 */
  readonly injectFailures: number;
  /** Folder standing in for the lake bucket; its `sales/`, `errors/`, `logs/` are replaced. @defaultValue - `.local` at the repository root */
  readonly out: string;
  /** An existing DynamoDB-compatible endpoint. @defaultValue - an embedded dynalite on 127.0.0.1 */
  readonly endpoint?: string;
  /** `--start`: the first event's simulated time, epoch ms. @defaultValue - the real clock; with `--span` alone, now minus the span */
  readonly startMs?: number;
  /** `--span`: the changes' event times spread over [start, start + span), in ms. @defaultValue - no spread */
  readonly spanMs?: number;
  /**
   * Fraction of changes the pipe delivers late (arrival hours after their event time), 0 to {@link MAX_LATE_FRACTION}.
   * @defaultValue 0.02 with `--span`, else 0
   */
  readonly lateFraction?: number;
  /** Seed of the generator plan, of the re-delivery dice and of injected failures. @defaultValue 'local' */
  readonly seed: string;
  /** No progress lines on stderr. @defaultValue false */
  readonly quiet: boolean;
}

const notEmpty = (flag: string, text: string | undefined): void => {
  if (text !== undefined && text.trim() === '') throw new UsageError(`${flag} must not be empty`);
};

/**
 * Check ranges and turn flag text into options, with the wording every CLI uses.
 *
 * @param values - from `parseFlags(LOCAL_FLAGS, argv)`
 * @param repoRoot - where the default `--out` lives
 * @param cwd - what a relative `--out` is relative to: the user's directory (npm runs scripts at
 *   the repository root and passes the user's directory as `INIT_CWD`)
 * @returns the options
 * @throws {@link UsageError} naming the flag and the value received
 * @example
 * ```ts
 * validateLocalOptions({ orders: '-5' }, '/repo', '/repo');
 * // throws UsageError('--orders must be a positive integer, received "-5"')
 * ```
 */
export function validateLocalOptions(
  values: FlagValues<typeof LOCAL_FLAGS>,
  repoRoot: string,
  cwd: string,
): LocalOptions {
  const fraction = { min: 0, max: 1 };
  notEmpty('--seed', values.seed);
  notEmpty('--out', values.out);
  const orders = parsePositiveInteger('--orders', values.orders ?? String(OPTION_DEFAULTS.orders), MAX_ORDERS);
  const existing = parseNumberInRange('--existing', values.existing ?? String(OPTION_DEFAULTS.existing), {
    min: 0,
    max: MAX_EXISTING,
    integer: true,
  });
  const time = parseTimeSpan(values.start, values.span);
  // The concurrent backfill fences its snapshot rows on the clock that stamps the stream; a simulated one gives none.
  if (existing > 0 && inSimulatedTime(time))
    throw new UsageError('--existing cannot be combined with --start or --span: its backfill fences on the real clock');
  const lateDefault = time.spanMs === undefined ? 0 : OPTION_DEFAULTS.lateFractionWithSpan;
  return {
    orders,
    existing,
    duplicates: parseNumberInRange('--duplicates', values.duplicates ?? String(OPTION_DEFAULTS.duplicates), fraction),
    injectFailures: parseNumberInRange(
      '--inject-failures',
      values['inject-failures'] ?? String(OPTION_DEFAULTS.injectFailures),
      fraction,
    ),
    ...time,
    lateFraction: parseNumberInRange('--late-fraction', values['late-fraction'] ?? String(lateDefault), {
      min: 0,
      max: MAX_LATE_FRACTION,
    }),
    out: values.out === undefined ? resolve(repoRoot, OPTION_DEFAULTS.out) : resolve(cwd, values.out),
    ...(values.endpoint === undefined
      ? {}
      : { endpoint: parseUrl('--endpoint', values.endpoint).href.replace(/\/$/, '') }),
    seed: values.seed ?? OPTION_DEFAULTS.seed,
    quiet: values.quiet ?? false,
  };
}

/**
 * Whether a run lives in simulated time: `--start` or `--span` given. Its changes are then stamped with their own
 * operations' times, not by this host's clock.
 *
 * @param time - the run's `startMs` and `spanMs`
 * @returns true when either is set
 * @example
 * ```ts
 * inSimulatedTime({ spanMs: 86_400_000 }); //=> true
 * inSimulatedTime({}); //=> false
 * ```
 */
export function inSimulatedTime(time: TimeSpan): boolean {
  return time.startMs !== undefined || time.spanMs !== undefined;
}
