import { handler } from '@sales/transform';
import { createRandom } from '@sales/generator';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { KinesisStreamEmulator } from '../../src/kinesis/kinesis-stream';
import { LakeWriter } from '../../src/firehose/lake-writer';
import { ZeroBufferingDelivery, type ZeroBufferingSettings } from '../../src/firehose/zero-buffering-delivery';
import type { TransformHandler } from '../../src/types';

const SETTINGS: ZeroBufferingSettings = {
  deliveryStreamName: 'sales-test-recent',
  deliveryStreamArn: 'arn:aws:firehose:eu-west-1:000000000000:deliverystream/sales-test-recent',
  sourceKinesisStreamArn: 'arn:aws:kinesis:eu-west-1:000000000000:stream/sales-test-changes',
  region: 'eu-west-1',
  lambdaArn: 'arn:aws:lambda:eu-west-1:000000000000:function:sales-test-transform:$LATEST',
  processorSizeBytes: 3 * 1024 * 1024,
  readIntervalMs: 1000,
  numberOfRetries: 3,
  dataPrefix: 'recent/dt=!{timestamp:yyyy-MM-dd-HH}/',
  errorPrefix: 'recent-errors/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd-HH}/',
  fileExtension: '.json.gz',
};
/** Two seconds before an hour turns, so one read's records straddle it. */
const T0 = Date.UTC(2026, 0, 15, 10, 59, 58);
const NO_DUPLICATES = { fraction: 0, random: createRandom('1') };

/** A DynamoDB stream record as the pipe puts it into Kinesis (the shape of packages/transform/tests/events). */
const streamRecord = (id: string, second: number) =>
  JSON.stringify({
    eventID: `${id}-${second}`.padEnd(32, '0'),
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    eventSourceARN: 'arn:aws:dynamodb:eu-west-1:000000000000:table/t/stream/2026-01-15T00:00:00.000',
    dynamodb: {
      ApproximateCreationDateTime: (T0 + second * 1000) / 1000,
      Keys: { order_id: { S: id } },
      NewImage: { order_id: { S: id }, status: { S: 'new' } },
      SequenceNumber: String(100000000000000000000n + BigInt(second)),
      SizeBytes: 40,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  });

let out: string;
beforeEach(() => (out = mkdtempSync(join(tmpdir(), 'sales-local-recent-'))));
afterEach(() => rmSync(out, { recursive: true, force: true }));

/** One shard, so the reads are easy to count. Arrival at T0 + the offsets, in ms. */
function records(offsetsMs: readonly number[]) {
  const stream = new KinesisStreamEmulator(1);
  for (const [index, offset] of offsetsMs.entries())
    stream.put(`o${index}`, Buffer.from(streamRecord(`o${index}`, index)), T0 + offset);
  return [...stream.records()];
}
const rowsOf = (key: string) =>
  gunzipSync(readFileSync(join(out, key)))
    .toString()
    .split('\n')
    .filter(Boolean);

describe('ZeroBufferingDelivery', () => {
  test('writes one object per read of a shard, at once, filed under its oldest record arrival hour', async () => {
    const lake = new LakeWriter(out);
    // Read 1 (10:59:58-59): two records; read 2 (10:59:59-11:00:00): one; read 3 (11:00:00-01): one.
    const stats = await new ZeroBufferingDelivery(SETTINGS, handler, lake, NO_DUPLICATES).deliver(
      records([100, 900, 1500, 2100]),
    );
    expect(stats).toMatchObject({ invocations: 3, delivered: 4, failed: 0, objects: 3 });
    expect(lake.objects.map((o) => o.key.replace(/-[0-9a-f-]{36}\.json\.gz$/, ''))).toEqual([
      'recent/dt=2026-01-15-10/sales-test-recent-1-2026-01-15-10-59-58',
      'recent/dt=2026-01-15-10/sales-test-recent-1-2026-01-15-10-59-59',
      'recent/dt=2026-01-15-11/sales-test-recent-1-2026-01-15-11-00-00',
    ]);
    expect(lake.objects.map((o) => rowsOf(o.key).length)).toEqual([2, 1, 1]);
  });

  test('splits a read at the processor size and keeps the object in the hour of its oldest record', async () => {
    const lake = new LakeWriter(out);
    const small = { ...SETTINGS, processorSizeBytes: 1 };
    const stats = await new ZeroBufferingDelivery(small, handler, lake, NO_DUPLICATES).deliver(records([1900, 1950]));
    expect([stats.invocations, stats.objects]).toEqual([2, 2]);
  });

  test('writes ProcessingFailed records to its own error prefix in Firehose error-record format', async () => {
    const lake = new LakeWriter(out);
    const failing: TransformHandler = async (event) => ({
      records: event.records.map((r) => ({ recordId: r.recordId, result: 'ProcessingFailed' as const, data: r.data })),
    });
    const stats = await new ZeroBufferingDelivery(SETTINGS, failing, lake, NO_DUPLICATES).deliver(records([100]));
    expect([stats.delivered, stats.failed]).toEqual([0, 1]);
    const [key] = lake.objects.map((o) => o.key);
    expect(key).toMatch(/^recent-errors\/processing-failed\/dt=2026-01-15-10\//);
    expect(JSON.parse(rowsOf(key!)[0]!)).toMatchObject({
      attemptsMade: 1,
      errorCode: 'Lambda.ProcessingFailedStatus',
      lambdaArn: SETTINGS.lambdaArn,
    });
  });

  test('re-delivers a seeded fraction with the next read: extra rows, the same changes', async () => {
    const lake = new LakeWriter(out);
    const every = { fraction: 1, random: createRandom('1') };
    const stats = await new ZeroBufferingDelivery(SETTINGS, handler, lake, every).deliver(records([100, 1500]));
    expect([stats.delivered, stats.redelivered]).toEqual([2, 2]);
    expect(lake.objects.flatMap((o) => rowsOf(o.key))).toHaveLength(4);
  });
});
