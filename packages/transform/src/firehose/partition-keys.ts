/**
 * Firehose dynamic-partitioning keys, from `metadata.partitionKeys` of the Lambda response and
 * referenced as `!{partitionKeyFromLambda:year}` etc. in the S3 prefix.
 */
export interface PartitionKeys {
  /** UTC year of the event time, 4 digits, e.g. `"2025"`. */
  readonly year: string;
  /** UTC month, zero-padded, e.g. `"01"`. */
  readonly month: string;
  /** UTC day of month, zero-padded, e.g. `"15"`. */
  readonly day: string;
  /** UTC hour, zero-padded, e.g. `"10"`. */
  readonly hour: string;
  /**
   * Any further key: Firehose's `partitionKeys` is a string-to-string map, so the four time keys
   * can be passed where that map is expected.
   */
  [key: string]: string;
}

/**
 * Partition keys (UTC, zero-padded) from an ISO-8601 UTC timestamp such as `cdc_event_time`.
 *
 * @param isoTime - `YYYY-MM-DDTHH:mm:ss.sssZ`
 * @returns `{ year, month, day, hour }`
 * @see https://docs.aws.amazon.com/firehose/latest/dev/dynamic-partitioning.html
 * @example
 * ```ts
 * toPartitionKeys('2025-01-15T10:30:11.000Z'); //=> { year: '2025', month: '01', day: '15', hour: '10' }
 * ```
 */
export function toPartitionKeys(isoTime: string): PartitionKeys {
  return {
    year: isoTime.slice(0, 4),
    month: isoTime.slice(5, 7),
    day: isoTime.slice(8, 10),
    hour: isoTime.slice(11, 13),
  };
}
