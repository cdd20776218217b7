import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  decodeRecord,
  parseChangeRecord,
  RowLineWriter,
  serializeRow,
  toRow,
  toRowLine,
  transformFirehoseEvent,
  type ChangeRecord,
  type FirehoseTransformationEvent,
  type Parsed,
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
 * The public ways from a change to its row line: `toRow` + `serializeRow` (the remembered line, or
 * rebuilt from a plain copy of the row's column values), `toRowLine`, and a `RowLineWriter`.
 */
export const PUBLIC_PATHS = ['toRow', 'toRow copy', 'toRowLine', 'RowLineWriter'] as const;

/** One of {@link PUBLIC_PATHS}. */
export type PublicPath = (typeof PUBLIC_PATHS)[number];

function lineVia(change: ChangeRecord, via: PublicPath): Parsed<string> {
  if (via === 'toRowLine') return toRowLine(change);
  if (via === 'RowLineWriter') {
    const rows = new RowLineWriter();
    const written = rows.write(change);
    return written.ok ? { ok: true, value: Buffer.from(rows.take()).toString('utf8') } : written;
  }
  const row = toRow(change);
  if (!row.ok) return row;
  return { ok: true, value: serializeRow(via === 'toRow copy' ? new Map(row.value) : row.value) };
}

/**
 * The row line the public pieces give for one record's data (decode, parse, then `via`).
 *
 * @param data - base64 record data
 * @param arrivalMs - the record's arrival time, the fallback event time
 * @param via - which public path writes the line
 * @returns the line, or the failure reason
 */
export function publicLine(data: unknown, arrivalMs?: number, via: PublicPath = 'toRow'): string {
  const text = decodeRecord(data);
  const change = text.ok
    ? parseChangeRecord(text.value, arrivalMs === undefined ? {} : { fallbackEventTimeMs: arrivalMs })
    : text;
  const line = change.ok ? lineVia(change.value, via) : change;
  return line.ok ? line.value : `${line.reason}: ${line.detail}`;
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
