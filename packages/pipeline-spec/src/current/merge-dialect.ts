/**
 * The few SQL primitives the current-state merge needs that DuckDB and Athena (Trino) spell differently. Everything
 * else in the merge is written once, in `merge-statements.ts`, in the SQL both engines share.
 */

/** How one engine spells the merge's primitives. Each function returns SQL text. */
export interface MergeDialect {
  /** `duckdb` (the local lake) or `athena` (engine version 3, Iceberg v2 tables). */
  readonly name: 'duckdb' | 'athena';
  /** An ISO-8601 UTC string (`2026-12-06T15:04:05.123Z`, milliseconds optional) as a timestamp. */
  readonly parseIsoInstant: (text: string) => string;
  /** A timestamp as ISO-8601 UTC text with milliseconds (`2026-12-06T15:00:00.000Z`), comparable with `cdc_event_time`. */
  readonly formatIsoInstant: (timestamp: string) => string;
  /** A timestamp moved back by a whole number of seconds. */
  readonly minusSeconds: (timestamp: string, seconds: number) => string;
  /** The zero-padded year, month, day and hour of a timestamp, as strings named like the partition columns. */
  readonly hourParts: (timestamp: string) => { year: string; month: string; day: string; hour: string };
}

/**
 * DuckDB 1.5: `strptime` with a list of formats (`%g` is milliseconds) gives a naive UTC timestamp, so no time zone
 * setting of the session can shift the hour.
 *
 * @see https://duckdb.org/docs/stable/sql/functions/dateformat
 * @see https://duckdb.org/docs/stable/sql/functions/timestamp
 */
export const DUCKDB_MERGE_DIALECT: MergeDialect = {
  name: 'duckdb',
  parseIsoInstant: (text) => `strptime(${text}, ['%Y-%m-%dT%H:%M:%S.%gZ', '%Y-%m-%dT%H:%M:%SZ'])`,
  formatIsoInstant: (timestamp) => `strftime(${timestamp}, '%Y-%m-%dT%H:%M:%S.%gZ')`,
  minusSeconds: (timestamp, seconds) => `(${timestamp} - to_seconds(${integer(seconds)}))`,
  hourParts: (timestamp) => ({
    year: `strftime(${timestamp}, '%Y')`,
    month: `strftime(${timestamp}, '%m')`,
    day: `strftime(${timestamp}, '%d')`,
    hour: `strftime(${timestamp}, '%H')`,
  }),
};

/**
 * Athena engine version 3 (Trino): `from_iso8601_timestamp` keeps the `Z` as the UTC zone, `date_add` moves it,
 * `format_datetime` (Joda patterns) prints it in that zone and `to_iso8601` as `…T15:00:00.000Z`.
 *
 * @see https://trino.io/docs/current/functions/datetime.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/functions-env3.html
 */
export const ATHENA_MERGE_DIALECT: MergeDialect = {
  name: 'athena',
  parseIsoInstant: (text) => `from_iso8601_timestamp(${text})`,
  formatIsoInstant: (timestamp) => `to_iso8601(${timestamp})`,
  minusSeconds: (timestamp, seconds) => `date_add('second', -${integer(seconds)}, ${timestamp})`,
  hourParts: (timestamp) => ({
    year: `format_datetime(${timestamp}, 'yyyy')`,
    month: `format_datetime(${timestamp}, 'MM')`,
    day: `format_datetime(${timestamp}, 'dd')`,
    hour: `format_datetime(${timestamp}, 'HH')`,
  }),
};

/** A whole number of seconds as SQL text; refuses anything else, so no text reaches the SQL. */
function integer(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`expected whole seconds, received ${value}`);
  return String(value);
}
