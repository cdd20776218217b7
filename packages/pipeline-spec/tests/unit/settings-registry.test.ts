import {
  type AnySettingEntry,
  CONFIG_VARIABLES,
  ConfigError,
  defaultIn,
  ENVIRONMENT_NAMES,
  loadConfig,
  type NumberEntry,
  replaceSettingsTable,
  SETTINGS,
  SETTINGS_TABLE_MARKERS,
  settingNames,
  settingsTable,
} from '@sales/pipeline-spec';

const entries: [string, AnySettingEntry][] = settingNames().map((name) => [name, SETTINGS[name]]);

describe('the settings registry', () => {
  test('gives each setting one variable', () => {
    const variables = entries.map(([, entry]) => entry.variable);
    expect(new Set(variables).size).toBe(variables.length);
    expect(CONFIG_VARIABLES.map((variable) => [variable.setting, variable.name])).toEqual(
      entries.map(([name, entry]) => [name, entry.variable]),
    );
  });

  // A default the entry's own parser refuses would be a value no variable could set.
  test.each(entries.filter(([, entry]) => entry.default !== undefined && typeof entry.default !== 'object'))(
    'accepts the default of %s in every environment through its own parser',
    (_name, entry) => {
      for (const environment of ENVIRONMENT_NAMES) {
        const value = defaultIn(entry, environment);
        expect(entry.parse(`SALES_${entry.variable}`, String(value))).toBe(value);
      }
    },
  );

  test.each(entries.filter(([, entry]) => 'min' in entry))(
    'keeps the default of %s within its limits',
    (_name, entry) => {
      const { default: value, min, max } = entry as unknown as NumberEntry;
      expect([value >= min, value <= max]).toEqual([true, true]);
    },
  );

  test('loads each environment with the registry defaults', () => {
    for (const environment of ENVIRONMENT_NAMES) {
      const config = loadConfig(environment, {});
      expect([config.logRetentionDays, config.deletionProtection]).toEqual([
        defaultIn(SETTINGS.logRetentionDays, environment),
        defaultIn(SETTINGS.deletionProtection, environment),
      ]);
    }
  });

  test('names the variable and the value in a parse error', () => {
    expect(() => SETTINGS.mergeStaleAfterIntervals.parse('SALES_MERGE_STALE_AFTER_INTERVALS', '1')).toThrow(
      new ConfigError('SALES_MERGE_STALE_AFTER_INTERVALS', '1', 'a whole number between 2 and 24'),
    );
  });
});

describe('the configuration reference table', () => {
  const rows = settingsTable().split('\n');
  const rowOf = (variable: string) =>
    (rows.find((row) => row.startsWith(`| \`SALES_${variable}\` |`)) ?? '').split(' | ');

  test('has a header and one five-cell row per variable, in the registry order', () => {
    expect(rows.slice(0, 2)).toEqual([
      '| Variable | Setting | What it sets | Allowed | Default |',
      '|---|---|---|---|---|',
    ]);
    expect(rows.slice(2).map((row) => row.split(' | ')[0])).toEqual(
      entries.map(([, e]) => `| \`SALES_${e.variable}\``),
    );
    for (const row of rows.slice(2)) expect(row.split(' | ')).toHaveLength(5);
  });

  test.each([
    ['MERGE_STALE_AFTER_INTERVALS', '`mergeStaleAfterIntervals`', '2–24', '`3` |'],
    [
      'LOG_RETENTION_DAYS',
      '`logRetentionDays`',
      'a CloudWatch retention (1, 3, 5, 7, 14, 30, 60, 90, …, 3653)',
      'dev `14`, prod `90` |',
    ],
    ['ATHENA_BYTES_SCANNED_CUTOFF', '`athenaBytesScannedCutoff`', '≥ 10485760 bytes', '`10737418240` (10 GiB) |'],
    ['KINESIS_MODE', '`kinesisStreamMode`', '`ON_DEMAND` / `PROVISIONED`', '`ON_DEMAND` |'],
    ['STATE_BUCKET', '`stateBackend` (`stateBucket`)', 'an S3 bucket name', 'none (local state) |'],
  ])('writes SALES_%s as setting %s, allowed "%s", default %s', (variable, setting, allowed, defaultCell) => {
    const [, settingCell, , allowedCell, lastCell] = rowOf(variable);
    expect([settingCell, allowedCell, lastCell]).toEqual([setting, allowed, defaultCell]);
  });

  test('replaces only what lies between the markers, and is stable', () => {
    const page = `# Page\n\n${SETTINGS_TABLE_MARKERS.begin}\nold table\n${SETTINGS_TABLE_MARKERS.end}\n\nAfter.\n`;
    const once = replaceSettingsTable(page);
    expect(once).toBe(
      `# Page\n\n${SETTINGS_TABLE_MARKERS.begin}\n\n${settingsTable()}\n\n${SETTINGS_TABLE_MARKERS.end}\n\nAfter.\n`,
    );
    expect(replaceSettingsTable(once)).toBe(once);
  });

  test('refuses a page without the markers', () => {
    expect(() => replaceSettingsTable('# Page\n')).toThrow(/settings-table/);
  });
});
