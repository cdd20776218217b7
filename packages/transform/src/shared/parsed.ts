/**
 * Why a record could not be turned into a row. A closed union: each member names one class of
 * bad input (the shared fixture manifest's cases), so callers can count and route failures.
 *
 * - `bad-base64`: Firehose `data` is not strict, padded base64 (or not a string).
 * - `empty-data`: zero-length payload.
 * - `invalid-utf8`: the decoded bytes are not valid UTF-8.
 * - `not-json`: the text is not JSON (plain text, truncated JSON).
 * - `not-an-object`: valid JSON, but `null`, a number, a string or a boolean.
 * - `json-array-of-records`: a JSON array; one Kinesis record must carry one change record.
 * - `not-a-stream-record`: an object without `eventName` and `dynamodb`, or without `eventID`.
 * - `missing-dynamodb`: `dynamodb` is absent or not an object.
 * - `unknown-event-name`: `eventName` is not `INSERT`, `MODIFY` or `REMOVE`.
 * - `insert-without-new-image` / `modify-without-images` / `modify-without-new-image`: the stream
 *   view type did not deliver the image the row is made from.
 * - `missing-keys`: `dynamodb.Keys` is absent or empty, so the item cannot be identified.
 * - `unknown-attribute-type` / `empty-attribute-value` / `non-numeric-N` / `malformed-attribute-value`:
 *   an attribute value is not valid DynamoDB JSON.
 * - `invalid-event-time`: no usable `ApproximateCreationDateTime` (and no fallback).
 * - `response-too-large`: the row was fine, but answering it `Ok` would push the Lambda response
 *   over its size limit (only batches of unusually small records expand that much); the
 *   original data goes to the error prefix for replay instead of failing the whole batch.
 */
export type FailureReason =
  | 'bad-base64'
  | 'empty-data'
  | 'invalid-utf8'
  | 'not-json'
  | 'not-an-object'
  | 'json-array-of-records'
  | 'not-a-stream-record'
  | 'missing-dynamodb'
  | 'unknown-event-name'
  | 'insert-without-new-image'
  | 'modify-without-images'
  | 'modify-without-new-image'
  | 'missing-keys'
  | 'unknown-attribute-type'
  | 'empty-attribute-value'
  | 'non-numeric-N'
  | 'malformed-attribute-value'
  | 'invalid-event-time'
  | 'response-too-large';

/**
 * Result of a step that can reject its input: the value, or why not. Never thrown.
 *
 * @example
 * ```ts
 * const parsed = decodeRecord('%%%');
 * if (!parsed.ok) console.log(parsed.reason); //=> 'bad-base64'
 * ```
 */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: FailureReason; readonly detail: string };

/** The failing branch of {@link Parsed}. */
export type Failure = Extract<Parsed<never>, { ok: false }>;

/**
 * Build a failing {@link Parsed}.
 *
 * @param reason - the failure class
 * @param detail - what was wrong, with the value received
 * @returns `{ ok: false, reason, detail }`
 */
export function fail(reason: FailureReason, detail: string): Failure {
  return { ok: false, reason, detail };
}

/**
 * Describe a received value briefly for an error detail (type and at most 60 characters).
 *
 * @param value - any value
 * @returns e.g. `string "forty-three"`, `number 42`, `array`, `null`
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') {
    const text = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `string ${JSON.stringify(text)}`;
  }
  if (typeof value === 'object') return 'object';
  return `${typeof value} ${String(value)}`;
}
