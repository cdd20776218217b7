import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FirehoseTransformationEvent } from '../../src/index.js';
import {
  computeGoldenRows,
  EVENTS_DIR,
  eventFiles,
  goldenChangesEvent,
  GOLDEN_FILE,
  PUBLIC_PATHS,
  publicLine,
  type GoldenRow,
  type GoldenRows,
} from './golden-rows.js';

// Rewrite the committed file only on request, for a deliberate change of the row contract.
if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN_FILE, `${JSON.stringify(computeGoldenRows(), null, 1)}\n`);
const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as GoldenRows;
const current = computeGoldenRows();

const readEvent = (file: string): FirehoseTransformationEvent =>
  JSON.parse(readFileSync(path.join(EVENTS_DIR, file), 'utf8')) as FirehoseTransformationEvent;
const expectPublicPiecesToAgree = (
  event: FirehoseTransformationEvent,
  rows: Readonly<Record<string, GoldenRow>>,
): void => {
  for (const record of event.records) {
    const row = rows[record.recordId];
    const expected = row !== undefined && 'line' in row ? row.line : row?.failed;
    // `toRow copy` rebuilds the line from toRow's column values (UTF-16 slices of a UTF-8 line).
    for (const via of PUBLIC_PATHS)
      expect(publicLine(record.data, record.approximateArrivalTimestamp, via)).toBe(expected);
  }
};

describe('golden rows: every line the handler writes stays byte for byte the same', () => {
  test.each(eventFiles())('%s', (file) => {
    expect(current.events[file]).toEqual(golden.events[file]);
  });

  test.each(Object.keys(golden.changes))('%s', (name) => {
    expect(current.changes[name]).toEqual(golden.changes[name]);
  });

  test('covers every golden case and every shared event', () => {
    expect(Object.keys(current.changes)).toEqual(Object.keys(golden.changes));
    expect(Object.keys(current.events)).toEqual(Object.keys(golden.events));
  });

  test('the bench batch (1,796 sales-order changes) hashes to the committed digest', () => {
    expect(current.salesOrderBatchSha256).toBe(golden.salesOrderBatchSha256);
  });
});

describe('golden rows: the public pieces write the same lines as the handler', () => {
  test.each(eventFiles())('%s', (file) => {
    expectPublicPiecesToAgree(readEvent(file), golden.events[file] ?? {});
  });

  test('the golden changes', () => {
    expectPublicPiecesToAgree(goldenChangesEvent(), golden.changes);
  });
});
