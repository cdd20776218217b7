import type { AnySettingEntry } from '../registry/setting-entry';
import { type OverridableSettings, SETTINGS, type SettingName, settingNames } from '../registry/settings-registry';
import type { NumberSetting } from '../types';

/**
 * The `SALES_*` environment variables that override configuration, one row per registry entry ({@link SETTINGS}),
 * in the registry's order. Nothing is declared here: the name, the parser and the limits are the entry's.
 */

/**
 * One overridable setting: the variable's name without `SALES_`, the setting it sets, its parser and,
 * for a number, its default and limits.
 */
export type ConfigVariable = {
  [K in SettingName]-?: {
    /** Variable name after `SALES_` (or after `SALES_<ENV>_`). */
    readonly name: string;
    /** Key of `PipelineConfig` it sets, or `stateBackendType`/`stateBucket`/`stateRegion` for the state backend. */
    readonly setting: K;
    /** Parses the raw text; throws `ConfigError` naming `variable`. */
    readonly parse: (variable: string, raw: string) => OverridableSettings[K];
    /** Default and limits of a numeric setting, as the parser checks them. */
    readonly limits?: NumberSetting;
  };
}[SettingName];

/** The variable row of one registry entry. */
function variableOf(setting: SettingName): ConfigVariable {
  const entry: AnySettingEntry & { readonly min?: unknown; readonly max?: unknown } = SETTINGS[setting];
  const { default: value, min, max } = entry;
  const limits =
    typeof value === 'number' && typeof min === 'number' && typeof max === 'number'
      ? { default: value, min, max }
      : undefined;
  return { name: entry.variable, setting, parse: entry.parse, ...(limits && { limits }) } as ConfigVariable;
}

/** Every overridable setting. Order is the order of the documentation table. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = settingNames().map(variableOf);
