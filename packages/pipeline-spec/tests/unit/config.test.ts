import {
  ConfigError,
  DEFAULTS,
  ENVIRONMENTS,
  loadConfig,
  CONFIG_VARIABLES,
  FRESHNESS_TARGET_SECONDS,
  freshnessBudget,
  freshnessBudgetSeconds,
  RECENT_FRESHNESS_TARGET_SECONDS,
  recentFreshnessBudget,
  recentFreshnessBudgetSeconds,
  type ConfigVariable,
} from '@sales/pipeline-spec';

describe('loadConfig', () => {
  test('gives the documented defaults with no variables', () => {
    const config = loadConfig('dev', {});
    expect(config).toEqual({
      ...DEFAULTS,
      environment: 'dev',
      tags: { project: 'sales-pipeline', environment: 'dev' },
      stateBackend: { type: 'local' },
    });
    expect(config.alarmEmail).toBeUndefined();
  });

  test('applies the environment overrides', () => {
    const prod = loadConfig('prod', {});
    expect(prod.deletionProtection).toBe(true);
    expect(prod.logRetentionDays).toBe(ENVIRONMENTS.prod.logRetentionDays);
  });

  test('reads every setting from its SALES_ variable', () => {
    const config = loadConfig('dev', {
      SALES_NAME_PREFIX: 'shop',
      SALES_REGION: 'us-east-2',
      SALES_TAGS: 'team=data, cost-center=42',
      SALES_DELETION_PROTECTION: 'TRUE',
      SALES_KINESIS_MODE: 'PROVISIONED',
      SALES_KINESIS_SHARDS: '4',
      SALES_KINESIS_RETENTION_HOURS: '48',
      SALES_PIPE_BATCH_SIZE: '500',
      SALES_PIPE_BATCHING_WINDOW_SECONDS: '0',
      SALES_PIPE_MAX_RETRIES: '3',
      SALES_PIPE_MAX_RECORD_AGE_SECONDS: '3600',
      SALES_LAMBDA_MEMORY_MB: '1024',
      SALES_LAMBDA_TIMEOUT_SECONDS: '300',
      SALES_LAMBDA_BUFFER_SIZE_MB: '0.5',
      SALES_LAMBDA_BUFFER_INTERVAL_SECONDS: '0',
      SALES_FIREHOSE_BUFFER_INTERVAL_SECONDS: '300',
      SALES_FIREHOSE_BUFFER_SIZE_MIB: '128',
      SALES_RECENT_PATH: 'false',
      SALES_RECENT_EXPIRATION_DAYS: '7',
      SALES_LOG_RETENTION_DAYS: '365',
      SALES_ERROR_EXPIRATION_DAYS: '14',
      SALES_EXPORT_EXPIRATION_DAYS: '3',
      SALES_NONCURRENT_EXPIRATION_DAYS: '7',
      SALES_ATHENA_RESULTS_EXPIRATION_DAYS: '1',
      SALES_CRAWLER_SCHEDULE: 'cron(15 * * * ? *)',
      SALES_PROJECTION_START_YEAR: '2024',
      SALES_ATHENA_BYTES_SCANNED_CUTOFF: '10485760',
      SALES_MERGE_INTERVAL_MINUTES: '15',
      SALES_MERGE_LATENESS_SECONDS: '14400',
      SALES_MERGE_STALE_AFTER_INTERVALS: '4',
      SALES_ALARM_EMAIL: 'ops@example.com',
      SALES_STATE_BUCKET: 'acme-tf-state',
    });
    expect(config).toEqual({
      environment: 'dev',
      namePrefix: 'shop',
      region: 'us-east-2',
      tags: { project: 'sales-pipeline', environment: 'dev', team: 'data', 'cost-center': '42' },
      deletionProtection: true,
      kinesisStreamMode: 'PROVISIONED',
      kinesisShardCount: 4,
      kinesisRetentionHours: 48,
      pipeBatchSize: 500,
      pipeBatchingWindowSeconds: 0,
      pipeMaximumRetryAttempts: 3,
      pipeMaximumRecordAgeSeconds: 3600,
      lambdaMemoryMiB: 1024,
      lambdaTimeoutSeconds: 300,
      lambdaBufferSizeMB: 0.5,
      lambdaBufferIntervalSeconds: 0,
      bufferIntervalSeconds: 300,
      bufferSizeMiB: 128,
      recentPathEnabled: false,
      recentExpirationDays: 7,
      logRetentionDays: 365,
      errorExpirationDays: 14,
      exportExpirationDays: 3,
      noncurrentVersionExpirationDays: 7,
      athenaResultsExpirationDays: 1,
      crawlerSchedule: 'cron(15 * * * ? *)',
      projectionStartYear: 2024,
      athenaBytesScannedCutoff: 10485760,
      mergeIntervalMinutes: 15,
      mergeLatenessSeconds: 14400,
      mergeStaleAfterIntervals: 4,
      alarmEmail: 'ops@example.com',
      stateBackend: { type: 's3', bucket: 'acme-tf-state', region: 'us-east-2' },
    });
  });

  test('lets SALES_<ENV>_ variables win for their environment only', () => {
    const vars = { SALES_LOG_RETENTION_DAYS: '30', SALES_PROD_LOG_RETENTION_DAYS: '365' };
    expect(loadConfig('dev', vars).logRetentionDays).toBe(30);
    expect(loadConfig('prod', vars).logRetentionDays).toBe(365);
  });

  test('ignores empty variables', () => {
    expect(loadConfig('dev', { SALES_KINESIS_MODE: '', SALES_ALARM_EMAIL: '  ' })).toEqual(loadConfig('dev', {}));
  });

  test('reads only its arguments, never process.env', () => {
    process.env['SALES_KINESIS_MODE'] = 'fast';
    try {
      expect(loadConfig('dev', {}).kinesisStreamMode).toBe('ON_DEMAND');
    } finally {
      delete process.env['SALES_KINESIS_MODE'];
    }
  });

  test.each([
    ['SALES_KINESIS_MODE', 'fast', 'SALES_KINESIS_MODE must be ON_DEMAND or PROVISIONED, received "fast"'],
    [
      'SALES_LOG_RETENTION_DAYS',
      '-1',
      'SALES_LOG_RETENTION_DAYS must be 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653, received "-1"',
    ],
    ['SALES_LOG_RETENTION_DAYS', '10', 'SALES_LOG_RETENTION_DAYS must be 1, 3, 5'],
    [
      'SALES_ALARM_EMAIL',
      'ops-at-example',
      'SALES_ALARM_EMAIL must be an e-mail address such as ops@example.com, received "ops-at-example"',
    ],
    [
      'SALES_FIREHOSE_BUFFER_SIZE_MIB',
      '32',
      'SALES_FIREHOSE_BUFFER_SIZE_MIB must be a whole number between 64 and 128, received "32"',
    ],
    [
      'SALES_NAME_PREFIX',
      'xn-',
      'SALES_NAME_PREFIX must be 2-16 lower-case letters, digits or "-", starting with a letter, whose bucket names do not start with S3\'s reserved "xn--", received "xn-"',
    ],
    ['SALES_NAME_PREFIX', 'sthree', 'whose bucket names do not start with S3\'s reserved "sthree-", received "sthree"'],
    ['SALES_NAME_PREFIX', 'amzn-s3-demo', 'reserved "amzn-s3-demo-", received "amzn-s3-demo"'],
    [
      'SALES_FIREHOSE_BUFFER_INTERVAL_SECONDS',
      '901',
      'SALES_FIREHOSE_BUFFER_INTERVAL_SECONDS must be a whole number between 60 and 900, received "901"',
    ],
    ['SALES_FIREHOSE_BUFFER_INTERVAL_SECONDS', '0', 'between 60 and 900, received "0"'],
    // Dynamic partitioning has no zero buffering: intervals under 60 s are refused before synth.
    [
      'SALES_FIREHOSE_BUFFER_INTERVAL_SECONDS',
      '30',
      'SALES_FIREHOSE_BUFFER_INTERVAL_SECONDS must be a whole number between 60 and 900, received "30"',
    ],
    [
      'SALES_LAMBDA_BUFFER_SIZE_MB',
      '6',
      'SALES_LAMBDA_BUFFER_SIZE_MB must be a number between 0.2 and 3, received "6"',
    ],
    ['SALES_LAMBDA_MEMORY_MB', '128', 'between 256 and 10240, received "128"'],
    ['SALES_PIPE_BATCH_SIZE', '1000', 'between 1 and 500, received "1000"'],
    ['SALES_PIPE_MAX_RECORD_AGE_SECONDS', '86400', 'between 60 and 86399, received "86400"'],
    ['SALES_KINESIS_SHARDS', '1.5', 'SALES_KINESIS_SHARDS must be a whole number between 1 and 4096, received "1.5"'],
    ['SALES_DELETION_PROTECTION', 'yes', 'SALES_DELETION_PROTECTION must be true or false, received "yes"'],
    ['SALES_NAME_PREFIX', 'Sales_Team', 'SALES_NAME_PREFIX must be 2-16 lower-case letters'],
    ['SALES_REGION', 'europe', 'SALES_REGION must be an AWS region such as eu-west-1, received "europe"'],
    ['SALES_TAGS', 'team', 'SALES_TAGS must be comma-separated key=value pairs'],
    ['SALES_TAGS', 'aws:owner=me', 'SALES_TAGS must be comma-separated key=value pairs'],
    ['SALES_CRAWLER_SCHEDULE', 'hourly', 'SALES_CRAWLER_SCHEDULE must be a Glue cron expression'],
    [
      'SALES_ATHENA_BYTES_SCANNED_CUTOFF',
      '1000',
      'SALES_ATHENA_BYTES_SCANNED_CUTOFF must be a whole number between 10485760',
    ],
    ['SALES_STATE_BUCKET', 'Bad_Bucket', 'SALES_STATE_BUCKET must be an S3 bucket name'],
  ])('rejects %s=%s with a message naming the variable, the value and what is allowed', (name, value, message) => {
    expect(() => loadConfig('dev', { [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig('dev', { [name]: value })).toThrow(message);
  });

  test('names the environment-scoped variable when that one is bad', () => {
    expect(() => loadConfig('prod', { SALES_KINESIS_MODE: 'ON_DEMAND', SALES_PROD_KINESIS_MODE: 'fast' })).toThrow(
      'SALES_PROD_KINESIS_MODE must be ON_DEMAND or PROVISIONED, received "fast"',
    );
  });

  test('rejects an unknown environment', () => {
    expect(() => loadConfig('staging', {})).toThrow('environment must be dev or prod, received "staging"');
  });

  test('has one variable per setting, without duplicates', () => {
    const names = CONFIG_VARIABLES.map((variable) => variable.name);
    expect(new Set(names).size).toBe(names.length);
    const settings = new Set(CONFIG_VARIABLES.map((variable) => variable.setting));
    for (const key of Object.keys(DEFAULTS).filter((key) => key !== 'stateBackend')) expect(settings).toContain(key);
  });

  // Each numeric setting reads one row of a *-defaults.ts table: its default and limits are the parser's. The merge
  // lateness is also bounded below by what the pipe delivers, and defaults to that bound: merge-lateness.test.ts.
  const ranged = CONFIG_VARIABLES.flatMap((variable) =>
    variable.limits === undefined || variable.setting === 'mergeLatenessSeconds'
      ? []
      : [{ ...variable.limits, name: variable.name, setting: variable.setting }],
  );

  test.each(ranged)('defaults $setting to its table row ($default)', ({ setting, default: value }) => {
    expect(DEFAULTS[setting as keyof typeof DEFAULTS]).toBe(value);
  });

  test.each(ranged)(
    'accepts SALES_$name at its table limits $min and $max and rejects beyond',
    ({ name, setting, min, max }) => {
      const key = setting as keyof typeof DEFAULTS;
      expect(loadConfig('dev', { [`SALES_${name}`]: String(min) })[key]).toBe(min);
      if (max < Number.MAX_SAFE_INTEGER) {
        expect(loadConfig('dev', { [`SALES_${name}`]: String(max) })[key]).toBe(max);
        expect(() => loadConfig('dev', { [`SALES_${name}`]: String(max + 1) })).toThrow(ConfigError);
      }
      const below = Number.isInteger(min) ? min - 1 : min / 2;
      expect(() => loadConfig('dev', { [`SALES_${name}`]: String(below) })).toThrow(ConfigError);
    },
  );

  test('types each row by its setting, so a misspelt setting name does not compile', () => {
    const misspelt: ConfigVariable = {
      name: 'FIREHOSE_BUFFER_INTERVAL_SECONDS',
      // @ts-expect-error 'bufferIntervalSecs' is not a setting (checked by `npm run typecheck`)
      setting: 'bufferIntervalSecs',
      parse: () => 40,
    };
    // @ts-expect-error the parser of a numeric setting must return a number
    const mistyped: ConfigVariable = { name: 'PIPE_BATCH_SIZE', setting: 'pipeBatchSize', parse: () => '100' };
    expect([misspelt.setting, mistyped.setting]).toEqual(['bufferIntervalSecs', 'pipeBatchSize']);
  });
});

describe('freshness budget', () => {
  test.each(['dev', 'prod'])('keeps a change queryable within 120 s with the %s defaults', (environment) => {
    expect(freshnessBudgetSeconds(loadConfig(environment, {}))).toBeLessThanOrEqual(FRESHNESS_TARGET_SECONDS);
  });

  test('counts the dynamic-partitioning buffer at 1.5 times the interval', () => {
    const base = { pipeBatchingWindowSeconds: 1, lambdaBufferIntervalSeconds: 5, bufferIntervalSeconds: 60 };
    const hop = freshnessBudget(base).find((entry) => entry.hop.startsWith('Dynamic-partitioning'));
    expect(hop?.seconds).toBe(90);
    expect(freshnessBudgetSeconds(base)).toBe(100.25);
    expect(freshnessBudgetSeconds({ ...base, bufferIntervalSeconds: 80 }) - freshnessBudgetSeconds(base)).toBe(30);
  });

  test('exceeds the target when the buffer interval is raised to 80 s', () => {
    expect(freshnessBudgetSeconds(loadConfig('dev', { SALES_FIREHOSE_BUFFER_INTERVAL_SECONDS: '80' }))).toBeGreaterThan(
      FRESHNESS_TARGET_SECONDS,
    );
  });
});

describe('freshness budget of the low-latency path', () => {
  test('keeps a change queryable within 20 s on the recent path', () => {
    expect(RECENT_FRESHNESS_TARGET_SECONDS).toBe(20);
    expect(recentFreshnessBudgetSeconds()).toBeLessThanOrEqual(RECENT_FRESHNESS_TARGET_SECONDS);
  });

  test('counts no pipe window, the processor at 0 s and zero buffering instead of 1.5 x 60 s', () => {
    const seconds = Object.fromEntries(recentFreshnessBudget().map((hop) => [hop.hop, hop.seconds]));
    expect(seconds).toEqual({
      'DynamoDB Streams record -> Pipe poll': 0.25,
      'Pipe batching window': 0,
      'Kinesis PutRecords -> Firehose read': 1,
      'Firehose Lambda processing buffer': 0,
      'Transform Lambda (cold start + batch)': 3,
      'Zero buffering to S3': 5,
      'S3 PUT -> Athena reads it (projection)': 0,
    });
    expect(recentFreshnessBudgetSeconds()).toBe(9.25);
  });

  test('names a documented source or says estimate for every hop', () => {
    for (const hop of recentFreshnessBudget()) expect(hop.source).toMatch(/guide|API|Pipeline|estimate|Parameters/);
  });

  test("takes the pipe's batching window out of the main budget while the path is on", () => {
    expect(freshnessBudgetSeconds(loadConfig('dev', {}))).toBe(99.25);
    expect(freshnessBudgetSeconds(loadConfig('dev', { SALES_RECENT_PATH: 'false' }))).toBe(100.25);
  });
});
