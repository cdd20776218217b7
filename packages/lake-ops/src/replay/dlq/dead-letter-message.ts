/**
 * parseDeadLetterMessage: the body of a Pipes dead-letter message for a DynamoDB stream source, to its batch
 * metadata, or why not.
 */

/**
 * Which stream records a failed batch held: metadata only, the records themselves are not in the message.
 * Same shape as Lambda's on-failure record for DynamoDB streams.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-error-troubleshooting.html
 */
export interface StreamBatchInfo {
  /** The shard the batch came from, e.g. `shardId-00000001573689847184-864758bb`. */
  readonly shardId: string;
  /** Sequence number of the batch's first record (digits, 21 to 40 of them). */
  readonly startSequenceNumber: string;
  /** Sequence number of the batch's last record. */
  readonly endSequenceNumber: string;
  /** When the first record entered the stream, ISO 8601. */
  readonly approximateArrivalOfFirstRecord: string;
  /** When the last record entered the stream, ISO 8601. */
  readonly approximateArrivalOfLastRecord: string;
  /** Records in the batch. */
  readonly batchSize: number;
  /** The DynamoDB stream's ARN. */
  readonly streamArn: string;
}

/** What {@link parseDeadLetterMessage} returns. */
export type ParsedDeadLetterMessage =
  | { readonly ok: true; readonly value: StreamBatchInfo }
  | { readonly ok: false; readonly detail: string };

const SEQUENCE_NUMBER = /^\d{1,40}$/;

/** The first field of the batch info that is missing or of the wrong type, or undefined. */
function firstBadField(info: Record<string, unknown>): string | undefined {
  for (const name of ['shardId', 'streamArn'] as const)
    if (typeof info[name] !== 'string' || info[name] === '') return name;
  for (const name of ['startSequenceNumber', 'endSequenceNumber'] as const) {
    if (typeof info[name] !== 'string' || !SEQUENCE_NUMBER.test(info[name])) return name;
  }
  for (const name of ['approximateArrivalOfFirstRecord', 'approximateArrivalOfLastRecord'] as const) {
    if (typeof info[name] !== 'string' || Number.isNaN(Date.parse(info[name]))) return name;
  }
  const size = info.batchSize;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) return 'batchSize';
  return undefined;
}

/**
 * Reads a dead-letter message body. Pipes sends, for a DynamoDB stream source, a JSON object with `context`
 * (the pipe's ARN and the condition, e.g. `RetryAttemptsExhausted`), `version`, `timestamp` and
 * `DDBStreamBatchInfo`; only the latter is needed to re-drive the batch.
 *
 * @param body - The SQS message body.
 * @returns The batch info, or what is wrong with the body.
 * @example
 * ```ts
 * parseDeadLetterMessage('{"version":"1.0","DDBStreamBatchInfo":{"shardId":"shardId-1", ...}}');
 * //=> { ok: true, value: { shardId: 'shardId-1', ... } }
 * parseDeadLetterMessage('{"KinesisBatchInfo":{}}'); //=> { ok: false, detail: 'the body has no DDBStreamBatchInfo object: ...' }
 * ```
 */
export function parseDeadLetterMessage(body: string): ParsedDeadLetterMessage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false, detail: `the body is not JSON: ${(error as Error).message}` };
  }
  const info =
    typeof json === 'object' && json !== null ? (json as Record<string, unknown>).DDBStreamBatchInfo : undefined;
  if (typeof info !== 'object' || info === null || Array.isArray(info)) {
    return {
      ok: false,
      detail: 'the body has no DDBStreamBatchInfo object: not a dead-letter message of a DynamoDB stream source',
    };
  }
  const bad = firstBadField(info as Record<string, unknown>);
  if (bad !== undefined) return { ok: false, detail: `DDBStreamBatchInfo.${bad} is missing or malformed` };
  return { ok: true, value: info as StreamBatchInfo };
}
