import {
  handler,
  InvalidFirehoseEventError,
  transformFirehoseEvent,
  type FirehoseTransformationEvent,
} from '../../src/index.js';
import { salesOrderBatch } from '../support/sales-order-batch.js';

const LAMBDA_RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024;
const b64 = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');
/** A keys-only REMOVE as Pipes delivers it: the smallest realistic record, whose row is larger than itself. */
const tombstone = (i: number): unknown => ({
  eventID: String(i).padStart(32, '0'),
  eventName: 'REMOVE',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-west-1',
  dynamodb: {
    ApproximateCreationDateTime: 1736941000,
    Keys: { order_id: { S: `ord-20250115-${String(i).padStart(6, '0')}` } },
    SequenceNumber: String(100000000000000000000 + i * 1000),
    SizeBytes: 28,
    StreamViewType: 'NEW_IMAGE',
  },
  eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/sales-orders/stream/2025-01-15T09:30:12.345',
});

describe('transformFirehoseEvent', () => {
  test('answers every recordId exactly once, in input order, good and bad mixed', () => {
    const event: FirehoseTransformationEvent = {
      records: [
        { recordId: 'r3', data: b64(tombstone(3)) },
        { recordId: 'r1', data: '!!!' },
        { recordId: 'r2', data: b64(tombstone(2)) },
        { recordId: 'r0', data: undefined as unknown as string },
      ],
    };
    const { result, summary } = transformFirehoseEvent(event);
    expect(result.records.map((record) => [record.recordId, record.result])).toEqual([
      ['r3', 'Ok'],
      ['r1', 'ProcessingFailed'],
      ['r2', 'Ok'],
      ['r0', 'ProcessingFailed'],
    ]);
    expect(result.records[1]?.data).toBe('!!!');
    expect(result.records[3]?.data).toBe('');
    expect(summary).toMatchObject({
      records: 4,
      ok: 2,
      processingFailed: 2,
      failuresByReason: { 'bad-base64': 2 },
      invocationId: null,
    });
  });

  test('returns an empty response for an empty batch', () => {
    expect(transformFirehoseEvent({ records: [] }).result).toEqual({ records: [] });
  });

  test.each([
    [null, /event must be a Firehose transformation event object, received null/],
    [{}, /event\.records must be an array, received undefined/],
    [{ records: [{ data: 'e30=' }] }, /records\[0\]\.recordId must be a non-empty string, received undefined/],
    [{ records: [null] }, /records\[0\]\.recordId/],
  ])('throws only when there is no recordId to answer (%j)', (event, message) => {
    const act = (): unknown => transformFirehoseEvent(event as unknown as FirehoseTransformationEvent);
    expect(act).toThrow(InvalidFirehoseEventError);
    expect(act).toThrow(message);
  });

  test('keeps the response under the 6 MB Lambda limit for a 3 MiB batch of sales orders', () => {
    const { event, dataBytes } = salesOrderBatch({ targetBytes: 3 * 1024 * 1024 });
    const { result, summary } = transformFirehoseEvent(event);
    const responseBytes = Buffer.byteLength(JSON.stringify(result));
    expect(dataBytes).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    expect(summary.ok).toBe(event.records.length);
    expect(responseBytes).toBeLessThan(LAMBDA_RESPONSE_LIMIT_BYTES);
  });

  test('keeps the response under the limit for a full batch of the smallest realistic records (keys-only tombstones)', () => {
    // As many records as a 3 MiB buffer holds, as long as the request stays within Lambda's 6 MB.
    const records: { recordId: string; data: string }[] = [];
    let dataBytes = 0;
    let requestBytes = 200;
    for (let i = 0; dataBytes < 3 * 1024 * 1024; i++) {
      const data = JSON.stringify(tombstone(i));
      const record = {
        recordId: `49657828409187701520019995242508390119953358325192${String(i).padStart(6, '0')}000000000000`,
        data: b64(data),
      };
      requestBytes += JSON.stringify(record).length + 250; // + approximateArrivalTimestamp and kinesisRecordMetadata
      if (requestBytes > LAMBDA_RESPONSE_LIMIT_BYTES) break;
      dataBytes += Buffer.byteLength(data);
      records.push(record);
    }
    const { result, summary } = transformFirehoseEvent({ records });
    expect(records.length).toBeGreaterThan(6000);
    expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThanOrEqual(6_000_000);
    expect(result.records.map((record) => record.recordId)).toEqual(records.map((record) => record.recordId));
    expect(summary.ok).toBe(records.length);
  });

  test('answers rows that would overflow the response ProcessingFailed, from the end, with their original data', () => {
    // Minimal hand-made records expand: their row (mostly CDC metadata) is larger than the record.
    const minimal = (i: number): string =>
      b64({
        eventID: `e${i}`,
        eventName: 'REMOVE',
        dynamodb: { ApproximateCreationDateTime: 1736941000, Keys: { id: { S: `o${i}` } } },
      });
    const records = [0, 1, 2, 3].map((i) => ({ recordId: `r${i}`, data: minimal(i) }));
    const full = Buffer.byteLength(JSON.stringify(transformFirehoseEvent({ records }).result));
    const { result, summary } = transformFirehoseEvent({ records }, { maxResponseBytes: full - 1 });
    expect(result.records.map((record) => record.result)).toEqual(['Ok', 'Ok', 'Ok', 'ProcessingFailed']);
    expect(result.records[3]?.data).toBe(records[3]?.data);
    expect(summary.failuresByReason).toEqual({ 'response-too-large': 1 });
    expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThan(full);
  });

  test('accounts the response size to the byte', () => {
    const { event } = salesOrderBatch({ targetBytes: 20_000 });
    const exact = Buffer.byteLength(JSON.stringify(transformFirehoseEvent(event).result));
    expect(transformFirehoseEvent(event, { maxResponseBytes: exact }).summary.processingFailed).toBe(0);
    // Sales rows are smaller than their records: failing one would not help, so nothing changes.
    expect(transformFirehoseEvent(event, { maxResponseBytes: exact - 1 }).summary.processingFailed).toBe(0);
  });
});

describe('handler', () => {
  const event = {
    invocationId: 'inv-1',
    records: [
      { recordId: 'a', data: b64(tombstone(1)) },
      { recordId: 'b', data: 'bm9wZQ==' },
    ],
  };
  /** Run the handler with `AWS_LAMBDA_FUNCTION_NAME` set to `functionName` (or unset), return its result and stdout writes. */
  const invoke = async (functionName: string | undefined) => {
    const saved = process.env['AWS_LAMBDA_FUNCTION_NAME'];
    const log = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      if (functionName === undefined) delete process.env['AWS_LAMBDA_FUNCTION_NAME'];
      else process.env['AWS_LAMBDA_FUNCTION_NAME'] = functionName;
      const result = await handler(event);
      return { result, writes: log.mock.calls.map((call) => String(call[0])) };
    } finally {
      log.mockRestore();
      if (saved === undefined) delete process.env['AWS_LAMBDA_FUNCTION_NAME'];
      else process.env['AWS_LAMBDA_FUNCTION_NAME'] = saved;
    }
  };

  test('returns the transformation result and writes one structured JSON summary line per batch straight to stdout', async () => {
    const { result, writes } = await invoke(undefined);
    expect(result).toEqual(transformFirehoseEvent(event).result);
    expect(writes).toHaveLength(1);
    const line = writes[0]!;
    expect(line.endsWith('}\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(JSON.parse(line)).toEqual({
      level: 'WARN',
      message: 'transformed Firehose batch',
      invocationId: 'inv-1',
      records: 2,
      ok: 1,
      processingFailed: 1,
      inputDataBytes: event.records[0]!.data.length + 8,
      outputDataBytes: (result.records[0]?.data.length ?? 0) + 8,
      rejectedValues: 0,
      rowsWithRejectedValues: 0,
      failuresByReason: { 'not-json': 1 },
      firstFailures: [{ recordId: 'b', reason: 'not-json', detail: expect.stringContaining('data is not JSON') }],
    });
    // Outside Lambda (no AWS_LAMBDA_FUNCTION_NAME) the line is the summary exactly, as before functionName existed.
    expect(line).toBe(`${JSON.stringify(transformFirehoseEvent(event).summary)}\n`);
  });

  test('names the function from AWS_LAMBDA_FUNCTION_NAME after the unchanged summary fields', async () => {
    const without = (await invoke(undefined)).writes[0]!;
    const { writes } = await invoke('sales-prod-transform');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toBe(`${without.slice(0, -2)},"functionName":"sales-prod-transform"}\n`);
    expect(JSON.parse(writes[0]!)).toMatchObject({ functionName: 'sales-prod-transform', rejectedValues: 0 });
  });

  test('rejects an event without records instead of answering nothing', async () => {
    await expect(handler({} as FirehoseTransformationEvent)).rejects.toThrow(InvalidFirehoseEventError);
  });
});
