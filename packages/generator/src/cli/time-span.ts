/**
 * Simulated time: the `--start` and `--span` flags that spread a run's event times over [start, start + span),
 * their limits, and the start a run takes when only a span is given.
 */
import { UsageError } from '@sales/command-line';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Limits of simulated time. The whole span lies within the years 2000 to 2099, so partition folders keep
 * four-digit years and a typo such as `0202-…` or `20266-…` is refused rather than written into the lake; a span runs
 * from 1 s to 366 days (a leap year of traffic).
 */
export const TIME_SPAN_LIMITS = {
  /** Earliest `--start`: 2000-01-01T00:00:00Z. */
  earliestMs: Date.UTC(2000, 0, 1),
  /** `--start` plus `--span` ends by 2100-01-01T00:00:00Z. */
  latestMs: Date.UTC(2100, 0, 1),
  /** Shortest `--span`: 1 s. */
  minSpanMs: 1000,
  /** Longest `--span`: 366 d. */
  maxSpanMs: 366 * DAY_MS,
} as const;

/** The simulated time of a run: where its event times start, and over how long they spread. */
export interface TimeSpan {
  /** Epoch ms of the first event; undefined: the run's own clock decides ({@link resolveStartMs}). */
  readonly startMs?: number;
  /** Length of the spread in ms; undefined: no spread. */
  readonly spanMs?: number;
}

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: HOUR_MS, d: DAY_MS };
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z$/;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** `--start`'s allowed range as `--help` and the messages say it. */
export const START_RANGE_TEXT = `${iso(TIME_SPAN_LIMITS.earliestMs)} to ${iso(TIME_SPAN_LIMITS.latestMs)}`;

/** `--span`'s allowed range as `--help` and the messages say it. */
export const SPAN_RANGE_TEXT = '1s to 366d';

/**
 * Reads an ISO-8601 UTC instant: `YYYY-MM-DDTHH:MM`, with optional seconds and milliseconds, ending in `Z`.
 *
 * @param flag - The flag as written, e.g. `--start`.
 * @param text - The value received.
 * @returns Epoch milliseconds.
 * @throws {@link UsageError} for another form, a date that does not exist, or an instant outside {@link START_RANGE_TEXT}.
 * @example
 * ```ts
 * parseStart('--start', '2026-11-01T00:00:00Z'); //=> 1793404800000
 * parseStart('--start', '2026-11-01');           // throws: --start must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z, received "2026-11-01"
 * ```
 */
export function parseStart(flag: string, text: string): number {
  const match = INSTANT.exec(text);
  const [year, month, day, hour, minute, second = '0', fraction = '0'] = match?.slice(1) ?? [];
  const ms = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    Number(fraction.padEnd(3, '0')),
  );
  // Date.UTC rolls 2026-02-30 over into March (and years 0-99 into 1900-1999): a value that does not exist reads back
  // differently.
  const canonical = `${year}-${month}-${day}T${hour}:${minute}:${second.padStart(2, '0')}.${fraction.padEnd(3, '0')}Z`;
  if (match === null || Number.isNaN(ms) || new Date(ms).toISOString() !== canonical)
    throw new UsageError(`${flag} must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z, received "${text}"`);
  if (ms < TIME_SPAN_LIMITS.earliestMs || ms >= TIME_SPAN_LIMITS.latestMs)
    throw new UsageError(`${flag} must be from ${START_RANGE_TEXT}, received "${text}"`);
  return ms;
}

/**
 * Reads a duration: a whole number and a unit, `s`, `m`, `h` or `d` (`90m`, `36h`, `7d`).
 *
 * @param flag - The flag as written, e.g. `--span`.
 * @param text - The value received.
 * @returns The duration in ms.
 * @throws {@link UsageError} for another form, or a duration outside {@link SPAN_RANGE_TEXT}.
 * @example
 * ```ts
 * parseSpan('--span', '36h'); //=> 129600000
 * parseSpan('--span', '2w');  // throws: --span must be a duration such as 90m, 36h or 7d (unit s, m, h or d), received "2w"
 * ```
 */
export function parseSpan(flag: string, text: string): number {
  const match = /^(\d{1,9})([smhd])$/.exec(text);
  if (match === null)
    throw new UsageError(`${flag} must be a duration such as 90m, 36h or 7d (unit s, m, h or d), received "${text}"`);
  const ms = Number(match[1]) * (UNIT_MS[match[2] as string] as number);
  if (ms < TIME_SPAN_LIMITS.minSpanMs || ms > TIME_SPAN_LIMITS.maxSpanMs)
    throw new UsageError(`${flag} must be from ${SPAN_RANGE_TEXT}, received "${text}"`);
  return ms;
}

/**
 * Reads `--start` and `--span` together: each on its own, then their end against the latest instant allowed.
 *
 * @param start - `--start`'s text, if given.
 * @param span - `--span`'s text, if given.
 * @returns The time span; empty when neither flag was given.
 * @throws {@link UsageError} naming the flag at fault.
 * @example
 * ```ts
 * parseTimeSpan('2026-11-01T00:00:00Z', '7d'); //=> { startMs: 1793404800000, spanMs: 604800000 }
 * parseTimeSpan('2099-12-31T00:00:00Z', '7d'); // throws: --span must end by 2100-01-01T00:00:00Z: --start 2099-12-31T00:00:00Z plus 7d ends 2100-01-07T00:00:00Z
 * ```
 */
export function parseTimeSpan(start: string | undefined, span: string | undefined): TimeSpan {
  const startMs = start === undefined ? undefined : parseStart('--start', start);
  const spanMs = span === undefined ? undefined : parseSpan('--span', span);
  if (startMs !== undefined && spanMs !== undefined && startMs + spanMs > TIME_SPAN_LIMITS.latestMs)
    throw new UsageError(
      `--span must end by ${iso(TIME_SPAN_LIMITS.latestMs)}: --start ${start} plus ${span} ends ${iso(startMs + spanMs)}`,
    );
  return { ...(startMs === undefined ? {} : { startMs }), ...(spanMs === undefined ? {} : { spanMs }) };
}

/**
 * Where a run's event times start: `--start` if given; with only `--span`, the span that ends now (so no event lies in
 * the future); with neither, now.
 *
 * @param time - The parsed flags.
 * @param nowMs - The caller's clock, epoch ms.
 * @returns Epoch ms of the first event.
 * @example
 * ```ts
 * resolveStartMs({ spanMs: 3_600_000 }, Date.UTC(2026, 10, 1, 12)); //=> Date.UTC(2026, 10, 1, 11)
 * ```
 */
export function resolveStartMs(time: TimeSpan, nowMs: number): number {
  return time.startMs ?? nowMs - (time.spanMs ?? 0);
}
