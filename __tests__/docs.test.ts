import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alarmDefinitions } from '../constructs/alarm-definitions';
import { DEFAULTS, loadConfig } from '../constructs/config';
import { CONFIG_VARIABLES } from '../constructs/config-variables';
import { freshnessBudget, freshnessBudgetSeconds } from '../constructs/freshness-budget';
import { readNamedQueries } from '../constructs/named-queries';
import { REPO_ROOT } from '../constructs/transform-bundle';

// docs/infrastructure.md promises to match the code: these checks fail when one drifts from the other.
const docs = readFileSync(join(REPO_ROOT, 'docs', 'infrastructure.md'), 'utf8');

describe('docs/infrastructure.md', () => {
  test.each(CONFIG_VARIABLES.map((variable) => [`SALES_${variable.name}`, variable.setting]))('documents %s (%s)', (name, setting) => {
    const row = docs.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row).toContain(setting);
  });

  test.each([
    ['SALES_FIREHOSE_BUFFER_INTERVAL_SECONDS', `\`${DEFAULTS.bufferIntervalSeconds}\``],
    ['SALES_FIREHOSE_BUFFER_SIZE_MIB', `\`${DEFAULTS.bufferSizeMiB}\``],
    ['SALES_LAMBDA_MEMORY_MB', `\`${DEFAULTS.lambdaMemoryMiB}\``],
    ['SALES_LAMBDA_BUFFER_SIZE_MB', `\`${DEFAULTS.lambdaBufferSizeMB}\``],
    ['SALES_LAMBDA_BUFFER_INTERVAL_SECONDS', `\`${DEFAULTS.lambdaBufferIntervalSeconds}\``],
    ['SALES_CRAWLER_SCHEDULE', `\`${DEFAULTS.crawlerSchedule}\``],
    ['SALES_PIPE_BATCH_SIZE', `\`${DEFAULTS.pipeBatchSize}\``],
  ])('gives the default of %s as in config.ts', (name, value) => {
    const row = docs.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row?.trim().endsWith(`| ${value} |`)).toBe(true);
  });

  test('states the freshness budget that freshness-budget.ts computes', () => {
    const config = loadConfig('dev', {});
    expect(docs).toContain(`| **Total** | **${freshnessBudgetSeconds(config)}** |`);
    for (const hop of freshnessBudget(config)) expect(docs).toContain(`| ${hop.seconds} |`);
  });

  test('lists every alarm and every named query', () => {
    const resources = { pipeName: 'p', deadLetterQueueName: 'q', streamName: 's', deliveryStreamName: 'd', functionName: 'f', bufferIntervalSeconds: 60 };
    for (const alarm of alarmDefinitions(resources)) expect(docs).toContain(`\`${alarm.id}\``);
    for (const query of readNamedQueries()) expect(docs).toContain(`\`${query.name}\``);
  });
});
