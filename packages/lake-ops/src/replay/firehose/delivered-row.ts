/**
 * parseDeliveredRow: a `partitioning-failed` record's `rawData` that is already a row the transform made, with the
 * partition the transform gives it.
 */
import { type PartitionKeys, toPartitionKeys } from '@sales/transform';

/** A row the transform made, ready to be written, and its event-time partition. */
export interface DeliveredRow {
  /** The row as one JSON line, newline-terminated. */
  readonly line: Buffer;
  /** `year`/`month`/`day`/`hour` of its `cdc_event_time`, exactly as the transform computes them. */
  readonly partition: PartitionKeys;
}

/** `2025-01-15T10:30:00.123456Z`: the transform's `cdc_event_time` (UTC, microseconds). */
const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Recognises a row of the transform's output in a failed record's `rawData`: one JSON object with string
 * `cdc_event_id` and `cdc_sort_key` and a UTC `cdc_event_time`. Dynamic partitioning fails after the transform
 * answered, so Firehose may hold the transformed record rather than the one it read from Kinesis; AWS does not
 * document which, so replay accepts both (a record that is not a row goes through the transform).
 *
 * @param rawData - The record's data, base64.
 * @returns The row and its partition, or undefined when the data is not a row.
 * @see https://docs.aws.amazon.com/firehose/latest/dev/dynamic-partitioning-error-handling.html
 * @example
 * ```ts
 * parseDeliveredRow(Buffer.from('{"cdc_event_id":"e1","cdc_sort_key":"k","cdc_event_time":"2025-01-15T10:30:00Z"}').toString('base64'))?.partition;
 * //=> { year: '2025', month: '01', day: '15', hour: '10' }
 * parseDeliveredRow(Buffer.from('{"eventName":"INSERT"}').toString('base64')); //=> undefined
 * ```
 */
export function parseDeliveredRow(rawData: string): DeliveredRow | undefined {
  const text = Buffer.from(rawData, 'base64').toString('utf8').trim();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const row = json as Record<string, unknown>;
  if (typeof row.cdc_event_id !== 'string' || typeof row.cdc_sort_key !== 'string') return undefined;
  if (typeof row.cdc_event_time !== 'string' || !EVENT_TIME.test(row.cdc_event_time)) return undefined;
  return { line: Buffer.from(`${text}\n`, 'utf8'), partition: toPartitionKeys(row.cdc_event_time) };
}
