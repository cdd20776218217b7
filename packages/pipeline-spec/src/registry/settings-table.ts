import { type AnySettingEntry, defaultIn, ENVIRONMENT_NAMES } from './setting-entry';
import { SETTINGS, settingNames } from './settings-registry';

/**
 * The configuration reference of docs/infrastructure.md, written from the registry: one row per `SALES_*` variable.
 * `node --import tsx scripts/settings-table.ts` rewrites the table between its markers, and `__tests__/docs.test.ts`
 * fails when the page's table is not the one the registry gives.
 */

/** The comment lines that open and close the generated table in a Markdown page. */
export const SETTINGS_TABLE_MARKERS = {
  begin:
    '<!-- settings-table: generated from SETTINGS (packages/pipeline-spec/src/registry) by scripts/settings-table.ts -->',
  end: '<!-- /settings-table -->',
} as const;

/** A cell's text, with the one character a Markdown table cell cannot hold raw escaped. */
const cell = (text: string): string => text.replaceAll('|', '\\|');

/** The default cell: the value (per environment when they differ) and its reading, or the entry's own text. */
function defaultCell(entry: AnySettingEntry): string {
  if (entry.defaultText !== undefined) return entry.defaultText;
  const values = ENVIRONMENT_NAMES.map((environment) => String(defaultIn(entry, environment)));
  const value =
    new Set(values).size === 1
      ? `\`${values[0]}\``
      : ENVIRONMENT_NAMES.map((environment, i) => `${environment} \`${values[i]}\``).join(', ');
  return entry.defaultNote === undefined ? value : `${value} (${entry.defaultNote})`;
}

/**
 * The configuration reference as a Markdown table: variable, setting, what it sets, what it allows, its default.
 *
 * @returns the table's lines, joined with `\n`, without the markers
 * @example
 * ```ts
 * settingsTable().split('\n')[0]; //=> '| Variable | Setting | What it sets | Allowed | Default |'
 * ```
 */
export function settingsTable(): string {
  const rows = settingNames().map((name) => {
    const entry: AnySettingEntry = SETTINGS[name];
    const setting = entry.partOf === undefined ? `\`${name}\`` : `\`${entry.partOf}\` (\`${name}\`)`;
    const cells = [`\`SALES_${entry.variable}\``, setting, entry.doc, entry.allowed, defaultCell(entry)];
    return `| ${cells.map(cell).join(' | ')} |`;
  });
  return ['| Variable | Setting | What it sets | Allowed | Default |', '|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * A Markdown page with the table between {@link SETTINGS_TABLE_MARKERS} replaced by {@link settingsTable}.
 *
 * @param markdown - the page
 * @returns the page with the registry's table
 * @throws Error when the page does not hold both markers, in order
 * @example
 * ```ts
 * replaceSettingsTable(page) === page; //=> true when the page's table is up to date
 * ```
 */
export function replaceSettingsTable(markdown: string): string {
  const begin = markdown.indexOf(SETTINGS_TABLE_MARKERS.begin);
  const end = markdown.indexOf(SETTINGS_TABLE_MARKERS.end, begin);
  if (begin < 0 || end < 0)
    throw new Error(`the page has no "${SETTINGS_TABLE_MARKERS.begin}" ... "${SETTINGS_TABLE_MARKERS.end}"`);
  const head = markdown.slice(0, begin + SETTINGS_TABLE_MARKERS.begin.length);
  return `${head}\n\n${settingsTable()}\n\n${markdown.slice(end)}`;
}
