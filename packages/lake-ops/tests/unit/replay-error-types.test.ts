import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { useTemporaryFolder } from '@sales/testing';
import { transformFirehoseEvent } from '@sales/transform';
import { LocalLakeStore } from '../../src/lake/local-lake-store';
import { parseDeliveredRow } from '../../src/replay/firehose/delivered-row';
import { errorOutputTypeOf } from '../../src/replay/firehose/error-output-type';
import { toErrorReplayJson } from '../../src/replay/firehose/format-error-replay';
import { replayErrorObjects } from '../../src/replay/firehose/replay-error-objects';
import { markerKey, replayFailedKey } from '../../src/replay/firehose/replay-keys';
import { replayExitCode } from '../../src/replay/replay-command';
import { lakeKeys, rowsPerEventId } from '@sales/testing';
import { readEvent } from '../support/error-objects';

/** One documented (or, for partitioning-failed, observed) error record shape per file (tests/events/firehose). */
const record = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', 'events', 'firehose', name), 'utf8')) as Record<string, unknown>;
const PROCESSING_FAILED = record('processing-failed-record.json');
const PARTITIONING_FAILED_ROW = record('partitioning-failed-record-row.json');
const PARTITIONING_FAILED_SOURCE = record('partitioning-failed-record-source.json');
const FORMAT_CONVERSION_FAILED = record('format-conversion-failed-record.json');

/** Writes one GZIP error object of JSON lines, as Firehose does. */
function writeObject(root: string, key: string, lines: readonly Record<string, unknown>[]): string {
  mkdirSync(dirname(join(root, key)), { recursive: true });
  writeFileSync(join(root, key), gzipSync(lines.map((line) => `${JSON.stringify(line)}\n`).join('')));
  return key;
}

const DAY = 'year=2025/month=01/day=15';
const OBJECT = 'sales-dev-lake-1-2025-01-15-10-30-11-a0000000-0000-4000-8000-000000000001.gz';

describe('error output types', () => {
  test.each([
    [`errors/processing-failed/${DAY}/x.gz`, { kind: 'error-records', type: 'processing-failed' }],
    [`errors/partitioning-failed/${DAY}/x.gz`, { kind: 'error-records', type: 'partitioning-failed' }],
    [`errors/replayed/${DAY}/x.json`, { kind: 'replay-output' }],
    [`errors/replay-failed/${DAY}/x.json`, { kind: 'replay-output' }],
    [`errors/format-conversion-failed/${DAY}/x.gz`, { kind: 'not-replayable', type: 'format-conversion-failed' }],
  ])('%s -> %o', (key, expected) => {
    expect(errorOutputTypeOf(key)).toMatchObject(expected);
  });

  test('markers of processing-failed objects keep their scheme; other types get their own folder', () => {
    expect(markerKey(`errors/processing-failed/${DAY}/x.gz`)).toBe(`errors/replayed/${DAY}/x.json`);
    expect(markerKey(`errors/partitioning-failed/${DAY}/x.gz`)).toBe(
      `errors/replayed/partitioning-failed/${DAY}/x.json`,
    );
    expect(replayFailedKey(`errors/partitioning-failed/${DAY}/x.gz`)).toBe(
      `errors/replay-failed/partitioning-failed/${DAY}/x.json`,
    );
    expect(() => markerKey(`errors/format-conversion-failed/${DAY}/x.gz`)).toThrow(/partitioning-failed/);
  });

  test('a delivered row keeps its bytes and gets the partition the transform gave it', () => {
    const event = readEvent('firehose-event-pipe-sales.json');
    const { result } = transformFirehoseEvent({ ...event, records: [event.records[1]!] });

    const row = parseDeliveredRow(PARTITIONING_FAILED_ROW.rawData as string);

    expect(row?.partition).toEqual(result.records[0]!.metadata!.partitionKeys);
    expect(row?.line.toString('utf8')).toBe(Buffer.from(result.records[0]!.data!, 'base64').toString('utf8'));
    expect(parseDeliveredRow(PARTITIONING_FAILED_SOURCE.rawData as string)).toBeUndefined();
    expect(parseDeliveredRow(Buffer.from('not json').toString('base64'))).toBeUndefined();
  });
});

describe('replayErrorObjects over every error output type', () => {
  const root = useTemporaryFolder('replay-types-');
  let lake: LocalLakeStore;
  beforeEach(() => {
    lake = new LocalLakeStore(root.path);
  });

  test('replays processing-failed and partitioning-failed records (rows as they are, sources through the transform)', async () => {
    writeObject(root.path, `errors/processing-failed/${DAY}/${OBJECT}`, [PROCESSING_FAILED]);
    const partitioning = writeObject(root.path, `errors/partitioning-failed/${DAY}/${OBJECT}`, [
      PARTITIONING_FAILED_ROW,
      PARTITIONING_FAILED_SOURCE,
    ]);

    const first = await replayErrorObjects(lake);
    const afterFirst = rowsPerEventId(root.path);
    const second = await replayErrorObjects(lake);

    expect(first).toMatchObject({
      objects: 2,
      objectsByType: { 'processing-failed': 1, 'partitioning-failed': 1 },
      records: 3,
      replayed: 3,
      stillFailing: 0,
      notReplayable: [],
    });
    // The processing-failed record and the partitioning-failed source are the same change: one event id, twice.
    expect(Object.values(afterFirst).sort()).toEqual([1, 2]);
    expect(second).toMatchObject({ objects: 2, alreadyReplayed: 2, processed: 0, written: [] });
    expect(rowsPerEventId(root.path)).toEqual(afterFirst);
    expect(lakeKeys(root.path, 'errors/replayed')).toEqual(
      [`errors/replayed/${DAY}/${OBJECT.replace(/\.gz$/, '.json')}`, markerKey(partitioning)].sort(),
    );
    expect(replayExitCode(first, undefined, undefined)).toBe(0);
  });

  test('reports an object of a type this stream does not write, replays nothing of it, and exits 1', async () => {
    const key = writeObject(root.path, `errors/format-conversion-failed/${DAY}/${OBJECT}`, [FORMAT_CONVERSION_FAILED]);

    const summary = await replayErrorObjects(lake);

    expect(summary).toMatchObject({ objects: 0, records: 0, written: [] });
    expect(toErrorReplayJson(summary).not_replayable).toEqual([{ key, type: 'format-conversion-failed' }]);
    expect(lakeKeys(root.path, 'sales')).toEqual([]);
    expect(replayExitCode(summary, undefined, undefined)).toBe(1);
  });
});
