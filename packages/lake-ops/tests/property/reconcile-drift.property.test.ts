/**
 * Property: whatever drift is planted between a table side and a lake (written with the real row code), the
 * comparison finds exactly the planted keys, with their kinds and columns, for any bucket count.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { snapshotSortKey, toFenceMicros } from '../../src/rows/fence.js';
import { toSnapshotLine } from '../../src/rows/snapshot-row.js';
import { toDrift, type Drift } from '../../src/reconcile/drift.js';
import { DuckdbComparison, rowObjectsLocation } from '../../src/reconcile/duckdb-comparison.js';
import { discoverColumns, findDrift } from '../../src/reconcile/find-drift.js';
import { toDynamoJson } from '../../src/table/dynamo-json.js';
import { changeLine, writeLakeObject } from '../support/lake-changes.js';

const NOW_MICROS = 1_767_225_600_000_000; // 2026-01-01T00:00:00Z
const FENCE_MICROS = toFenceMicros(NOW_MICROS, 300);
const HOUR_AGO = NOW_MICROS - 3_600_000_000;

type Plan = 'same' | 'missing' | 'removed_in_lake' | 'extra' | 'status' | 'total_digits' | 'nested';

const item = (index: number): Record<string, AttributeValue> => ({
  order_id: { S: `k-${String(index).padStart(4, '0')}` },
  status: { S: 'paid' },
  total: { N: `12345678901234567890123456789${index % 10}` }, // 30 digits: a double would hide a change in the last
  customer: { M: { name: { S: `c${index}` } } },
});

const changed = (base: Record<string, AttributeValue>, plan: Plan): Record<string, AttributeValue> => {
  if (plan === 'status') return { ...base, status: { S: 'shipped' } };
  if (plan === 'total_digits')
    return {
      ...base,
      total: {
        N: `${(base.total as { N: string }).N.slice(0, -1)}${(Number((base.total as { N: string }).N.slice(-1)) + 1) % 10}`,
      },
    };
  if (plan === 'nested') return { ...base, customer: { M: { name: { S: 'someone else' } } } };
  return base;
};

const expected = (index: number, plan: Plan): Drift | undefined => {
  const order_id = `k-${String(index).padStart(4, '0')}`;
  switch (plan) {
    case 'missing':
    case 'removed_in_lake':
      return { order_id, kind: 'missing_in_lake', columns: [] };
    case 'extra':
      return { order_id, kind: 'extra_in_lake', columns: [] };
    case 'status':
      return { order_id, kind: 'value_mismatch', columns: ['status'] };
    case 'total_digits':
      return { order_id, kind: 'value_mismatch', columns: ['total'] };
    case 'nested':
      return { order_id, kind: 'value_mismatch', columns: ['customer_name'] };
    default:
      return undefined;
  }
};

describe('reconcile comparison (property)', () => {
  let engine: DuckdbComparison;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'reconcile-property-'));
    mkdirSync(join(root, 'spill'));
    engine = await DuckdbComparison.open(join(root, 'spill'));
  });
  afterAll(() => {
    engine.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('finds exactly the planted drift', async () => {
    let run = 0;
    const plans = fc.array(
      fc.constantFrom<Plan>(
        'same',
        'same',
        'same',
        'missing',
        'removed_in_lake',
        'extra',
        'status',
        'total_digits',
        'nested',
      ),
      { minLength: 1, maxLength: 40 },
    );
    await fc.assert(
      fc.asyncProperty(plans, fc.integer({ min: 1, max: 64 }), async (planned, buckets) => {
        run += 1;
        const lake = join(root, `lake-${run}`);
        const table = join(root, `table-${run}`);
        const context = {
          snapshotId: 'p',
          snapshotTimeMicros: NOW_MICROS,
          fenceMicros: FENCE_MICROS,
          table: 'orders',
          keyNames: ['order_id'],
        };
        const tableLines: string[] = [];
        const lakeLines: string[] = [];
        planned.forEach((plan, index) => {
          const base = item(index);
          if (plan !== 'extra') {
            const line = toSnapshotLine(toDynamoJson(base), context);
            if (line.ok) tableLines.push(line.value);
          }
          if (plan !== 'missing') lakeLines.push(changeLine('insert', changed(base, plan), HOUR_AGO));
          if (plan === 'removed_in_lake') lakeLines.push(changeLine('remove', base, HOUR_AGO + 1));
        });
        writeLakeObject(lake, 'changes', lakeLines);
        mkdirSync(table, { recursive: true });
        writeFileSync(join(table, 'rows.json.gz'), gzipSync(tableLines.join('')));
        const sources = {
          lake: rowObjectsLocation(join(lake, 'sales'), '.json.gz'),
          table: rowObjectsLocation(table, '.json.gz'),
        };
        const columns = await discoverColumns(engine, [sources.lake, sources.table]);
        const found = await findDrift(engine, sources, columns, buckets, snapshotSortKey(FENCE_MICROS));
        const want = planned
          .map((plan, index) => expected(index, plan))
          .filter((entry): entry is Drift => entry !== undefined);
        expect(found.compared.filter((entry) => !entry.inFlight).map(toDrift)).toEqual(want);
        expect(found.lakeKeys).toBe(planned.filter((plan) => plan !== 'missing' && plan !== 'removed_in_lake').length);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
