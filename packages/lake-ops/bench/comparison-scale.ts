/**
 * Reconcile's local comparison at a million keys: stage 1 over a lake and a table side of 1M snapshot rows each, in
 * DuckDB under its memory limit (it must spill, not fail). Before the window rewrite it failed there with DuckDB's
 * Out of Memory Error.
 * The rows come from the real row code; dynalite is left out, since writing 1M items into it takes most of an hour.
 * Run alone: `tsx bench/comparison-scale.ts <keys>`; it prints one JSON line. `BENCH_SIZE=smoke` writes smaller
 * objects, so a few thousand keys still span several.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckdbComparison, rowObjectsLocation } from '../src/reconcile/duckdb-comparison.js';
import { discoverColumns, findDrift } from '../src/reconcile/find-drift.js';
import { toSnapshotLine } from '../src/rows/snapshot-row.js';
import { toDynamoJson } from '../src/table/dynamo-json.js';
import { orderItem } from '../tests/support/orders-table.js';
import { sized } from '@sales/testing';

const ROWS_PER_OBJECT = sized(10_000, 500);
const CONTEXT = {
  snapshotId: 'bench',
  snapshotTimeMicros: 1_764_568_800_000_000,
  fenceMicros: 1_764_568_500_000_000,
  table: 'orders',
  keyNames: ['order_id'],
};

/** Writes `keys` orders as snapshot row objects under `folder`. */
function writeRows(folder: string, keys: number): void {
  mkdirSync(folder, { recursive: true });
  for (let start = 0; start < keys; start += ROWS_PER_OBJECT) {
    const lines: string[] = [];
    for (let index = start; index < Math.min(keys, start + ROWS_PER_OBJECT); index++) {
      const line = toSnapshotLine(toDynamoJson(orderItem(index)), CONTEXT);
      if (line.ok) lines.push(line.value);
    }
    writeFileSync(join(folder, `p${start / ROWS_PER_OBJECT}.json.gz`), gzipSync(lines.join(''), { level: 1 }));
  }
}

async function main(keys: number): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-comparison-'));
  try {
    writeRows(join(root, 'lake', 'sales', 'year=2025'), keys);
    writeRows(join(root, 'table'), keys);
    mkdirSync(join(root, 'spill'));
    const engine = await DuckdbComparison.open(join(root, 'spill'));
    try {
      const sources = {
        lake: rowObjectsLocation(join(root, 'lake', 'sales'), '.json.gz'),
        table: rowObjectsLocation(join(root, 'table'), '.json.gz'),
      };
      const start = process.hrtime.bigint();
      const columns = await discoverColumns(engine, [sources.lake, sources.table]);
      const found = await findDrift(engine, sources, columns, 4096, '');
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      process.stdout.write(`${JSON.stringify({ keys: found.lakeKeys, drift: found.compared.length, seconds })}\n`);
    } finally {
      engine.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) void main(Number(process.argv[2] ?? 1_000_000));
