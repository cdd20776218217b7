import { handler } from '@sales/transform';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FirehoseTransformationEvent } from '@sales/transform';
import { FirehoseEmulator, type FirehoseSettings } from '../../src/firehose/firehose-emulator';
import { KinesisStreamEmulator } from '../../src/kinesis/kinesis-stream';
import { LakeWriter } from '../../src/firehose/lake-writer';
import { createRandom } from '@sales/generator';
import type { KinesisRecord, TransformHandler } from '../../src/types';

const SETTINGS: FirehoseSettings = {
  deliveryStreamName: 'sales-test-lake',
  deliveryStreamArn: 'arn:aws:firehose:eu-west-1:000000000000:deliverystream/sales-test-lake',
  sourceKinesisStreamArn: 'arn:aws:kinesis:eu-west-1:000000000000:stream/sales-test-changes',
  region: 'eu-west-1',
  lambdaArn: 'arn:aws:lambda:eu-west-1:000000000000:function:sales-test-transform:$LATEST',
  processingBuffer: { sizeBytes: 1024 * 1024, intervalMs: 5_000 },
  s3Buffer: { sizeBytes: 64 * 1024 * 1024, intervalMs: 40_000 },
  numberOfRetries: 3,
  dataPrefix:
    'sales/year=!{partitionKeyFromLambda:year}/month=!{partitionKeyFromLambda:month}/day=!{partitionKeyFromLambda:day}/hour=!{partitionKeyFromLambda:hour}/',
  errorPrefix: 'errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/',
  fileExtension: '.json.gz',
};
const T0 = Date.UTC(2025, 0, 15, 10, 30, 0);
/** A Firehose event from a Kinesis source, from the AWS-shaped events in packages/transform/tests/events. */
const FIXTURE_EVENT = JSON.parse(
  readFileSync(
    join(__dirname, '..', '..', '..', 'transform', 'tests', 'events', 'firehose-event-pipe-sales.json'),
    'utf8',
  ),
);
const eventShape = (event: any) => ({
  top: Object.keys(event).sort(),
  record: Object.keys(event.records[0]).sort(),
  metadata: Object.entries(event.records[0].kinesisRecordMetadata)
    .map(([k, v]) => `${k}:${typeof v}`)
    .sort(),
});
const NO_DUPLICATES = { fraction: 0, random: createRandom('1') };
const streamRecord = (id: string, second: number) => ({
  eventID: 'a'.repeat(32),
  eventName: 'INSERT',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-west-1',
  eventSourceARN: 'arn:aws:dynamodb:eu-west-1:000000000000:table/t/stream/2025-01-15T00:00:00.000',
  dynamodb: {
    ApproximateCreationDateTime: (T0 + second * 1000) / 1000,
    Keys: { order_id: { S: id } },
    NewImage: { order_id: { S: id } },
    SequenceNumber: String(100000000000000000000n + BigInt(second)),
    SizeBytes: 20,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

let out: string;
beforeEach(() => (out = mkdtempSync(join(tmpdir(), 'sales-local-firehose-'))));
afterEach(() => rmSync(out, { recursive: true, force: true }));

function kinesisRecords(payloads: ReadonlyArray<[string, string, number]>): KinesisRecord[] {
  const stream = new KinesisStreamEmulator(2);
  for (const [key, data, second] of payloads) stream.put(key, Buffer.from(data), T0 + second * 1000);
  return [...stream.records()];
}
const readLines = (lake: LakeWriter, prefix: string) =>
  lake.objects
    .filter((o) => o.key.startsWith(prefix))
    .flatMap((o) =>
      gunzipSync(readFileSync(join(out, o.key)))
        .toString()
        .split('\n')
        .filter(Boolean),
    );

describe('Firehose emulation', () => {
  test('invokes the handler once per processing-buffer interval with Firehose-shaped events', async () => {
    const events: FirehoseTransformationEvent[] = [];
    const spy: TransformHandler = async (event) => {
      events.push(event);
      return handler(event);
    };
    const records = kinesisRecords([
      ['o1', JSON.stringify(streamRecord('o1', 0)), 0],
      ['o2', JSON.stringify(streamRecord('o2', 1)), 1],
      ['o3', JSON.stringify(streamRecord('o3', 7)), 7],
    ]);

    const stats = await new FirehoseEmulator(SETTINGS, spy, new LakeWriter(out), NO_DUPLICATES).deliver(records);

    expect(events.map((event) => event.records.length)).toEqual([2, 1]);
    expect(events[0]).toEqual({
      invocationId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      deliveryStreamArn: SETTINGS.deliveryStreamArn,
      sourceKinesisStreamArn: SETTINGS.sourceKinesisStreamArn,
      region: 'eu-west-1',
      records: [0, 1].map((i) => ({
        recordId: expect.stringMatching(/^\d+$/),
        approximateArrivalTimestamp: T0 + i * 1000,
        data: records[i]!.data.toString('base64'),
        kinesisRecordMetadata: {
          shardId: records[i]!.shardId,
          partitionKey: `o${i + 1}`,
          approximateArrivalTimestamp: T0 + i * 1000,
          sequenceNumber: records[i]!.sequenceNumber,
          subsequenceNumber: 0,
        },
      })),
    });
    expect(stats).toMatchObject({ invocations: 2, delivered: 3, failed: 0, redelivered: 0 });
    expect(eventShape(events[0])).toEqual(eventShape(FIXTURE_EVENT));
  });

  test('writes ProcessingFailed records in Firehose error-record format with the original data', async () => {
    const lake = new LakeWriter(out);
    const records = kinesisRecords([
      ['o1', 'not json at all', 0],
      ['o2', JSON.stringify(streamRecord('o2', 1)), 1],
    ]);

    const stats = await new FirehoseEmulator(SETTINGS, handler, lake, NO_DUPLICATES).deliver(records);

    expect(stats).toMatchObject({ delivered: 1, failed: 1 });
    const errorKey = lake.objects.find((o) => o.key.startsWith('errors/'))!.key;
    expect(errorKey).toMatch(
      /^errors\/processing-failed\/year=2025\/month=01\/day=15\/sales-test-lake-1-2025-01-15-10-30-00-[0-9a-f-]{36}\.json\.gz$/,
    );
    expect(readLines(lake, 'errors/').map((line) => JSON.parse(line))).toEqual([
      {
        attemptsMade: 1,
        arrivalTimestamp: T0,
        errorCode: 'Lambda.ProcessingFailedStatus',
        errorMessage: 'ProcessingFailed status set for record',
        attemptEndingTimestamp: T0 + 5_000,
        rawData: Buffer.from('not json at all').toString('base64'),
        lambdaArn: SETTINGS.lambdaArn,
      },
    ]);
    expect(Object.keys(JSON.parse(readLines(lake, 'errors/')[0]!))).toEqual([
      'attemptsMade',
      'arrivalTimestamp',
      'errorCode',
      'errorMessage',
      'attemptEndingTimestamp',
      'rawData',
      'lambdaArn',
    ]);
  });

  test('retries a throwing handler NumberOfRetries times, then fails the whole batch', async () => {
    let calls = 0;
    const throwing: TransformHandler = async () => {
      calls += 1;
      throw new Error('boom');
    };
    const lake = new LakeWriter(out);

    const stats = await new FirehoseEmulator(SETTINGS, throwing, lake, NO_DUPLICATES).deliver(
      kinesisRecords([
        ['o1', '{}', 0],
        ['o2', '{}', 1],
      ]),
    );

    expect(calls).toBe(4);
    expect(stats).toMatchObject({ delivered: 0, failed: 2, failedInvocations: 1 });
    expect(readLines(lake, 'errors/').map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ attemptsMade: 4, errorCode: 'Lambda.FunctionError', errorMessage: 'boom' }),
      expect.objectContaining({ attemptsMade: 4, errorCode: 'Lambda.FunctionError', errorMessage: 'boom' }),
    ]);
  });

  test('treats a response that misses a recordId as a failed invocation', async () => {
    const forgetful: TransformHandler = async (event) => ({
      records: event.records.slice(1).map((r) => ({ recordId: r.recordId, result: 'Dropped', data: '' })),
    });

    const lake = new LakeWriter(out);

    const stats = await new FirehoseEmulator(SETTINGS, forgetful, lake, NO_DUPLICATES).deliver(
      kinesisRecords([
        ['o1', '{}', 0],
        ['o2', '{}', 1],
      ]),
    );

    expect(stats).toMatchObject({ failed: 2, failedInvocations: 1, invocations: 4 });
    expect(readLines(lake, 'errors/').map((line) => JSON.parse(line).errorCode)).toEqual([
      'Lambda.MissingRecordId',
      'Lambda.MissingRecordId',
    ]);
  });

  test('delivers slice by slice: each call leaves its records in the lake, the counts cover every call', async () => {
    const lake = new LakeWriter(out);
    const emulator = new FirehoseEmulator(SETTINGS, handler, lake, NO_DUPLICATES);
    const records = kinesisRecords([
      ['o1', JSON.stringify(streamRecord('o1', 0)), 0],
      ['o2', JSON.stringify(streamRecord('o2', 1)), 1],
      ['o3', 'not json at all', 2],
      ['o4', JSON.stringify(streamRecord('o4', 3)), 3],
    ]);

    const first = { ...(await emulator.deliver(records.slice(0, 2))) };
    const linesAfterFirst = readLines(lake, 'sales/').length;
    const second = await emulator.deliver(records.slice(2));

    expect(linesAfterFirst).toBe(2);
    expect(first).toMatchObject({ delivered: 2, failed: 0 });
    expect(second).toMatchObject({ delivered: 3, failed: 1, invocations: 2 });
    expect(readLines(lake, 'sales/')).toHaveLength(3);
  });

  test('re-delivers the requested fraction of records as copies with new record ids', async () => {
    const payloads = Array.from({ length: 200 }, (_, i): [string, string, number] => [
      `o${i}`,
      JSON.stringify(streamRecord(`o${i}`, i)),
      i / 10,
    ]);
    const lake = new LakeWriter(out);

    const stats = await new FirehoseEmulator(SETTINGS, handler, lake, {
      fraction: 0.25,
      random: createRandom('7'),
    }).deliver(kinesisRecords(payloads));

    expect(stats.redelivered).toBeGreaterThan(30);
    expect(stats.redelivered).toBeLessThan(70);
    expect(stats).toMatchObject({ delivered: 200, failed: 0 });
    expect(readLines(lake, 'sales/')).toHaveLength(200 + stats.redelivered);
  });
});
