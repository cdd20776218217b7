import type { AttributeMap } from './attribute-value.js';
import { toEpochMicros } from './event-time.js';
import { describeValue, fail, type Parsed } from '../shared/parsed.js';

/**
 * What a change did to the item: the lower-case stream `eventName`, or `snapshot` for an item as a
 * backfill read it from the table (a full export or a Scan); a snapshot row holds the item's state
 * like an insert or a modify does.
 */
export type CdcOperation = 'insert' | 'modify' | 'remove' | 'snapshot';

/**
 * One DynamoDB change, validated and normalised from either input format: a stream record as
 * EventBridge Pipes writes it to Kinesis, or a record of Kinesis Data Streams for DynamoDB.
 * Attribute values inside the images are checked when the row is built ({@link toRow}).
 */
export interface ChangeRecord {
  /** `INSERT` / `MODIFY` / `REMOVE`, lower-cased; `snapshot` for an item a backfill read. */
  readonly operation: CdcOperation;
  /** `eventID`: unique per change (32 hex chars from streams, a UUID from KDS). */
  readonly eventId: string;
  /** `ApproximateCreationDateTime` in microseconds since the epoch, whatever unit it came in. */
  readonly eventTimeMicros: number;
  /**
   * The time `cdc_sort_key` is built from, in µs, when it differs from the event time: a snapshot's
   * fence, which sorts it before every stream change that could have happened after the snapshot.
   * @defaultValue - {@link ChangeRecord.eventTimeMicros}
   */
  readonly sortTimeMicros?: number | undefined;
  /** `dynamodb.SequenceNumber` (21-40 digits); `null` in the KDS format, which has none. */
  readonly sequenceNumber: string | null;
  /** Table name from `tableName` (KDS) or `eventSourceARN` (streams); `null` when neither says. */
  readonly table: string | null;
  /** True only when `userIdentity` is the DynamoDB service principal (a TTL delete). */
  readonly ttlExpired: boolean;
  /** `dynamodb.Keys`. */
  readonly keys: AttributeMap;
  /** `dynamodb.NewImage`, when the stream view type includes it. */
  readonly newImage: AttributeMap | undefined;
  /** `dynamodb.OldImage`, when the stream view type includes it. */
  readonly oldImage: AttributeMap | undefined;
}

/** Options for {@link parseChangeRecord}. */
export interface ParseChangeRecordOptions {
  /**
   * Event time (epoch ms) to use when the record has no `ApproximateCreationDateTime` (the API
   * marks it optional). {@link transformFirehoseEvent} passes the Kinesis arrival time.
   * @defaultValue - a record without an event time fails with `invalid-event-time`
   */
  readonly fallbackEventTimeMs?: number;
}

const OPERATIONS: Readonly<Record<string, CdcOperation>> = { INSERT: 'insert', MODIFY: 'modify', REMOVE: 'remove' };
const SEQUENCE_NUMBER = /^\d{1,40}$/;
const TABLE_IN_ARN = /:table\/([^/]+)/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
function isNonEmptyObject(value: unknown): value is Json {
  if (!isObject(value)) return false;
  for (const _key in value) return true;
  return false;
}

// One-entry memo: every record of a batch carries the same eventSourceARN.
let lastArn: string | undefined;
let lastArnTable: string | null = null;

function tableOf(record: Json): string | null {
  if (typeof record.tableName === 'string' && record.tableName !== '') return record.tableName;
  const arn = record.eventSourceARN;
  if (typeof arn !== 'string') return null;
  if (arn !== lastArn) {
    lastArn = arn;
    lastArnTable = TABLE_IN_ARN.exec(arn)?.[1] ?? null;
  }
  return lastArnTable;
}

function isTtlDelete(identity: unknown): boolean {
  return isObject(identity) && identity.type === 'Service' && identity.principalId === 'dynamodb.amazonaws.com';
}

function imageOf(ddb: Json, member: 'NewImage' | 'OldImage'): Parsed<AttributeMap | undefined> {
  const image = ddb[member];
  if (image === undefined || image === null) return { ok: true, value: undefined };
  if (!isObject(image))
    return fail('malformed-attribute-value', `dynamodb.${member} must be an object, received ${describeValue(image)}`);
  return { ok: true, value: image as AttributeMap };
}

function checkImages(operation: CdcOperation, newImage: unknown, oldImage: unknown): Parsed<true> {
  if (operation === 'insert' && newImage === undefined) {
    return fail(
      'insert-without-new-image',
      'INSERT has no dynamodb.NewImage (stream view type KEYS_ONLY or OLD_IMAGE?)',
    );
  }
  if (operation === 'modify' && newImage === undefined) {
    return oldImage === undefined
      ? fail(
          'modify-without-images',
          'MODIFY has neither dynamodb.NewImage nor dynamodb.OldImage (stream view type KEYS_ONLY?)',
        )
      : fail(
          'modify-without-new-image',
          'MODIFY has no dynamodb.NewImage (stream view type OLD_IMAGE?): the state after the change is unknown',
        );
  }
  return { ok: true, value: true };
}

/**
 * Validate an already-parsed JSON value as a change record. See {@link parseChangeRecord}.
 *
 * @param value - the result of `JSON.parse` on one Kinesis record's data
 * @param options - see {@link ParseChangeRecordOptions}
 * @returns the normalised change, or why it is not one
 */
export function toChangeRecord(value: unknown, options: ParseChangeRecordOptions = {}): Parsed<ChangeRecord> {
  return normaliseChange(value, options.fallbackEventTimeMs);
}

/**
 * {@link toChangeRecord} with the fallback time as a plain argument (no options object per record).
 *
 * @param value - the parsed JSON
 * @param fallbackEventTimeMs - see {@link ParseChangeRecordOptions.fallbackEventTimeMs}
 * @returns the normalised change, or why it is not one
 */
export function normaliseChange(value: unknown, fallbackEventTimeMs: number | undefined): Parsed<ChangeRecord> {
  if (Array.isArray(value)) {
    return fail(
      'json-array-of-records',
      `data is a JSON array of ${value.length} elements; each Kinesis record must carry exactly one change record`,
    );
  }
  if (!isObject(value)) return fail('not-an-object', `data must be a JSON object, received ${describeValue(value)}`);
  const ddb = value.dynamodb;
  if (value.eventName === undefined && ddb === undefined) {
    return fail('not-a-stream-record', 'object has neither eventName nor dynamodb: not a DynamoDB change record');
  }
  if (!isObject(ddb)) return fail('missing-dynamodb', `dynamodb must be an object, received ${describeValue(ddb)}`);
  const operation = typeof value.eventName === 'string' ? OPERATIONS[value.eventName] : undefined;
  if (operation === undefined) {
    return fail(
      'unknown-event-name',
      `eventName must be INSERT, MODIFY or REMOVE, received ${describeValue(value.eventName)}`,
    );
  }
  if (typeof value.eventID !== 'string' || value.eventID === '') {
    return fail('not-a-stream-record', `eventID must be a non-empty string, received ${describeValue(value.eventID)}`);
  }
  if (!isNonEmptyObject(ddb.Keys))
    return fail('missing-keys', `dynamodb.Keys must be a non-empty object, received ${describeValue(ddb.Keys)}`);
  const newImage = imageOf(ddb, 'NewImage');
  if (!newImage.ok) return newImage;
  const oldImage = imageOf(ddb, 'OldImage');
  if (!oldImage.ok) return oldImage;
  const images = checkImages(operation, newImage.value, oldImage.value);
  if (!images.ok) return images;
  const sequence = ddb.SequenceNumber;
  if (
    sequence !== undefined &&
    sequence !== null &&
    (typeof sequence !== 'string' || !SEQUENCE_NUMBER.test(sequence))
  ) {
    return fail(
      'not-a-stream-record',
      `dynamodb.SequenceNumber must be a string of 1 to 40 digits, received ${describeValue(sequence)}`,
    );
  }
  const micros = toEpochMicros(ddb.ApproximateCreationDateTime ?? fallbackEventTimeMs);
  if (micros === undefined) {
    return fail(
      'invalid-event-time',
      `dynamodb.ApproximateCreationDateTime must be a positive epoch time before year 2286, received ${describeValue(ddb.ApproximateCreationDateTime)}`,
    );
  }
  const change: ChangeRecord = {
    operation,
    eventId: value.eventID,
    eventTimeMicros: micros,
    sequenceNumber: typeof sequence === 'string' ? sequence : null,
    table: tableOf(value),
    ttlExpired: isTtlDelete(value.userIdentity),
    keys: ddb.Keys as AttributeMap,
    newImage: newImage.value,
    oldImage: oldImage.value,
  };
  // Without a creation time, the fallback (arrival) time is later than the change and has finer
  // resolution than stream times (whole seconds), so it could out-sort a newer change of the item.
  // With a sequence number, sort such a record at time 0 instead: among the item's untimed records
  // the sequence number decides, and it never out-sorts a later change.
  if (
    (ddb.ApproximateCreationDateTime === undefined || ddb.ApproximateCreationDateTime === null) &&
    change.sequenceNumber !== null
  )
    return { ok: true, value: { ...change, sortTimeMicros: 0 } };
  return { ok: true, value: change };
}

/**
 * Parse one change record from JSON text: a DynamoDB stream record as EventBridge Pipes
 * delivers it, or the Kinesis Data Streams for DynamoDB format (`tableName`, `recordFormat`,
 * time in ms or µs, no `SequenceNumber`). Never throws; bad input is a failed {@link Parsed}.
 *
 * A JSON array is rejected (`json-array-of-records`): no Pipes-to-Kinesis path without an input
 * transformer produces one, and splitting it would hide a misconfigured pipe.
 *
 * @param text - the decoded data of one Kinesis record
 * @param options - see {@link ParseChangeRecordOptions}
 * @returns the normalised change, or why it is not one
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html
 * @example
 * ```ts
 * const parsed = parseChangeRecord('{"eventID":"1","eventName":"REMOVE","dynamodb":{"ApproximateCreationDateTime":1736941000,"Keys":{"order_id":{"S":"o-1"}}}}');
 * if (parsed.ok) console.log(parsed.value.operation); //=> 'remove'
 * ```
 */
export function parseChangeRecord(text: string, options: ParseChangeRecordOptions = {}): Parsed<ChangeRecord> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('not-json', `data is not JSON: ${(error as Error).message}`);
  }
  return toChangeRecord(value, options);
}
