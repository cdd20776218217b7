import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  decodeRecord,
  parseChangeRecord,
  serializeRow,
  toRow,
  transformFirehoseEvent,
  type FirehoseTransformationEvent,
} from '../../src/index.js';
import { salesOrderBatch } from '../support/sales-order-batch.js';
import { GOLDEN_CHANGES } from './changes.js';

/** What one record becomes: its row line and partition keys, or (answered `ProcessingFailed` with its own data) why it failed. */
export type GoldenRow =
  | { readonly line: string; readonly partitionKeys: Readonly<Record<string, string>> }
  | { readonly failed: string };

/** The committed expectation: every row line the handler writes for the golden inputs. */
export interface GoldenRows {
  /** Per shared event file in `tests/events`, per `recordId`. */
  readonly events: Readonly<Record<string, Readonly<Record<string, GoldenRow>>>>;
  /** Per case of {@link GOLDEN_CHANGES}. */
  readonly changes: Readonly<Record<string, GoldenRow>>;
  /** SHA-256 of the bench batch's output lines, concatenated (1,796 rows, too large to commit). */
  readonly salesOrderBatchSha256: string;
}

/** The shared AWS-shaped events (tests run as CommonJS under ts-jest, so `__dirname` is defined). */
export const EVENTS_DIR = path.join(__dirname, '..', 'events');
/** The committed golden rows; `UPDATE_GOLDEN=1 npx jest packages/transform/tests/golden` rewrites it. */
export const GOLDEN_FILE = path.join(__dirname, 'rows.golden.json');

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');

/**
 * Run an event through the handler's path and give each record's row. A failed record must be
 * answered with its own data; its reason comes from the public pieces (the answer carries none).
 *
 * @param event - a Firehose transformation event
 * @returns recordId -> row line (decoded) and partition keys, or the failure
 * @throws Error when a failed record is not answered with its original data
 */
export function handlerRows(event: FirehoseTransformationEvent): Record<string, GoldenRow> {
  const rows: Record<string, GoldenRow> = {};
  const { result } = transformFirehoseEvent(event);
  result.records.forEach((record, i) => {
    const input = event.records[i];
    if (record.result === 'Ok') {
      rows[record.recordId] = {
        line: Buffer.from(record.data, 'base64').toString('utf8'),
        partitionKeys: { ...record.metadata?.partitionKeys },
      };
      return;
    }
    if (input === undefined || record.data !== input.data)
      throw new Error(`record ${record.recordId} failed without its original data`);
    rows[record.recordId] = { failed: publicLine(input.data, input.approximateArrivalTimestamp) };
  });
  return rows;
}

/**
 * The row line the public pieces give for one record's data (decode, parse, `toRow`, `serializeRow`).
 *
 * @param data - base64 record data
 * @param arrivalMs - the record's arrival time, the fallback event time
 * @param copy - serialize a plain copy of the row, so the line is rebuilt from the column values
 * @returns the line, or the failure reason
 */
export function publicLine(data: unknown, arrivalMs?: number, copy = false): string {
  const text = decodeRecord(data);
  const change = text.ok
    ? parseChangeRecord(text.value, arrivalMs === undefined ? {} : { fallbackEventTimeMs: arrivalMs })
    : text;
  const row = change.ok ? toRow(change.value) : change;
  if (!row.ok) return `${row.reason}: ${row.detail}`;
  return serializeRow(copy ? new Map(row.value) : row.value);
}

/** The golden cases as one Firehose event, one record per case, the case name as `recordId`. */
export function goldenChangesEvent(): FirehoseTransformationEvent {
  return {
    invocationId: 'golden',
    records: Object.entries(GOLDEN_CHANGES).map(([name, change]) => ({
      recordId: name,
      approximateArrivalTimestamp: 1736940612000,
      data: encode(change),
    })),
  };
}

/** The shared event files the golden rows cover. */
export function eventFiles(): string[] {
  return readdirSync(EVENTS_DIR)
    .filter((name) => name.startsWith('firehose-event-') && !name.endsWith('.manifest.json'))
    .sort();
}

/**
 * Compute the golden rows from the current sources.
 *
 * @returns the rows the handler writes today
 */
export function computeGoldenRows(): GoldenRows {
  const events: Record<string, Record<string, GoldenRow>> = {};
  for (const file of eventFiles())
    events[file] = handlerRows(
      JSON.parse(readFileSync(path.join(EVENTS_DIR, file), 'utf8')) as FirehoseTransformationEvent,
    );
  const batch = transformFirehoseEvent(salesOrderBatch().event).result.records;
  const hash = createHash('sha256');
  for (const record of batch) hash.update(Buffer.from(record.data, 'base64'));
  return { events, changes: handlerRows(goldenChangesEvent()), salesOrderBatchSha256: hash.digest('hex') };
}
