import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  CURRENT_COLUMNS,
  DUCKDB_MERGE_DIALECT,
  liveViewSql,
  MERGE_LOG_COLUMNS,
  mergeStatements,
  mergeWindowQuery,
  ORDER_CHANGE_COLUMNS,
  PARTITION_KEYS,
  RECENT_PARTITION_KEY,
  TOMBSTONE_COLUMNS,
} from '@sales/pipeline-spec';
import fc from 'fast-check';

// orders_live is what orders_current would hold if a merge ran now: for any history of changes (out-of-order
// deliveries into sales/ within the lateness, redelivered copies, objects filed under their oldest record's hour,
// changes the recent path lost but the main path delivered) and any merge times, the view equals the table. The merges are the real merge statements of @sales/pipeline-spec, run
// on DuckDB; the table is the last change per key, removed keys absent.

const LATENESS_SECONDS = 2 * 3600;
const START_MS = Date.UTC(2026, 0, 15, 22, 0, 0);
const KEYS = ['o1', 'o2', 'o3', 'o4'];

/** One change as a generated step: which order, how long after the previous change, and how its copies travel. */
const step = fc.record({
  key: fc.constantFrom(...KEYS),
  remove: fc.boolean(),
  status: fc.constantFrom('new', 'paid', 'shipped', 'delivered'),
  gapSeconds: fc.integer({ min: 1, max: 3600 }),
  // Into sales/ within the lateness (the merge's contract); into recent/ within seconds.
  salesDelaySeconds: fc.integer({ min: 0, max: LATENESS_SECONDS }),
  recentDelaySeconds: fc.integer({ min: 0, max: 5 }),
  // How much earlier the oldest record of its recent object arrived: the object's dt is that record's hour.
  objectSpreadSeconds: fc.integer({ min: 0, max: 10 }),
  redelivered: fc.boolean(),
  // The two delivery streams fail independently: the recent path may lose a change the main path delivers.
  lostFromRecent: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
});

interface Change {
  readonly row: Record<string, string | null>;
  readonly eventMs: number;
  readonly salesMs: number;
  readonly recentMs: number;
  readonly dt: string;
  readonly lostFromRecent: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();
const hourOf = (ms: number) => iso(ms).slice(0, 13).replace('T', '-');

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** The changes of a history, DynamoDB-shaped: an insert when the order is absent, a modify or remove when present. */
function changesOf(steps: readonly Step[]): Change[] {
  const alive = new Set<string>();
  const changes: Change[] = [];
  let eventMs = START_MS;
  steps.forEach((s, index) => {
    eventMs += s.gapSeconds * 1000;
    const operation = !alive.has(s.key) ? 'insert' : s.remove ? 'remove' : 'modify';
    if (operation === 'remove') alive.delete(s.key);
    else alive.add(s.key);
    const row = Object.fromEntries(ORDER_CHANGE_COLUMNS.map((column) => [column.name, null])) as Record<
      string,
      string | null
    >;
    Object.assign(row, {
      order_id: s.key,
      status: operation === 'remove' ? null : s.status,
      cdc_operation: operation,
      cdc_event_id: `event-${index}`,
      cdc_event_time: iso(eventMs),
      cdc_sort_key: String(index).padStart(6, '0'),
    });
    const recentMs = eventMs + s.recentDelaySeconds * 1000;
    const copy = {
      row,
      eventMs,
      salesMs: eventMs + s.salesDelaySeconds * 1000,
      recentMs,
      lostFromRecent: s.lostFromRecent,
    };
    changes.push({ ...copy, dt: hourOf(recentMs - s.objectSpreadSeconds * 1000) });
    if (s.redelivered) changes.push({ ...copy, salesMs: copy.salesMs + 1000, dt: hourOf(recentMs + 2000) });
  });
  return changes;
}

const quote = (value: string | number | null) =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
const varchar = (columns: readonly { name: string }[]) => columns.map((c) => `"${c.name}" VARCHAR`).join(', ');

async function createTables(db: DuckDBConnection, changes: readonly Change[]): Promise<void> {
  const partitions = [...PARTITION_KEYS, RECENT_PARTITION_KEY].map((name) => ({ name }));
  await db.run(
    `CREATE TABLE change_log (${varchar([...ORDER_CHANGE_COLUMNS, ...partitions])}, sales_ms BIGINT, lost_from_recent BOOLEAN)`,
  );
  const values = changes.map((change) => {
    const [date, time] = iso(change.eventMs).split('T') as [string, string];
    const [year, month, day] = date.split('-');
    const cells = [...ORDER_CHANGE_COLUMNS.map((c) => change.row[c.name] ?? null), year, month, day, time.slice(0, 2)];
    return `(${[...cells, change.dt].map((v) => quote(v ?? null)).join(', ')}, ${change.salesMs}, ${change.lostFromRecent})`;
  });
  await db.run(`INSERT INTO change_log VALUES ${values.join(', ')}`);
  await db.run(`CREATE VIEW order_changes_recent AS SELECT * FROM change_log WHERE NOT lost_from_recent`);
  await db.run(`CREATE TABLE orders_current (${varchar(CURRENT_COLUMNS)})`);
  await db.run(`CREATE TABLE orders_current_tombstones (${varchar(TOMBSTONE_COLUMNS)})`);
  await db.run(`CREATE TABLE orders_current_merges (${varchar(MERGE_LOG_COLUMNS)})`);
}

/** One scheduled merge at `atMs`: it reads what reached sales/ by then, from the window the merge log gives. */
async function merge(db: DuckDBConnection, atMs: number, run: number): Promise<void> {
  await db.run(`CREATE OR REPLACE VIEW order_changes AS SELECT * FROM change_log WHERE sales_ms <= ${atMs}`);
  const tables = {
    dialect: DUCKDB_MERGE_DIALECT,
    changes: 'order_changes',
    current: 'orders_current',
    tombstones: 'orders_current_tombstones',
    mergeLog: 'orders_current_merges',
  };
  const [window] = (
    await db.runAndReadAll(mergeWindowQuery(DUCKDB_MERGE_DIALECT, tables.mergeLog, LATENESS_SECONDS))
  ).getRowObjectsJson() as Array<Record<(typeof PARTITION_KEYS)[number], string | null>>;
  const start = window?.year == null ? null : (window as Record<(typeof PARTITION_KEYS)[number], string>);
  for (const statement of mergeStatements(tables, {
    mode: 'incremental',
    runId: `run-${run}`,
    readUntil: iso(atMs),
    window: start,
  }))
    await db.run(statement.sql);
}

/** The table after every change: the last change per key by sort key, removed keys absent. */
function tableOf(changes: readonly Change[]): string[] {
  const last = new Map<string, Change>();
  for (const change of changes) {
    const key = change.row['order_id']!;
    const seen = last.get(key);
    if (seen === undefined || change.row['cdc_sort_key']! > seen.row['cdc_sort_key']!) last.set(key, change);
  }
  return [...last.values()]
    .filter((change) => change.row['cdc_operation'] !== 'remove')
    .map((change) => `${change.row['order_id']} ${change.row['status']} ${change.row['cdc_sort_key']}`)
    .sort();
}

describe('orders_live', () => {
  test('equals the table for any history and any merge times', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 1, maxLength: 25 }),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
          async (steps, mergeFractions) => {
            const changes = changesOf(steps);
            // "Now" for the view: every change has reached recent/ (or was lost there), and every change the recent path
            // lost has reached sales/ and been merged (else nothing could show it yet); the other merges ran before, at
            // any time, some of them between changes.
            const lost = changes.filter((change) => change.lostFromRecent).map((change) => change.salesMs);
            const nowMs = Math.max(...changes.map((change) => change.recentMs), ...lost);
            const mergeTimes = [
              ...mergeFractions.map((f) => Math.round(START_MS + f * (nowMs - START_MS))),
              ...(lost.length > 0 ? [Math.max(...lost)] : []),
            ].sort((a, b) => a - b);
            const db = await instance.connect();
            try {
              for (const table of ['order_changes', 'order_changes_recent'])
                await db.run(`DROP VIEW IF EXISTS ${table}`);
              for (const table of [
                'change_log',
                'orders_current',
                'orders_current_tombstones',
                'orders_current_merges',
              ])
                await db.run(`DROP TABLE IF EXISTS ${table}`);
              await createTables(db, changes);
              for (const [run, atMs] of mergeTimes.entries()) await merge(db, atMs, run);
              const sql = liveViewSql(
                DUCKDB_MERGE_DIALECT,
                {
                  recent: 'order_changes_recent',
                  current: 'orders_current',
                  tombstones: 'orders_current_tombstones',
                  mergeLog: 'orders_current_merges',
                },
                LATENESS_SECONDS,
              );
              const rows = (await db.runAndReadAll(sql)).getRowObjectsJson();
              expect(rows.map((row) => `${row['order_id']} ${row['status']} ${row['cdc_sort_key']}`).sort()).toEqual(
                tableOf(changes),
              );
            } finally {
              db.closeSync();
            }
          },
        ),
        { numRuns: 200 },
      );
    } finally {
      instance.closeSync();
    }
  }, 120_000);
});
