/**
 * putAllRecords: PutRecords in batches within Kinesis' limits, retrying only the entries that failed.
 */
import { PutRecordsCommand, type KinesisClient, type PutRecordsRequestEntry } from '@aws-sdk/client-kinesis';

/** PutRecords takes at most 500 records per call. */
const MAX_RECORDS_PER_CALL = 500;

/** PutRecords takes at most 5 MiB per call, data and partition keys counted. */
const MAX_BYTES_PER_CALL = 5 * 1024 * 1024;

/** Options of {@link putAllRecords}. */
export interface PutAllRecordsOptions {
  /** Calls per entry before giving up on it. @defaultValue 5 */
  readonly maxAttempts?: number;
  /** Waits between attempts (injected, for tests). @defaultValue - a timer: 100 ms, doubled each attempt */
  readonly sleep?: (attempt: number) => Promise<void>;
}

/** What {@link putAllRecords} did. */
export interface PutAllResult {
  /** Entries Kinesis accepted. */
  readonly put: number;
  /** Entries still rejected after every attempt, with Kinesis' last error code. */
  readonly failed: readonly { readonly partitionKey: string; readonly errorCode: string }[];
}

const entryBytes = (entry: PutRecordsRequestEntry): number =>
  (entry.Data?.byteLength ?? 0) + Buffer.byteLength(entry.PartitionKey ?? '');

/** Splits entries into calls of at most 500 records and 5 MiB. */
function toCalls(entries: readonly PutRecordsRequestEntry[]): PutRecordsRequestEntry[][] {
  const calls: PutRecordsRequestEntry[][] = [];
  let call: PutRecordsRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (call.length === MAX_RECORDS_PER_CALL || (call.length > 0 && bytes + entryBytes(entry) > MAX_BYTES_PER_CALL)) {
      calls.push(call);
      call = [];
      bytes = 0;
    }
    call.push(entry);
    bytes += entryBytes(entry);
  }
  if (call.length > 0) calls.push(call);
  return calls;
}

const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1)));

/**
 * Puts every entry into the stream. PutRecords succeeds as a call even when some entries fail
 * (`FailedRecordCount`, and an `ErrorCode` on each failed result, in request order), so the failed entries, and
 * only those, are sent again after a backoff, up to `maxAttempts` times.
 *
 * @param client - The Kinesis client.
 * @param stream - `{ StreamName }` or `{ StreamARN }` of the target stream.
 * @param entries - Data and partition key per record.
 * @param options - Attempts and the wait between them.
 * @returns How many were put and which were still rejected.
 * @see https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html
 * @example
 * ```ts
 * const { put, failed } = await putAllRecords(kinesis, { StreamName: 'sales-dev-changes' }, entries);
 * failed.length; //=> 0
 * ```
 */
export async function putAllRecords(
  client: KinesisClient,
  stream: { readonly StreamName?: string; readonly StreamARN?: string },
  entries: readonly PutRecordsRequestEntry[],
  options: PutAllRecordsOptions = {},
): Promise<PutAllResult> {
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? backoff;
  let put = 0;
  const failed: { partitionKey: string; errorCode: string }[] = [];
  for (const call of toCalls(entries)) {
    let pending = call;
    let lastErrors: string[] = [];
    for (let attempt = 1; attempt <= maxAttempts && pending.length > 0; attempt++) {
      if (attempt > 1) await sleep(attempt - 1);
      const answer = await client.send(new PutRecordsCommand({ ...stream, Records: pending }));
      const results = answer.Records ?? [];
      const retry: PutRecordsRequestEntry[] = [];
      lastErrors = [];
      pending.forEach((entry, index) => {
        const errorCode = results[index]?.ErrorCode;
        if (errorCode === undefined && results[index] !== undefined) put += 1;
        else {
          retry.push(entry);
          lastErrors.push(errorCode ?? 'NoResult');
        }
      });
      pending = retry;
    }
    for (const [index, entry] of pending.entries()) {
      failed.push({ partitionKey: entry.PartitionKey ?? '', errorCode: lastErrors[index] ?? 'NoResult' });
    }
  }
  return { put, failed };
}
