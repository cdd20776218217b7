import {
  ATHENA_MERGE_DIALECT,
  configWarnings,
  CURRENT_COLUMNS,
  DUCKDB_MERGE_DIALECT,
  firehoseRecentErrorPrefix,
  firehoseRecentPrefix,
  kinesisReadBudget,
  liveViewSql,
  loadConfig,
  pipeBatchingWindowSeconds,
  prestoViewOriginalText,
  ERROR_PREFIX,
  RECENT_ERROR_PREFIX,
  RECENT_PREFIX,
  RECENT_PATH_DEFAULTS,
  SETTINGS,
  recentTableParameters,
  trinoType,
} from '@sales/pipeline-spec';

const TABLES = {
  recent: '"order_changes_recent"',
  current: '"orders_current"',
  tombstones: '"orders_current_tombstones"',
  mergeLog: '"orders_current_merges"',
};

describe('the low-latency path in the lake layout', () => {
  test('files objects under recent/ by the UTC arrival hour of their oldest record', () => {
    expect(firehoseRecentPrefix()).toBe('recent/dt=!{timestamp:yyyy-MM-dd-HH}/');
  });

  test('writes its failures under recent-errors/, outside errors/ (which replay reads whole) and recent/', () => {
    expect(firehoseRecentErrorPrefix()).toBe(
      'recent-errors/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd-HH}/',
    );
    for (const other of [ERROR_PREFIX, RECENT_PREFIX]) expect(RECENT_ERROR_PREFIX.startsWith(other)).toBe(false);
  });

  test('projects dt as an hourly date from NOW minus the expiry to NOW over recent/', () => {
    expect(recentTableParameters('lake', 3)).toEqual({
      EXTERNAL: 'TRUE',
      classification: 'json',
      compressionType: 'gzip',
      typeOfData: 'file',
      'projection.enabled': 'true',
      'projection.dt.type': 'date',
      'projection.dt.format': 'yyyy-MM-dd-HH',
      'projection.dt.range': 'NOW-3DAYS,NOW',
      'projection.dt.interval': '1',
      'projection.dt.interval.unit': 'HOURS',
      'storage.location.template': 's3://lake/recent/dt=$${dt}/',
    });
  });
});

describe('the low-latency path in the configuration', () => {
  test.each(['dev', 'prod'])('is on in %s by default, with recent/ expiring at 3 days', (environment) => {
    const config = loadConfig(environment, {});
    expect([config.recentPathEnabled, config.recentExpirationDays]).toEqual([true, 3]);
  });

  test('turns off per environment and refuses an expiry outside 1-30 days', () => {
    expect(loadConfig('prod', { SALES_PROD_RECENT_PATH: 'false' }).recentPathEnabled).toBe(false);
    expect(loadConfig('dev', { SALES_PROD_RECENT_PATH: 'false' }).recentPathEnabled).toBe(true);
    expect(() => loadConfig('dev', { SALES_RECENT_EXPIRATION_DAYS: '0' })).toThrow(
      'SALES_RECENT_EXPIRATION_DAYS must be a whole number between 1 and 30, received "0"',
    );
  });

  test('sets the pipe batching window to 0 while the path is on, and warns that the setting is ignored', () => {
    const vars = { SALES_PIPE_BATCHING_WINDOW_SECONDS: '5' };
    const on = loadConfig('dev', vars);
    expect(pipeBatchingWindowSeconds(on)).toBe(0);
    expect(configWarnings(on, vars)).toEqual([
      "SALES_PIPE_BATCHING_WINDOW_SECONDS is ignored for dev: the low-latency path sets the pipe's batching window to 0 (set SALES_DEV_RECENT_PATH=false to use it)",
    ]);
    const off = loadConfig('dev', { ...vars, SALES_RECENT_PATH: 'false' });
    expect(pipeBatchingWindowSeconds(off)).toBe(5);
    expect(configWarnings(off, { ...vars, SALES_RECENT_PATH: 'false' })).toEqual([]);
  });

  test('invokes the processor at the bottom of its documented 0-900 s range, with zero buffering', () => {
    expect([RECENT_PATH_DEFAULTS.processorBufferIntervalSeconds, RECENT_PATH_DEFAULTS.bufferIntervalSeconds]).toEqual([
      SETTINGS.lambdaBufferIntervalSeconds.min,
      0,
    ]);
  });
});

describe('the Kinesis read budget', () => {
  test.each(['ON_DEMAND', 'PROVISIONED'] as const)('fits two standard consumers on a %s stream, not three', (mode) => {
    expect(kinesisReadBudget(mode, 2)).toEqual({
      consumers: 2,
      getRecordsPerSecond: { used: 2, limit: 5 },
      readPerWrite: { used: 2, limit: 2 },
      maximumConsumers: 2,
      fits: true,
    });
    expect(kinesisReadBudget(mode, 3).fits).toBe(false);
  });
});

describe('orders_live', () => {
  test('reads recent/ from the hour of (last read_until - lateness - 1 h), all of it before the first merge', () => {
    const sql = liveViewSql(ATHENA_MERGE_DIALECT, TABLES, 25200);
    expect(sql).toContain(`date_add('second', -28800, from_iso8601_timestamp(max("read_until")))`);
    expect(sql).toContain(`CROSS JOIN "last_merge" AS "m" WHERE "r"."dt" >= coalesce("m"."first_hour", '0000')`);
    expect(liveViewSql(DUCKDB_MERGE_DIALECT, TABLES, 25200)).toContain('to_seconds(28800)');
  });

  test('refuses a lateness that is not whole seconds, so no text reaches the SQL', () => {
    expect(() => liveViewSql(ATHENA_MERGE_DIALECT, TABLES, 1.5)).toThrow(RangeError);
  });
});

describe("Athena's Presto view encoding", () => {
  test.each([
    ['string', 'varchar'],
    ['int', 'integer'],
    ['bigint', 'bigint'],
    ['boolean', 'boolean'],
    ['decimal(12,2)', 'decimal(12,2)'],
    ['array<string>', 'array(varchar)'],
    [
      'array<struct<sku:string,quantity:int,unit_price:decimal(12,2)>>',
      'array(row(sku varchar, quantity integer, unit_price decimal(12,2)))',
    ],
    ['map<string,int>', 'map(varchar, integer)'],
  ])('spells the Hive type %s as %s', (hive, trino) => {
    expect(trinoType(hive)).toBe(trino);
  });

  test('refuses a type it cannot spell', () => {
    expect(() => trinoType('uniontype<int,string>')).toThrow('no Trino type for the Hive type "uniontype<int,string>"');
  });

  test("encodes the SQL, the schema and the view's columns, the same text for the same view", () => {
    const sql = liveViewSql(ATHENA_MERGE_DIALECT, TABLES, 25200);
    const view = { sql, database: 'sales_dev', columns: CURRENT_COLUMNS };
    const text = prestoViewOriginalText(view);
    const match = /^\/\* Presto View: ([A-Za-z0-9+/=]+) \*\/$/.exec(text);
    const definition = JSON.parse(Buffer.from(match?.[1] ?? '', 'base64').toString('utf8'));
    expect(definition).toEqual({
      originalSql: sql,
      catalog: 'awsdatacatalog',
      schema: 'sales_dev',
      columns: CURRENT_COLUMNS.map((column) => ({ name: column.name, type: trinoType(column.type) })),
    });
    expect(prestoViewOriginalText(view)).toBe(text);
  });
});
