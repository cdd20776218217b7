/** Event times must be below this many µs (1e16, year 2286), so they have at most 16 digits and the sort key stays fixed-width. */
export const EVENT_TIME_LIMIT_MICROS = 1e16;

/**
 * Normalise an epoch timestamp of unknown unit to microseconds, inferring the unit from its
 * magnitude: below 1e11 it is seconds (Pipe-delivered stream records, possibly fractional),
 * below 1e14 milliseconds (Kinesis Data Streams for DynamoDB, and Firehose arrival times),
 * otherwise microseconds (KDS with `ApproximateCreationDateTimePrecision = MICROSECOND`).
 *
 * @param value - `ApproximateCreationDateTime` or another epoch time
 * @returns whole microseconds since the epoch, or `undefined` when `value` is not a positive
 *   finite number or is not below `1e16` µs (year 2286)
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/kds.html
 * @example
 * ```ts
 * toEpochMicros(1736937011);       //=> 1736937011000000
 * toEpochMicros(1736940612118);    //=> 1736940612118000
 * toEpochMicros(1736940612118342); //=> 1736940612118342
 * ```
 */
export function toEpochMicros(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return undefined;
  const micros = value < 1e11 ? Math.round(value * 1e6) : value < 1e14 ? Math.round(value * 1e3) : Math.round(value);
  return micros < EVENT_TIME_LIMIT_MICROS ? micros : undefined;
}

/**
 * Format epoch microseconds as ISO-8601 UTC with milliseconds (sub-millisecond digits are cut).
 *
 * @param micros - microseconds since the epoch, as from {@link toEpochMicros}
 * @returns e.g. `2025-01-15T10:30:11.000Z`
 */
export function toIsoMillis(micros: number): string {
  const millis = Math.floor(micros / 1000);
  if (millis === lastMillis) return lastIso;
  const second = Math.floor(millis / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastPrefix = isoSecondPrefix(second);
  }
  const fraction = millis - second * 1000;
  lastMillis = millis;
  lastIso = `${lastPrefix}${fraction < 10 ? '00' : fraction < 100 ? '0' : ''}${fraction}Z`;
  return lastIso;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * `YYYY-MM-DDTHH:mm:ss.` of a non-negative epoch second before year 10000, computed with integer
 * arithmetic (days to civil date, H. Hinnant's algorithm): several times faster than formatting a Date.
 */
function isoSecondPrefix(epochSecond: number): string {
  const days = Math.floor(epochSecond / 86400);
  const inDay = epochSecond - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(inDay / 3600);
  const minute = Math.floor((inDay - hour * 3600) / 60);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(inDay % 60)}.`;
}

// One-entry memos of the `YYYY-MM-DDTHH:mm:ss.` prefix and of the whole text: the changes of a batch
// share their second, the rows of a snapshot their millisecond, and formatting a Date is costly. No
// observable state: the result depends only on the argument.
let lastSecond = Number.NaN;
let lastPrefix = '';
let lastMillis = Number.NaN;
let lastIso = '';
