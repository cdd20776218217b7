/**
 * The shape of one setting in the registry ({@link SETTINGS}): everything the parser, the config type, the
 * constructs' checks and the docs table read about it, written once.
 */

/** Environments that get a stack. */
export const ENVIRONMENT_NAMES = ['dev', 'prod'] as const;
/** One of {@link ENVIRONMENT_NAMES}. */
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

/**
 * One setting: its `SALES_*` variable, its default in each environment, what it allows, its parser and its doc.
 * Built by the helpers of `setting-kinds.ts` (`integer`, `choice`, `flag`, `text`, ...), which write the `allowed`
 * text from the limits, so a limit is stated once.
 *
 * @typeParam T - the value's type, as the parser returns it
 * @typeParam D - the default's type: `undefined` for a setting that is off unless set (then optional in the config)
 */
export interface SettingEntry<T, D extends T | undefined = T | undefined> {
  /** Variable name after `SALES_` (or after `SALES_<ENV>_`). */
  readonly variable: string;
  /** One line: what the setting does, with its unit. The docs table's "What it sets" cell. */
  readonly doc: string;
  /** The value in every environment that {@link environments} does not name; `undefined` when unset means "none". */
  readonly default: D;
  /** Environments whose default differs, e.g. `{ prod: 90 }`. */
  readonly environments?: Readonly<Partial<Record<EnvironmentName, T>>>;
  /** What a value may be, phrased for the docs table ("1–500", "`true` / `false`"); the parser enforces it. */
  readonly allowed: string;
  /** The docs table's default cell when there is no value to show (`none (no subscription)`). */
  readonly defaultText?: string;
  /** A reading the docs table adds after the default value, in parentheses (`7 h`). */
  readonly defaultNote?: string;
  /** The config field this variable is one part of, when it is not a field of its own (`stateBackend`). */
  readonly partOf?: string;
  /** Parses the raw text; throws `ConfigError` naming `variable` and the value. */
  readonly parse: (variable: string, raw: string) => T;
}

/** Any registry entry, whatever its value type (each keeps its own type in `SETTINGS`). */
export type AnySettingEntry = SettingEntry<unknown, unknown>;

/**
 * The default of a setting in one environment.
 *
 * @param entry - the registry entry
 * @param environment - the environment
 * @returns the environment's override, else the entry's default
 * @example
 * ```ts
 * defaultIn(SETTINGS.logRetentionDays, 'prod'); //=> 90
 * defaultIn(SETTINGS.logRetentionDays, 'dev'); //=> 14
 * ```
 */
export function defaultIn<T, D extends T | undefined>(entry: SettingEntry<T, D>, environment: EnvironmentName): T | D {
  return entry.environments?.[environment] ?? entry.default;
}
