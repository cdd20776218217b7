import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LocalLakeStore, replayErrorObjects } from '@sales/lake-ops';
import { loadConfig, parseErrorRecord } from '@sales/pipeline-spec';
import { lakeKeys, rowsPerEventId } from '@sales/testing';
import { handler, type FirehoseTransformationEvent, type FirehoseTransformationResult } from '@sales/transform';
import { FirehoseEmulator } from '../../src/firehose/firehose-emulator';
import { LakeWriter } from '../../src/firehose/lake-writer';
import { KinesisStreamEmulator } from '../../src/kinesis/kinesis-stream';
import { toLocalSettings } from '../../src/run/pipeline-settings';

/** The local pipeline's Firehose, configured from the stack's own (dev) configuration. */
const SETTINGS = toLocalSettings(loadConfig('dev', {}), '2025-01-15T00:00:00.000').firehose;
const T0 = Date.UTC(2025, 0, 15, 10, 59, 0);
const ORDERS = 40;

/** One Pipe-delivered INSERT per order, a second apart (so they span two event-time hours). */
function changes(): { key: string; data: Buffer; at: number }[] {
  return Array.from({ length: ORDERS }, (_, i) => {
    const id = `ord-${String(i).padStart(4, '0')}`;
    const at = T0 + i * 3_000;
    const record = {
      eventID: i.toString(16).padStart(32, '0'),
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(at / 1000),
        Keys: { order_id: { S: id } },
        NewImage: { order_id: { S: id }, status: { S: 'PLACED' }, total_amount: { N: `${i}.50` } },
        SequenceNumber: String(100000000000000000000n + BigInt(i)),
        SizeBytes: 60,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: 'arn:aws:dynamodb:eu-west-1:000000000000:table/sales-test-orders/stream/2025-01-15T00:00:00.000',
    };
    return { key: id, data: Buffer.from(JSON.stringify(record)), at };
  });
}

/**
 * A broken deploy: answers `ProcessingFailed` for every third record, and throws on every invocation whose batch
 * holds order 7 (Firehose retries, then writes the whole batch to the error prefix as `Lambda.FunctionError`).
 */
async function brokenHandler(event: FirehoseTransformationEvent): Promise<FirehoseTransformationResult> {
  const orders = event.records.map(
    (record) =>
      (JSON.parse(Buffer.from(record.data, 'base64').toString()) as { dynamodb: { Keys: { order_id: { S: string } } } })
        .dynamodb.Keys.order_id.S,
  );
  if (orders.includes('ord-0007')) throw new Error('Runtime.ImportModuleError: Cannot find module index');
  const result = await handler(event);
  return {
    records: result.records.map((record, i) =>
      i % 3 === 0 ? { recordId: record.recordId, result: 'ProcessingFailed', data: event.records[i]!.data } : record,
    ),
  };
}

describe('replay of what the local pipeline wrote under errors/', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'replay-local-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('brings the lake back to one row per change, and a second replay changes nothing', async () => {
    const stream = new KinesisStreamEmulator(2);
    for (const change of changes()) stream.put(change.key, change.data, change.at);
    const log = console.log;
    console.log = () => undefined;
    try {
      await new FirehoseEmulator(SETTINGS, brokenHandler, new LakeWriter(root), {
        fraction: 0,
        random: () => 1,
      }).deliver([...stream.records()]);
    } finally {
      console.log = log;
    }
    const delivered = Object.keys(rowsPerEventId(root)).length;
    const lake = new LocalLakeStore(root);

    const first = await replayErrorObjects(lake);
    const afterFirst = rowsPerEventId(root);
    const second = await replayErrorObjects(lake);

    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(ORDERS);
    const errorCodes = lakeKeys(root, 'errors/processing-failed').flatMap((key) =>
      gunzipSync(readFileSync(join(root, key)))
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const record = parseErrorRecord(line);
          return record.ok ? record.value.errorCode : record.detail;
        }),
    );
    expect(new Set(errorCodes)).toEqual(new Set(['Lambda.ProcessingFailedStatus', 'Lambda.FunctionError']));
    expect(first).toMatchObject({ records: ORDERS - delivered, replayed: ORDERS - delivered, stillFailing: 0 });
    expect(Object.keys(afterFirst)).toHaveLength(ORDERS);
    expect(new Set(Object.values(afterFirst))).toEqual(new Set([1]));
    expect(second).toMatchObject({ processed: 0, written: [] });
    expect(rowsPerEventId(root)).toEqual(afterFirst);
  });
});
