/**
 * `npm run local -- --start 2026-11-01T00:00:00Z --span 3d --orders 150`: simulated time fills many day and hour
 * partitions, a few changes arrive hours late into partitions newer ones have passed, and the named queries and the
 * final check still hold.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFlags } from '@sales/command-line';
import { loadConfig, ORDER_CHANGE_COLUMNS } from '@sales/pipeline-spec';
import { createHandler, createRowSchema } from '@sales/transform';
import { readLake, type LakeFile } from '../../src/glue/lake-reader';
import { LOCAL_FLAGS } from '../../src/run/flags';
import { validateLocalOptions } from '../../src/run/options';
import { runLocalPipeline, type PipelineRun } from '../../src/run/pipeline';

const START = '2026-11-01T00:00:00.000Z';
const END = '2026-11-04T00:00:00.000Z';
const HOUR_MS = 3_600_000;

let out: string;
let run: PipelineRun;
let files: LakeFile[];

/** The partition's first instant, and the arrival time Firehose named the object after. */
function timesOf(file: LakeFile): { partitionMs: number; arrivalMs: number } {
  const { year, month, day, hour } = file.partitions;
  const named = /-1-(\d{4})-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)-[0-9a-f-]{36}\.json\.gz$/.exec(file.key)!.slice(1);
  const [y, mo, d, h, mi, s] = named.map(Number) as [number, number, number, number, number, number];
  return {
    partitionMs: Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour)),
    arrivalMs: Date.UTC(y, mo - 1, d, h, mi, s),
  };
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'sales-local-span-'));
  const argv = ['--start', '2026-11-01T00:00:00Z', '--span', '3d', '--orders', '150', '--seed', 'span', '--out', out];
  const options = validateLocalOptions(parseFlags(LOCAL_FLAGS, argv).values, out, out);
  const result = await runLocalPipeline(options, {
    handler: createHandler({ schema: createRowSchema(ORDER_CHANGE_COLUMNS) }),
    config: loadConfig('dev', {}),
  });
  if (result.kind !== 'completed') throw new Error(`the run stopped: ${result.summary.problems.join('; ')}`);
  run = result;
  files = readLake(out, 'sales/');
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run local --span 3d', () => {
  test('passes every check, the final one finding the lake equal to the table', () => {
    expect(run.summary.problems).toEqual([]);
    expect(run.summary.status).toBe('ok');
    const equal = { missing_in_lake: 0, extra_in_lake: 0, value_mismatch: 0, sample: [] };
    expect(run.summary.lake_vs_table).toMatchObject(equal);
    expect(run.summary.current_vs_table).toMatchObject(equal);
    expect(run.summary.current_state_rows).toBe(run.summary.table_items);
  });

  test('merges over a moving log: each later merge reads a window of the span, late changes included', () => {
    const [first, ...later] = run.summary.merges;
    const rows = files.reduce((sum, file) => sum + file.rows.length, 0);
    expect(first).toMatchObject({ window_start: null });
    expect(later).toHaveLength(2);
    for (const merge of later) {
      // The window starts the lateness (7 h) before the previous merge's read, inside the span, so it reads only
      // part of the log; the late changes arrive within the lateness, so they are in the window that follows them.
      expect(merge.window_start! >= START.slice(0, 13)).toBe(true);
      expect(merge.change_rows_read).toBeLessThan(rows);
    }
    expect(run.summary.merges.map((merge) => merge.read_until)).toEqual(
      [...run.summary.merges.map((merge) => merge.read_until)].sort(),
    );
  });

  test('fills more than one day partition and more than one hour partition, and says so in summary.json', () => {
    const days = new Set(files.map((file) => `${file.partitions['month']}-${file.partitions['day']}`));
    const hours = new Set(files.map((file) => timesOf(file).partitionMs));
    expect(days).toEqual(new Set(['11-01', '11-02', '11-03']));
    expect(hours.size).toBeGreaterThan(48);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.partitions).toEqual({ days: 3, hours: hours.size });
  });

  test('stamps each change with its own simulated time: the stream record, the partition and the order agree', () => {
    for (const file of files) {
      for (const row of file.rows) {
        const eventTime = String(row['cdc_event_time']);
        expect(eventTime >= START && eventTime < END).toBe(true);
        expect(Date.parse(eventTime) - timesOf(file).partitionMs).toBeLessThan(HOUR_MS);
        // ApproximateCreationDateTime has whole seconds; the order's own timestamp has milliseconds.
        const ownTime = String(row[row['cdc_operation'] === 'insert' ? 'created_at' : 'updated_at']);
        if (row['cdc_operation'] !== 'remove') expect(eventTime.slice(0, 19)).toBe(ownTime.slice(0, 19));
        expect(String(row['updated_at']) >= String(row['created_at'])).toBe(true);
      }
    }
  });

  test('delivers a few changes hours late, into partitions that newer objects had already passed', () => {
    expect(run.summary.records_late).toBeGreaterThan(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.records_late).toBe(run.summary.records_late);
    // On time, a change reaches Kinesis within the pipe's 1 s batching window; a late one at least an hour after.
    const lagMs = (file: LakeFile) =>
      timesOf(file).arrivalMs - Math.max(...file.rows.map((row) => Date.parse(String(row['cdc_event_time']))));
    const late = files.filter((file) => lagMs(file) >= HOUR_MS / 2);
    expect(files.filter((file) => lagMs(file) > 2000 && lagMs(file) < HOUR_MS / 2)).toEqual([]);
    const lateChanges = new Set(late.flatMap((file) => file.rows.map((row) => row['cdc_event_id'])));
    expect(lateChanges.size).toBe(run.summary.records_late);
    const afterNewer = late.filter((file) =>
      files.some(
        (other) =>
          timesOf(other).partitionMs > timesOf(file).partitionMs && timesOf(other).arrivalMs < timesOf(file).arrivalMs,
      ),
    );
    expect(afterNewer.length).toBeGreaterThan(0);
  });

  test('gives revenue for each day of the span from the unchanged named query', () => {
    const rows = run.queries.find((outcome) => outcome.query.name === 'revenue_by_day_and_region')!.result!.rows;
    expect(new Set(rows.map((row) => String(row['order_day'])))).toEqual(
      new Set(['2026-11-01', '2026-11-02', '2026-11-03']),
    );
  });

  test('writes no clock record: the changes were not stamped by this host', () => {
    expect(existsSync(join(out, 'lake-clock.json'))).toBe(false);
  });
});
