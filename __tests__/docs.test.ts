import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { alarmDefinitions } from '../constructs/observability/alarms/alarm-definitions';
import {
  freshnessBudget,
  freshnessBudgetSeconds,
  RECENT_FRESHNESS_TARGET_SECONDS,
  recentFreshnessBudget,
  recentFreshnessBudgetSeconds,
  KMS_DEFAULTS,
  loadConfig,
  readNamedQueries,
  RECONCILE_SCRATCH_EXPIRATION_DAYS,
  SETTINGS,
  SETTINGS_TABLE_MARKERS,
  settingsTable,
} from '@sales/pipeline-spec';
import { REPO_ROOT } from '../constructs/data-path/transform-bundle';

// docs/infrastructure.md promises to match the code: these checks fail when one drifts from the other.
const docs = readFileSync(join(REPO_ROOT, 'docs', 'infrastructure.md'), 'utf8');

describe('docs/infrastructure.md', () => {
  // The configuration reference is written from the registry of settings (SETTINGS): one row per SALES_* variable.
  test('holds the configuration reference the registry gives (node --import tsx scripts/settings-table.ts)', () => {
    const begin = docs.indexOf(SETTINGS_TABLE_MARKERS.begin);
    const end = docs.indexOf(SETTINGS_TABLE_MARKERS.end);
    expect(begin).toBeGreaterThan(-1);
    expect(docs.slice(begin + SETTINGS_TABLE_MARKERS.begin.length, end).trim()).toBe(settingsTable());
  });

  // Prose that names a variable with its default in parentheses, "`SALES_MERGE_INTERVAL_MINUTES` (5)", states the registry's.
  test('states the registry default wherever prose gives one after a variable', () => {
    const byVariable = new Map(Object.values(SETTINGS).map((entry) => [`SALES_${entry.variable}`, entry.default]));
    const stated = [...docs.matchAll(/`(SALES_[A-Z_]+)` \((\d[\d,]*)/g)].map(([, variable, value]) => [
      variable,
      Number(value?.replaceAll(',', '')),
    ]);
    expect(stated.length).toBeGreaterThan(0);
    expect(stated).toEqual(stated.map(([variable]) => [variable, byVariable.get(String(variable))]));
  });

  const dev = loadConfig('dev', {});
  const prod = loadConfig('prod', {});

  // "Default settings" restates the registry's defaults in prose, grouped by service.
  const defaultSettings = docs.slice(docs.indexOf('## Default settings'), docs.indexOf('### Alarms'));
  const gib = (bytes: number) => bytes / 1024 ** 3;
  test.each([
    ['KMS deletion window', `deleted after a ${KMS_DEFAULTS.deletionWindowDays.default}-day window`],
    [
      'pipe batching',
      `batch ${SETTINGS.pipeBatchSize.default}, batching window ${SETTINGS.pipeBatchingWindowSeconds.default} s`,
    ],
    [
      'pipe retries and record age',
      `${SETTINGS.pipeMaximumRetryAttempts.default} retries and a maximum record age of ${SETTINGS.pipeMaximumRecordAgeSeconds.default / 3600} h`,
    ],
    ['Kinesis retention', `${SETTINGS.kinesisRetentionHours.default} h retention`],
    ['Lambda memory and timeout', `${SETTINGS.lambdaMemoryMiB.default} MB, ${SETTINGS.lambdaTimeoutSeconds.default} s`],
    [
      'Firehose processor',
      `\`BufferSizeInMBs=${SETTINGS.lambdaBufferSizeMB.default}\` and \`BufferIntervalInSeconds=${SETTINGS.lambdaBufferIntervalSeconds.default}\``,
    ],
    [
      'Firehose buffering',
      `buffering of ${SETTINGS.bufferSizeMiB.default} MiB or ${SETTINGS.bufferIntervalSeconds.default} s`,
    ],
    [
      'lake lifecycle',
      `error records expire at ${SETTINGS.errorExpirationDays.default} days; DynamoDB exports under \`exports/\` expire at ${SETTINGS.exportExpirationDays.default} days; noncurrent\n    versions expire at ${SETTINGS.noncurrentVersionExpirationDays.default} days`,
    ],
    [
      'reconcile scratch lifecycle',
      `scratch rows\n    under \`reconcile/\` and their noncurrent versions expire at ${RECONCILE_SCRATCH_EXPIRATION_DAYS} day`,
    ],
    ['results lifecycle', `results expire at ${SETTINGS.athenaResultsExpirationDays.default} days`],
    ['Athena cutoff', `a ${gib(SETTINGS.athenaBytesScannedCutoff.default)} GiB bytes-scanned cutoff`],
    ['log retention', `${dev.logRetentionDays} days in dev, ${prod.logRetentionDays} in prod`],
  ])('states the default %s as the registry gives it', (_what, text) => {
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
      bufferIntervalSeconds: SETTINGS.bufferIntervalSeconds.default,
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
