/**
 * `npm run bench -w @sales/transform`: throughput of transformFirehoseEvent on a realistic 3 MiB
 * batch against two references measured in the same run, plus the Lambda bundle's size,
 * module-load time and the memory one batch needs. Figures are ratios where they compare.
 * Set BENCH_QUICK=1 to print the throughput part only (no bundle build, no child processes).
 * Set BENCH_SIZE=smoke to run every part on a 64 KiB batch with a few rounds (a test runs it so).
 */
import { fileURLToPath } from 'node:url';
import {
  decodeRecord,
  parseChangeRecord,
  RowLineWriter,
  serializeRow,
  toRow,
  transformFirehoseEvent,
  type ChangeRecord,
  type FirehoseTransformationEvent,
} from '../src/index.js';
import { salesOrderBatch } from '../tests/support/sales-order-batch.js';
import { salesSchema } from '../tests/support/sales-schema.js';
import { sized } from '@sales/testing';
import { measureLambdaFootprint } from './lambda-footprint.js';
import { timeInterleaved } from './measure.js';
import { roundTripFloor, transformWithUnmarshall } from './references.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const MiB = 1024 * 1024;
const { event, dataBytes } = salesOrderBatch({ targetBytes: sized(3 * MiB, 64 * 1024) });
const records = event.records.length;
const MB = 1e6;

const check = transformFirehoseEvent(event);
if (check.summary.ok !== records)
  throw new Error(`bench batch must transform cleanly, got ${JSON.stringify(check.summary)}`);

/** Decode and parse one record's data, as a backfill or replay tool does before it writes the row. */
function changeOf(data: string): ChangeRecord {
  const text = decodeRecord(data);
  const change = text.ok ? parseChangeRecord(text.value) : text;
  if (!change.ok) throw new Error(`${change.reason}: ${change.detail}`);
  return change.value;
}

/**
 * One writer for every batch, as a tool that writes object after object keeps it (its buffer keeps its capacity
 * across `take`), and as the handler keeps its own encoder's buffer across invocations.
 */
const rows = new RowLineWriter();

/**
 * The same job through the public pieces, each row answered base64-encoded as the handler answers
 * it. `RowLineWriter` writes every row into one buffer, then the buffer is cut at its line ends.
 */
function transformWithRowLineWriter(batch: FirehoseTransformationEvent): string[] {
  for (const record of batch.records) {
    const written = rows.write(changeOf(record.data));
    if (!written.ok) throw new Error(`${written.reason}: ${written.detail}`);
  }
  const taken = rows.take();
  const bytes = Buffer.from(taken.buffer, taken.byteOffset, taken.byteLength);
  let start = 0;
  return batch.records.map(() => {
    const end = bytes.indexOf(10, start) + 1; // a row line holds no raw line feed: JSON escapes it
    const answer = bytes.toString('base64', start, end);
    start = end;
    return answer;
  });
}

/** The same job with each row as a `Map` of its columns (`toRow`), then its line (`serializeRow`). */
function transformWithToRow(batch: FirehoseTransformationEvent): string[] {
  return batch.records.map((record) => {
    const row = toRow(changeOf(record.data));
    if (!row.ok) throw new Error(`${row.reason}: ${row.detail}`);
    return Buffer.from(serializeRow(row.value), 'utf8').toString('base64');
  });
}

for (const [via, transformWithPublicPieces] of [
  ['RowLineWriter', transformWithRowLineWriter],
  ['toRow', transformWithToRow],
] as const) {
  const publicLines = transformWithPublicPieces(event);
  check.result.records.forEach((record, i) => {
    if (record.data !== publicLines[i])
      throw new Error(`public pieces (${via}) and handler disagree on record ${record.recordId}`);
  });
}

const withSchema = { schema: salesSchema };
const conformed = transformFirehoseEvent(event, withSchema);
if (conformed.summary.ok !== records)
  throw new Error(`bench batch must conform cleanly, got ${JSON.stringify(conformed.summary)}`);

const [ours, schemaBuilt, publicLine, publicPieces, straightforward, floor] = timeInterleaved(
  [
    ['transformFirehoseEvent', () => transformFirehoseEvent(event)],
    ['transformFirehoseEvent with the sales schema', () => transformFirehoseEvent(event, withSchema)],
    ['public row-line path (RowLineWriter)', () => transformWithRowLineWriter(event)],
    ['public pieces (toRow + serializeRow)', () => transformWithToRow(event)],
    ['unmarshall reference', () => transformWithUnmarshall(event)],
    ['round-trip floor', () => roundTripFloor(event)],
  ],
  sized(25, 3),
  sized(5, 1),
);

const line = (label: string, value: string): void => console.log(`${label.padEnd(44)} ${value}`);
console.log(
  `@sales/transform bench: ${records} records, ${(dataBytes / MiB).toFixed(2)} MiB decoded (${check.summary.inputDataBytes} bytes base64), Node ${process.version}`,
);
for (const timing of [ours, schemaBuilt, publicLine, publicPieces, straightforward, floor]) {
  if (timing === undefined) continue;
  const seconds = timing.medianMs / 1000;
  line(
    `  ${timing.name}`,
    `${timing.medianMs.toFixed(1)} ms/batch  ${Math.round(records / seconds).toLocaleString('en-US')} records/s  ${(dataBytes / MB / seconds).toFixed(1)} MB/s`,
  );
}
if (ours && schemaBuilt)
  line(
    '  with schema vs without (throughput)',
    `${(ours.medianMs / schemaBuilt.medianMs).toFixed(2)}x (>= 0.85x: conformance costs <= 15 %); ${conformed.summary.rejectedValues} values rejected`,
  );
if (ours && publicLine)
  line(
    '  public row-line path vs transformFirehoseEvent',
    `${(ours.medianMs / publicLine.medianMs).toFixed(2)}x (>= 1.00x as fast as the handler)`,
  );
if (ours && publicPieces)
  line(
    '  public toRow + serializeRow vs the handler',
    `${(ours.medianMs / publicPieces.medianMs).toFixed(2)}x (a Map of the columns, then the line)`,
  );
if (ours && schemaBuilt && straightforward && floor) {
  line(
    '  speed-up vs unmarshall reference',
    `${(straightforward.medianMs / ours.medianMs).toFixed(2)}x (natural JSON, no schema)`,
  );
  line(
    '  with the sales schema vs unmarshall',
    `${(straightforward.medianMs / schemaBuilt.medianMs).toFixed(2)}x (aim >= 2.0x)`,
  );
  line('  speed vs round-trip floor', `${(floor.medianMs / ours.medianMs).toFixed(2)}x (>= 1.00x matches or beats it)`);
}
const responseBytes = Buffer.byteLength(JSON.stringify(check.result));
line(
  '  response size',
  `${(responseBytes / MiB).toFixed(2)} MiB (limit 6 MB), output/input data ${(check.summary.outputDataBytes / check.summary.inputDataBytes).toFixed(2)}`,
);

if (process.env.BENCH_QUICK !== undefined) process.exit(0);
const footprint = measureLambdaFootprint(packageDir, event, sized(15, 3));
console.log('Lambda bundle (esbuild, node24, cjs, minified):');
line('  bundle size', `${(footprint.bundleBytes / 1024).toFixed(1)} KiB (${footprint.bundleBytes} bytes)`);
line(
  '  module load (fresh process, median)',
  `${footprint.loadMs.toFixed(2)} ms vs empty module ${footprint.emptyLoadMs.toFixed(2)} ms = ${(footprint.loadMs / footprint.emptyLoadMs).toFixed(2)}x`,
);
line(
  `  peak RSS with one ${(dataBytes / MiB).toFixed(2)} MiB batch`,
  `${footprint.peakRssMiB.toFixed(1)} MiB (call adds ${footprint.peakRssDeltaMiB.toFixed(1)} MiB; heap +${footprint.heapDeltaMiB.toFixed(1)} MiB)`,
);
