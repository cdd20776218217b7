import {
  ATHENA_MERGE_DIALECT,
  SETTINGS,
  DEFAULTS,
  DUCKDB_MERGE_DIALECT,
  defaultMergeLatenessSeconds,
  freshnessBudgetSeconds,
  MAX_FENCE_MARGIN_SECONDS,
  mergeStatements,
  mergeWindowPredicate,
  mergeWindowQuery,
  type MergeRun,
} from '@sales/pipeline-spec';

const tables = { dialect: DUCKDB_MERGE_DIALECT, changes: '"c"', current: '"o"', tombstones: '"t"', mergeLog: '"m"' };
const window = { year: '2026', month: '12', day: '06', hour: '15' };
const run = (overrides: Partial<MergeRun> = {}): MergeRun => ({
  mode: 'incremental',
  runId: 'run-1',
  readUntil: '2026-12-06T22:00:00.000Z',
  window,
  ...overrides,
});
const names = (r: MergeRun) => mergeStatements(tables, r).map((statement) => statement.name);

describe('mergeStatements', () => {
  test('orders the statements of each kind of run', () => {
    expect(names(run())).toEqual(['record_tombstones', 'merge_current', 'expire_tombstones', 'record_run']);
    expect(names(run({ window: null }))).toEqual(['record_tombstones', 'merge_current', 'record_run']);
    expect(names(run({ mode: 'rebuild' }))).toEqual([
      'record_tombstones',
      'merge_current',
      'delete_orphans',
      'record_run',
    ]);
  });

  test('records a run once per run id: a MERGE keyed on run_id, not an INSERT that a retry would repeat', () => {
    const record = mergeStatements(tables, run()).at(-1);
    expect(record?.sql).toBe(
      `MERGE INTO "m" AS "t" USING (SELECT 'run-1' AS "run_id", '2026-12-06T22:00:00.000Z' AS "read_until", ` +
        `'2026-12-06T15' AS "window_start") AS "s" ON "t"."run_id" = "s"."run_id" WHEN NOT MATCHED THEN INSERT ` +
        `("run_id", "read_until", "window_start") VALUES ("s"."run_id", "s"."read_until", "s"."window_start")`,
    );
    expect(mergeStatements(tables, run({ window: null })).at(-1)?.sql).toContain(
      'CAST(NULL AS VARCHAR) AS "window_start"',
    );
  });

  test('keeps a tombstone a fence margin longer than the window, for snapshot rows sorted before their partition', () => {
    const expire = mergeStatements(tables, run()).find((statement) => statement.name === 'expire_tombstones');
    expect(MAX_FENCE_MARGIN_SECONDS).toBe(86_400);
    // The engine computes the cutoff (window start − the margin); lake-ops' clock-skew test runs it in DuckDB.
    expect(expire?.sql).toBe(
      `DELETE FROM "t" WHERE "cdc_event_time" < strftime((strptime('2026-12-06T15:00:00Z', ` +
        `['%Y-%m-%dT%H:%M:%S.%gZ', '%Y-%m-%dT%H:%M:%SZ']) - to_seconds(86400)), '%Y-%m-%dT%H:%M:%S.%gZ')`,
    );
  });

  test('quotes every value it is given, so none becomes SQL', () => {
    const record = mergeStatements(tables, run({ runId: "x' OR '1'='1" })).at(-1);
    expect(record?.sql).toContain(`'x'' OR ''1''=''1' AS "run_id"`);
  });

  test('guards an incremental merge by sort key, and lets the log win on a rebuild', () => {
    const incremental = mergeStatements(tables, run())[1]?.sql ?? '';
    const rebuild = mergeStatements(tables, run({ mode: 'rebuild' }))[1]?.sql ?? '';
    expect(incremental.match(/"s"\."cdc_sort_key" > "t"\."cdc_sort_key"/g)).toHaveLength(2);
    expect(rebuild).not.toContain('"s"."cdc_sort_key" > "t"."cdc_sort_key"');
    expect(rebuild).not.toContain(`"year" > '2026'`);
  });
});

describe('mergeWindowPredicate', () => {
  test('selects every hour from the window on, outermost key first', () => {
    expect(mergeWindowPredicate(window)).toBe(
      `("year" > '2026') OR ("year" = '2026' AND "month" > '12') OR ("year" = '2026' AND "month" = '12' AND ` +
        `"day" > '06') OR ("year" = '2026' AND "month" = '12' AND "day" = '06' AND "hour" >= '15')`,
    );
    expect(mergeWindowPredicate(null)).toBe('1 = 1');
  });
});

describe('mergeWindowQuery', () => {
  test.each([
    [DUCKDB_MERGE_DIALECT, `strftime(`, `to_seconds(25200)`],
    [ATHENA_MERGE_DIALECT, `format_datetime(`, `date_add('second', -25200,`],
  ])('renders the window start in each dialect', (dialect, hour, minus) => {
    const sql = mergeWindowQuery(dialect, '"m"', 25200);
    expect(sql).toContain(hour);
    expect(sql).toContain(minus);
  });

  test('refuses a lateness that is not whole seconds', () => {
    expect(() => mergeWindowQuery(DUCKDB_MERGE_DIALECT, '"m"', 1.5)).toThrow('expected whole seconds, received 1.5');
  });
});

describe('the lateness default', () => {
  test('is what the default pipe and delivery stream let arrive late, rounded up to the hour', () => {
    expect(defaultMergeLatenessSeconds(DEFAULTS.pipeMaximumRecordAgeSeconds, freshnessBudgetSeconds(DEFAULTS))).toBe(
      SETTINGS.mergeLatenessSeconds.default,
    );
  });
});
