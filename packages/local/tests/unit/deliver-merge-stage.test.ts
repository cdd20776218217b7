import { handler } from '@sales/transform';
import { createRandom } from '@sales/generator';
import type { MergeReport } from '@sales/lake-ops';
import { loadConfig } from '@sales/pipeline-spec';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FirehoseEmulator } from '../../src/firehose/firehose-emulator';
import { LakeWriter } from '../../src/firehose/lake-writer';
import { readLake } from '../../src/glue/lake-reader';
import { KinesisStreamEmulator } from '../../src/kinesis/kinesis-stream';
import { deliverAndMerge, describeDeliverAndMerge, sliceByArrival } from '../../src/run/deliver-merge-stage';
import { toLocalSettings } from '../../src/run/pipeline-settings';
import { RunInterruptedError } from '../../src/run/stage-runner';

const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);
const SETTINGS = toLocalSettings(loadConfig('dev', {}), '2025-01-15T00:00:00.000');

/** A DynamoDB stream record (INSERT) of one order, as the pipe puts it on the stream. */
const insert = (id: string, second: number) =>
  JSON.stringify({
    eventID: id.padEnd(32, '0'),
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    eventSourceARN: SETTINGS.streamArn,
    dynamodb: {
      ApproximateCreationDateTime: (T0 + second * 1000) / 1000,
      Keys: { order_id: { S: id } },
      NewImage: { order_id: { S: id }, status: { S: 'placed' } },
      SequenceNumber: String(100000000000000000000n + BigInt(second)),
      SizeBytes: 30,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  });

/** What a merge answered: only the parts the stage reads. */
const report = (readUntil: string, inserted: number, currentRows: number): MergeReport => ({
  lake: '/lake',
  engine: 'duckdb',
  mode: 'incremental',
  runId: 'r',
  readUntil,
  latenessSeconds: 25200,
  window: inserted === 0 ? null : { year: '2025', month: '01', day: '15', hour: '03' },
  wholeLog: null,
  dryRun: false,
  changeRowsRead: currentRows,
  rows: { inserted, updated: 0, deleted: 0 },
  currentRows,
  tombstones: { recorded: 0, expired: 0 },
  statements: [],
  exported: '/lake/current/orders_current.parquet',
  notDone: [],
});

let out: string;
beforeEach(() => (out = mkdtempSync(join(tmpdir(), 'sales-local-slices-'))));
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('sliceByArrival', () => {
  test.each([
    [5, 3, [2, 2, 1]],
    [6, 3, [2, 2, 2]],
    [1, 3, [1, 0, 0]],
    [0, 3, [0, 0, 0]],
  ])('cuts %i records into %i consecutive slices', (count, slices, sizes) => {
    const records = Array.from({ length: count }, (_, index) => index);
    const cut = sliceByArrival(records, count, slices);
    expect(cut.map((slice) => slice.size)).toEqual(sizes);
    expect(cut.flatMap((slice) => [...slice.records])).toEqual(records);
  });
});

describe('deliverAndMerge', () => {
  test('merges after each slice, once the slice is in the lake, reading up to its latest arrival', async () => {
    // Arrange: six orders arriving a minute apart.
    const stream = new KinesisStreamEmulator(2);
    for (let minute = 0; minute < 6; minute += 1)
      stream.put(`o${minute}`, Buffer.from(insert(`o${minute}`, minute * 60)), T0 + minute * 60_000);
    const lake = new LakeWriter(out);
    const emulator = new FirehoseEmulator(SETTINGS.firehose, handler, lake, { fraction: 0, random: createRandom('1') });
    const seen: { readUntil: string; rows: number }[] = [];

    // Act
    const result = await deliverAndMerge({
      records: stream.records(),
      count: stream.size,
      emulator,
      startMs: T0 - 3_600_000,
      signal: new AbortController().signal,
      merge: async (readUntil) => {
        const rows = readLake(out, SETTINGS.dataPrefix).flatMap((file) => file.rows).length;
        seen.push({ readUntil, rows });
        return report(readUntil, 2, rows);
      },
    });

    // Assert
    expect(seen).toEqual([
      { readUntil: '2025-01-15T10:01:00.000Z', rows: 2 },
      { readUntil: '2025-01-15T10:03:00.000Z', rows: 4 },
      { readUntil: '2025-01-15T10:05:00.000Z', rows: 6 },
    ]);
    expect(result.delivery).toMatchObject({ delivered: 6, failed: 0 });
    expect(result.merges.map((merge) => [merge.slice, merge.records, merge.inserted, merge.current_rows])).toEqual([
      [1, 2, 2, 2],
      [2, 2, 2, 4],
      [3, 2, 2, 6],
    ]);
    expect(result.merges[0]?.window_start).toBe('2025-01-15T03');
    expect(describeDeliverAndMerge(result, lake.objects.length)).toMatch(
      /^3 slices: \d+ invocations, 6 delivered, 0 failed, \d+ objects; 3 merges: \+6 ~0 -0 rows, 6 in orders_current$/,
    );
  });

  test('stops between slices when the run is interrupted, merging nothing more', async () => {
    const stream = new KinesisStreamEmulator(1);
    stream.put('o1', Buffer.from(insert('o1', 0)), T0);
    const controller = new AbortController();
    controller.abort();
    const emulator = new FirehoseEmulator(SETTINGS.firehose, handler, new LakeWriter(out), {
      fraction: 0,
      random: createRandom('1'),
    });
    const merge = jest.fn();

    await expect(
      deliverAndMerge({
        records: stream.records(),
        count: stream.size,
        emulator,
        startMs: T0,
        signal: controller.signal,
        merge,
      }),
    ).rejects.toBeInstanceOf(RunInterruptedError);
    expect(merge).not.toHaveBeenCalled();
  });
});
