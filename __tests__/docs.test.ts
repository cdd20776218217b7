import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { alarmDefinitions } from '../constructs/observability/alarms/alarm-definitions';
import {
  ATHENA_DEFAULTS,
  CONFIG_VARIABLES,
  type ConfigVariable,
  FIREHOSE_DEFAULTS,
  freshnessBudget,
  freshnessBudgetSeconds,
  RECENT_FRESHNESS_TARGET_SECONDS,
  recentFreshnessBudget,
  recentFreshnessBudgetSeconds,
  KINESIS_DEFAULTS,
  KMS_DEFAULTS,
  LAMBDA_DEFAULTS,
  loadConfig,
  LOGS_DEFAULTS,
  PIPES_DEFAULTS,
  readNamedQueries,
  RECONCILE_SCRATCH_EXPIRATION_DAYS,
  S3_DEFAULTS,
  type SettingName,
} from '@sales/pipeline-spec';
import { REPO_ROOT } from '../constructs/data-path/transform-bundle';

// docs/infrastructure.md promises to match the code: these checks fail when one drifts from the other.
const docs = readFileSync(join(REPO_ROOT, 'docs', 'infrastructure.md'), 'utf8');

describe('docs/infrastructure.md', () => {
  // The configuration reference: one row per SALES_* variable, `| Variable | Setting | Allowed | Default |`.
  const rowOf = (variable: ConfigVariable): string[] => {
    const row = docs.split('\n').find((line) => line.startsWith(`| \`SALES_${variable.name}\` |`));
    return (row ?? '').split(' | ').map((cell) => cell.replace(/^\| | \|$/g, '').trim());
  };
  const dev = loadConfig('dev', {});
  const prod = loadConfig('prod', {});
  /** Defaults that are not a value: the text the reference gives instead. */
  const NO_VALUE_DEFAULTS: Partial<Record<SettingName, string>> = {
    alarmEmail: 'none (no subscription)',
    githubRepository: 'none (required by `npm run bootstrap:synth`)',
    stateBackendType: 's3 when `SALES_STATE_BUCKET` is set, else local',
    stateBucket: 'none (local state)',
    stateRegion: "the stack's region",
  };
  /** The default cell the tables and `ENVIRONMENTS` imply for a setting. */
  const expectedDefault = (setting: SettingName): string => {
    const text = NO_VALUE_DEFAULTS[setting];
    if (text !== undefined) return text;
    if (setting === 'tags')
      return `\`${Object.entries(dev.tags)
        .map(([key, value]) => `${key}=${value === 'dev' ? '<env>' : value}`)
        .join(',')}\``;
    const [devValue, prodValue] = [dev, prod].map((config) => String(config[setting as keyof typeof config]));
    return devValue === prodValue ? `\`${devValue}\`` : `dev \`${devValue}\`, prod \`${prodValue}\``;
  };

  test('has a row for every setting', () => {
    expect(
      CONFIG_VARIABLES.filter((variable) => rowOf(variable).length !== 4).map((variable) => variable.name),
    ).toEqual([]);
  });

  test.each(CONFIG_VARIABLES.map((variable) => [`SALES_${variable.name}`, variable]))(
    'documents %s with its setting and default',
    (_name, variable) => {
      const [, setting, , defaultCell] = rowOf(variable);
      expect(setting).toContain(`\`${variable.setting}\``);
      // A unit or a reading may follow the value, e.g. "`10737418240` (10 GiB)".
      expect(`${defaultCell} `.startsWith(`${expectedDefault(variable.setting)} `)).toBe(true);
    },
  );

  test.each(
    CONFIG_VARIABLES.filter((variable) => variable.limits !== undefined).map((variable) => [
      `SALES_${variable.name}`,
      variable,
    ]),
  )('gives the limits of %s as in its defaults table', (_name, variable) => {
    const { min, max } = variable.limits ?? { min: Number.NaN, max: Number.NaN };
    const [, , allowed] = rowOf(variable);
    expect(allowed).toContain(max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `${min}–${max}`);
  });

  test('lists the choices of the closed settings', () => {
    const row = (name: string) =>
      rowOf(CONFIG_VARIABLES.find((variable) => variable.name === name) as ConfigVariable)[2];
    for (const mode of KINESIS_DEFAULTS.streamMode.choices) expect(row('KINESIS_MODE')).toContain(`\`${mode}\``);
    const days = LOGS_DEFAULTS.retentionDays.choices;
    expect(row('LOG_RETENTION_DAYS')).toContain(`(${days.slice(0, 8).join(', ')}, …, ${days.at(-1)})`);
  });

  // "Default settings" restates the tables' defaults in prose, grouped by service.
  const defaultSettings = docs.slice(docs.indexOf('## Default settings'), docs.indexOf('### Alarms'));
  const gib = (bytes: number) => bytes / 1024 ** 3;
  test.each([
    ['KMS deletion window', `deleted after a ${KMS_DEFAULTS.deletionWindowDays.default}-day window`],
    [
      'pipe batching',
      `batch ${PIPES_DEFAULTS.batchSize.default}, batching window ${PIPES_DEFAULTS.batchingWindowSeconds.default} s`,
    ],
    [
      'pipe retries and record age',
      `${PIPES_DEFAULTS.maximumRetryAttempts.default} retries and a maximum record age of ${PIPES_DEFAULTS.maximumRecordAgeSeconds.default / 3600} h`,
    ],
    ['Kinesis retention', `${KINESIS_DEFAULTS.retentionHours.default} h retention`],
    [
      'Lambda memory and timeout',
      `${LAMBDA_DEFAULTS.memoryMiB.default} MB, ${LAMBDA_DEFAULTS.timeoutSeconds.default} s`,
    ],
    [
      'Firehose processor',
      `\`BufferSizeInMBs=${FIREHOSE_DEFAULTS.lambdaBufferSizeMB.default}\` and \`BufferIntervalInSeconds=${FIREHOSE_DEFAULTS.lambdaBufferIntervalSeconds.default}\``,
    ],
    [
      'Firehose buffering',
      `buffering of ${FIREHOSE_DEFAULTS.bufferSizeMiB.default} MiB or ${FIREHOSE_DEFAULTS.bufferIntervalSeconds.default} s`,
    ],
    [
      'lake lifecycle',
      `error records expire at ${S3_DEFAULTS.errorExpirationDays.default} days; DynamoDB exports under \`exports/\` expire at ${S3_DEFAULTS.exportExpirationDays.default} days; noncurrent\n    versions expire at ${S3_DEFAULTS.noncurrentVersionExpirationDays.default} days`,
    ],
    [
      'reconcile scratch lifecycle',
      `scratch rows\n    under \`reconcile/\` and their noncurrent versions expire at ${RECONCILE_SCRATCH_EXPIRATION_DAYS} day`,
    ],
    ['results lifecycle', `results expire at ${S3_DEFAULTS.athenaResultsExpirationDays.default} days`],
    ['Athena cutoff', `a ${gib(ATHENA_DEFAULTS.bytesScannedCutoffPerQuery.default)} GiB bytes-scanned cutoff`],
    ['log retention', `${dev.logRetentionDays} days in dev, ${prod.logRetentionDays} in prod`],
  ])('states the default %s as the tables give it', (_what, text) => {
    expect(defaultSettings).toContain(text);
  });

  test('states the freshness budget that freshness-budget.ts computes', () => {
    const config = loadConfig('dev', {});
    expect(docs).toContain(`| **Total** | **${freshnessBudgetSeconds(config)}** |`);
    for (const hop of freshnessBudget(config)) expect(docs).toContain(`| ${hop.seconds} |`);
  });

  test("states the low-latency path's budget that freshness-budget.ts computes, and its target", () => {
    const section = docs.slice(docs.indexOf('## The low-latency path'));
    expect(section).toContain(`| **Total** | **${recentFreshnessBudgetSeconds()}** |`);
    for (const hop of recentFreshnessBudget())
      expect(section).toContain(`| ${hop.hop.replace(' -> ', ' → ')} | ${hop.seconds} |`);
    expect(section).toContain(`within ${RECENT_FRESHNESS_TARGET_SECONDS} s`);
  });

  test('lists every alarm and every named query', () => {
    const resources = {
      pipeName: 'p',
      deadLetterQueueName: 'q',
      streamName: 's',
      deliveryStreamName: 'd',
      recentDeliveryStreamName: 'r',
      functionName: 'f',
      bufferIntervalSeconds: FIREHOSE_DEFAULTS.bufferIntervalSeconds.default,
      tableName: 't',
      currentState: { stateMachineArn: 'a', stateMachineName: 'm', mergeIntervalMinutes: 5, staleAfterIntervals: 3 },
    };
    for (const alarm of alarmDefinitions(resources)) expect(docs).toContain(`\`${alarm.id}\``);
    for (const query of readNamedQueries()) expect(docs).toContain(`\`${query.name}\``);
  });
});

describe('the pages a newcomer reads first', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const firstScreen = readme.split('\n').slice(0, 40).join('\n');
  const budget = freshnessBudgetSeconds(loadConfig('dev', {}));

  test("README's first screen states the freshness budget freshness-budget.ts computes, and no other", () => {
    expect(firstScreen).toContain(`within ${budget} s worst case`);
    // Every "<n> s" figure of the first screen is the budget: no stale promise beside it.
    const figures = [...firstScreen.matchAll(/(\d+(?:\.\d+)?) s\b/g)].map((match) => Number(match[1]));
    expect(figures.filter((seconds) => seconds !== budget)).toEqual([]);
    expect(readme).toContain(`within ${budget} s, worst case`);
  });

  test('README states the low-latency path budget and target that freshness-budget.ts computes', () => {
    expect(readme).toContain(
      `within ${recentFreshnessBudgetSeconds()} s, worst case (target ${RECENT_FRESHNESS_TARGET_SECONDS} s)`,
    );
  });

  test.each([
    'README.md',
    'ARCHITECTURE.md',
    'CONTRIBUTING.md',
    ...['infrastructure', 'local', 'operations', 'review-and-release'].map((page) => `docs/${page}.md`),
  ])('%s links only to files that exist in the repository', (page) => {
    const text = readFileSync(join(REPO_ROOT, page), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((match) => match[1] as string)
      .filter((target) => !/^[a-z]+:/.test(target));
    const missing = targets.filter((target) => !existsSync(join(REPO_ROOT, dirname(page), target)));
    expect(missing).toEqual([]);
  });

  // A file named in backticks (`lake-layout.ts`, `docs/local.md`) must be a file of the repository: a path from the
  // root or the page, or the tail of one. Build output (`dist/…`) is made by `npm run build`, not kept.
  const tracked = execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  const pages = tracked.filter((file) => file.endsWith('.md') && !file.endsWith('CHANGELOG.md'));
  test.each(pages)('%s names only files that exist in the repository', (page) => {
    const text = readFileSync(join(REPO_ROOT, page), 'utf8');
    const named = [...text.matchAll(/`([\w./@-]+\.(?:ts|md|sql|sh|ya?ml|mjs|cjs))`/g)].map(
      (match) => match[1] as string,
    );
    const missing = named.filter(
      (name) =>
        !name.startsWith('dist/') &&
        !existsSync(join(REPO_ROOT, dirname(page), name)) &&
        !tracked.some((file) => file === name || file.endsWith(`/${name}`)),
    );
    expect(missing).toEqual([]);
  });
});
