import type { ChoiceSetting, NumberSetting } from '../types';
import { parseBoolean, parseChoice, parseDecimal, parseInteger, parsePattern } from './config-parse';
import type { SettingEntry } from './setting-entry';

/**
 * The kinds of setting the registry declares. Each helper takes a row's facts (variable, doc, default, limits) and
 * returns its entry with the parser and the docs' "allowed" text written from the same limits.
 */

/** What every kind of row states; the helper adds `allowed` and `parse`. */
type Row<T, D extends T | undefined> = Omit<SettingEntry<T, D>, 'allowed' | 'parse'>;

/** A numeric row: its default and limits, and the unit the value is in. */
type NumberRow = Row<number, number> &
  NumberSetting & {
    /** Unit of the value (`s`, `MiB`, `days`), after the range in the docs. */
    readonly unit?: string;
    /** A constraint the range does not say, after it in the docs ("provisioned only"). */
    readonly note?: string;
  };

/** A numeric entry: a {@link SettingEntry} that is also a {@link NumberSetting} row for `resolveSetting`. */
export type NumberEntry = SettingEntry<number, number> & NumberSetting & { readonly unit?: string };

/** The docs' text for a range: `1–500 s`, or `≥ 10485760` without a maximum, then any note. */
function rangeText({ min, max, unit, note }: NumberRow): string {
  const range = `${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `${min}–${max}`}${unit === undefined ? '' : ` ${unit}`}`;
  return note === undefined ? range : `${range}; ${note}`;
}

/**
 * A whole number within `[min, max]`.
 *
 * @param row - variable, doc, default, limits, unit
 * @returns the entry
 * @example
 * ```ts
 * integer({ variable: 'PIPE_BATCH_SIZE', doc: 'Records per pipe batch.', default: 100, min: 1, max: 500 }).allowed; //=> '1–500'
 * ```
 */
export function integer(row: NumberRow): NumberEntry {
  const { note: _, ...entry } = row;
  return { ...entry, allowed: rangeText(row), parse: (v, raw) => parseInteger(v, raw, row.min, row.max) };
}

/**
 * A decimal number within `[min, max]`.
 *
 * @param row - variable, doc, default, limits, unit
 * @returns the entry
 * @example
 * ```ts
 * decimal({ variable: 'LAMBDA_BUFFER_SIZE_MB', doc: 'Data per invocation.', default: 3, min: 0.2, max: 3 }).parse('X', '0.5'); //=> 0.5
 * ```
 */
export function decimal(row: NumberRow): NumberEntry {
  const { note: _, ...entry } = row;
  return { ...entry, allowed: rangeText(row), parse: (v, raw) => parseDecimal(v, raw, row.min, row.max) };
}

/**
 * One of a closed list of words.
 *
 * @param row - variable, doc, default, and the choices
 * @returns the entry, typed as one of the choices
 * @example
 * ```ts
 * choice({ variable: 'KINESIS_MODE', doc: 'Capacity mode.', default: 'ON_DEMAND', choices: ['ON_DEMAND', 'PROVISIONED'] }).allowed;
 * //=> '`ON_DEMAND` / `PROVISIONED`'
 * ```
 */
export function choice<const T extends string>(
  row: Row<T, T> & ChoiceSetting<T>,
): SettingEntry<T, T> & ChoiceSetting<T> {
  const allowed = row.choices.map((value) => `\`${value}\``).join(' / ');
  return { ...row, allowed, parse: (v, raw) => parseChoice(v, raw, row.choices) };
}

/**
 * One of a closed list of numbers, e.g. the retention periods CloudWatch Logs allows.
 *
 * @param row - variable, doc, default, the choices, and how the docs name them
 * @returns the entry
 * @example
 * ```ts
 * numberChoice({ variable: 'LOG_RETENTION_DAYS', doc: 'Retention.', default: 14, choices: [7, 14], allowed: '7 or 14' }).parse('X', '7'); //=> 7
 * ```
 */
export function numberChoice(
  row: Row<number, number> & ChoiceSetting<number> & { readonly allowed: string },
): SettingEntry<number, number> & ChoiceSetting<number> {
  const words = row.choices.map(String);
  return { ...row, parse: (v, raw) => Number(parseChoice(v, raw, words)) };
}

/**
 * `true` or `false`, in any case.
 *
 * @param row - variable, doc, default (per environment), and what `true` and `false` do
 * @returns the entry
 * @example
 * ```ts
 * flag({ variable: 'RECENT_PATH', doc: 'Build the path.', default: true }).parse('X', 'FALSE'); //=> false
 * ```
 */
export function flag(row: Row<boolean, boolean> & { readonly note?: string }): SettingEntry<boolean, boolean> {
  const { note, ...entry } = row;
  const allowed = `\`true\` / \`false\`${note === undefined ? '' : `: ${note}`}`;
  return { ...entry, allowed, parse: parseBoolean };
}

/**
 * Text that must match a pattern.
 *
 * @param row - variable, doc, default (or `undefined`: no value unless set), the pattern, and what it means: `expected`
 *   for the error message, `allowed` for the docs when it differs
 * @returns the entry
 * @example
 * ```ts
 * text({ variable: 'ALARM_EMAIL', doc: 'Alarm e-mail.', default: undefined, pattern: /@/, expected: 'an e-mail address' }).allowed;
 * //=> 'an e-mail address'
 * ```
 */
export function text<const D extends string | undefined>(
  row: Row<string, D> & { readonly pattern: RegExp; readonly expected: string; readonly allowed?: string },
): SettingEntry<string, D> {
  const { pattern, expected, allowed, ...entry } = row;
  return { ...entry, allowed: allowed ?? expected, parse: (v, raw) => parsePattern(v, raw, pattern, expected) };
}
