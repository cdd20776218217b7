import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { useTemporaryFolder } from '@sales/testing';
import { transformFirehoseEvent } from '@sales/transform';
import { LocalLakeStore } from '../../src/lake/local-lake-store';
import { replayErrorObjects } from '../../src/replay/firehose/replay-error-objects';
import { lakeKeys, rowsPerEventId } from '@sales/testing';
import { readEvent, writeErrorObject, type FailedSource } from '../support/error-objects';

/** The four Pipe-delivered changes of the repository's sales event: INSERT, MODIFY, REMOVE, TTL REMOVE. */
const SALES = readEvent('firehose-event-pipe-sales.json').records.map(
  (record): FailedSource => ({
    data: record.data,
    approximateArrivalTimestamp: record.approximateArrivalTimestamp as number,
  }),
);
const ARRIVAL = SALES[0]!.approximateArrivalTimestamp;
/** Records no transform can turn into rows: plain text, and not base64 at all. */
const NOT_JSON: FailedSource = {
  data: Buffer.from('not json').toString('base64'),
  approximateArrivalTimestamp: ARRIVAL,
};
const BAD_BASE64: FailedSource = { data: '%%%', approximateArrivalTimestamp: ARRIVAL };

/** The rows the pipeline delivered before the failure: the first two changes, as Firehose wrote them. */
async function writeDeliveredRows(root: string): Promise<void> {
  const event = readEvent('firehose-event-pipe-sales.json');
  const { result } = transformFirehoseEvent({ ...event, records: event.records.slice(0, 2) });
  const rows = Buffer.concat(result.records.map((record) => Buffer.from(record.data, 'base64')));
  const { year, month, day, hour } = result.records[0]!.metadata!.partitionKeys as Record<string, string>;
  await new LocalLakeStore(root).write(
    `sales/year=${year}/month=${month}/day=${day}/hour=${hour}/sales-dev-changes-1-delivered.json.gz`,
    gzipSync(rows),
  );
}

/** Every file's bytes, by key, to prove a re-run changed nothing. */
const snapshot = (root: string) =>
  Object.fromEntries(lakeKeys(root).map((key) => [key, readFileSync(join(root, key)).toString('base64')]));

describe('replayErrorObjects', () => {
  const root = useTemporaryFolder('replay-');
  let lake: LocalLakeStore;
  beforeEach(() => {
    lake = new LocalLakeStore(root.path);
  });

  test('replays the failed changes into their event-time partitions, once per cdc_event_id, twice over', async () => {
    await writeDeliveredRows(root.path);
    writeErrorObject(root.path, SALES.slice(2), 'a0000000-0000-4000-8000-000000000001');
    const before = rowsPerEventId(root.path);

    const first = await replayErrorObjects(lake);
    const afterFirst = rowsPerEventId(root.path);
    const second = await replayErrorObjects(lake);

    expect(Object.keys(before)).toHaveLength(2);
    expect(first).toMatchObject({ objects: 1, processed: 1, records: 2, replayed: 2, stillFailing: 0 });
    expect(Object.values(afterFirst)).toEqual([1, 1, 1, 1]);
    expect(second).toMatchObject({ objects: 1, alreadyReplayed: 1, processed: 0, written: [] });
    expect(rowsPerEventId(root.path)).toEqual(afterFirst);
    for (const key of first.written.filter((written) => written.startsWith('sales/'))) {
      const rows = gunzipSync(readFileSync(join(root.path, key)))
        .toString('utf8')
        .trim()
        .split('\n');
      for (const row of rows) {
        const time = (JSON.parse(row) as { cdc_event_time: string }).cdc_event_time;
        expect(
          key.startsWith(
            `sales/year=${time.slice(0, 4)}/month=${time.slice(5, 7)}/day=${time.slice(8, 10)}/hour=${time.slice(11, 13)}/replay-`,
          ),
        ).toBe(true);
      }
    }
  });

  test('reports records that still fail with their reasons, keeps them under errors/replay-failed/, replays the rest', async () => {
    const errorKey = writeErrorObject(
      root.path,
      [SALES[0]!, NOT_JSON, BAD_BASE64],
      'a0000000-0000-4000-8000-000000000002',
    );

    const summary = await replayErrorObjects(lake);

    expect(summary).toMatchObject({
      records: 3,
      replayed: 1,
      stillFailing: 2,
      stillFailingByReason: { 'not-json': 1, 'bad-base64': 1 },
    });
    const failedKey = errorKey
      .replace('errors/processing-failed/', 'errors/replay-failed/')
      .replace(/\.json\.gz$/, '.json');
    const kept = readFileSync(join(root.path, failedKey), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(kept.map((line) => [line.rawData, line.replayFailureReason, line.errorCode])).toEqual([
      [NOT_JSON.data, 'not-json', 'Lambda.ProcessingFailedStatus'],
      [BAD_BASE64.data, 'bad-base64', 'Lambda.ProcessingFailedStatus'],
    ]);
    const marker = JSON.parse(readFileSync(join(root.path, summary.written.at(-1)!), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(marker).toMatchObject({ errorKey, records: 3, replayed: 1, stillFailing: 2, replayFailedObject: failedKey });
  });

  test('a re-run retries still-failing objects but writes the same keys with the same bytes', async () => {
    writeErrorObject(root.path, [SALES[1]!, NOT_JSON], 'a0000000-0000-4000-8000-000000000003');
    await replayErrorObjects(lake);
    const afterFirst = snapshot(root.path);

    const second = await replayErrorObjects(lake);

    expect(second).toMatchObject({ processed: 1, alreadyReplayed: 0, stillFailing: 1 });
    expect(snapshot(root.path)).toEqual(afterFirst);
  });

  test('--force replays done objects again onto the same keys, with the same bytes', async () => {
    writeErrorObject(root.path, SALES, 'a0000000-0000-4000-8000-000000000004');
    const first = await replayErrorObjects(lake);
    const afterFirst = snapshot(root.path);

    const forced = await replayErrorObjects(lake, { force: true });

    expect(forced.written).toEqual(first.written);
    expect(snapshot(root.path)).toEqual(afterFirst);
    expect(Object.values(rowsPerEventId(root.path))).toEqual([1, 1, 1, 1]);
  });

  test('a dry run reports the keys a real run writes, and writes nothing', async () => {
    writeErrorObject(root.path, [SALES[0]!, NOT_JSON], 'a0000000-0000-4000-8000-000000000005');
    const untouched = snapshot(root.path);

    const dry = await replayErrorObjects(lake, { dryRun: true });
    const afterDry = snapshot(root.path);
    const real = await replayErrorObjects(lake);

    expect(afterDry).toEqual(untouched);
    expect(dry).toMatchObject({ dryRun: true, replayed: 1, stillFailing: 1 });
    expect(dry.written).toEqual(real.written);
  });

  test('an interrupted run finishes the object in hand, and the next run continues with the rest', async () => {
    writeErrorObject(root.path, [SALES[0]!], 'a0000000-0000-4000-8000-000000000006');
    writeErrorObject(root.path, [SALES[1]!], 'b0000000-0000-4000-8000-000000000007');
    const controller = new AbortController();
    const abortingLake = new LocalLakeStore(root.path);
    const write = abortingLake.write.bind(abortingLake);
    abortingLake.write = async (key, body) => {
      await write(key, body);
      if (key.startsWith('errors/replayed/')) controller.abort('SIGINT');
    };

    const interrupted = await replayErrorObjects(abortingLake, { signal: controller.signal });
    const resumed = await replayErrorObjects(lake);

    expect(interrupted).toMatchObject({ objects: 2, processed: 1, interrupted: true });
    expect(resumed).toMatchObject({ objects: 2, alreadyReplayed: 1, processed: 1, interrupted: false });
    expect(Object.values(rowsPerEventId(root.path))).toEqual([1, 1]);
  });

  test('removes an earlier still-failing list once every record of the object replays', async () => {
    const errorKey = writeErrorObject(root.path, [SALES[0]!], 'a0000000-0000-4000-8000-000000000008');
    const failedKey = errorKey
      .replace('errors/processing-failed/', 'errors/replay-failed/')
      .replace(/\.json\.gz$/, '.json');
    await lake.write(failedKey, Buffer.from('{"rawData":"stale"}\n'));

    await replayErrorObjects(lake, { force: true });

    expect(await lake.read(failedKey)).toBeUndefined();
  });

  test('an object that is not valid GZIP is reported and left without a marker', async () => {
    await lake.write(
      'errors/processing-failed/year=2025/month=01/day=15/broken.gz',
      Buffer.from([0x1f, 0x8b, 1, 2, 3]),
    );

    const summary = await replayErrorObjects(lake);

    expect(summary).toMatchObject({
      objects: 1,
      stillFailing: 1,
      stillFailingByReason: { 'unreadable-error-object': 1 },
      written: [],
    });
  });
});
