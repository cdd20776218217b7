import { DELIVERY_SETTINGS } from './delivery-settings';
import { DEPLOY_SETTINGS } from './deploy-settings';
import { LAKE_SETTINGS } from './lake-settings';
import { MERGE_SETTINGS } from './merge-settings';
import type { AnySettingEntry } from './setting-entry';
import { STACK_SETTINGS } from './stack-settings';
import { STREAM_SETTINGS } from './stream-settings';

/**
 * The registry of settings: each setting of the pipeline declared once, with its `SALES_*` variable, its default in
 * each environment, its limits or allowed values, its parser and a one-line doc. Everything else derives from it:
 * the `PipelineConfig` type and `loadConfig`'s defaults (`config.ts`), the variable table (`config-variables.ts`),
 * the constructs' defaults and range checks (`resolveSetting(name, props.x, SETTINGS.x)`) and the configuration
 * reference in docs/infrastructure.md (`settingsTable`, checked by `__tests__/docs.test.ts`).
 *
 * The rows live in one file per group (`stack-`, `stream-`, `delivery-`, `lake-`, `merge-`, `deploy-settings.ts`);
 * their order here is the order of the docs table.
 *
 * @example
 * ```ts
 * SETTINGS.mergeStaleAfterIntervals; //=> { variable: 'MERGE_STALE_AFTER_INTERVALS', default: 3, min: 2, max: 24, ... }
 * loadConfig('dev', {}).mergeStaleAfterIntervals === SETTINGS.mergeStaleAfterIntervals.default; //=> true
 * ```
 */
export const SETTINGS = {
  ...STACK_SETTINGS,
  ...STREAM_SETTINGS,
  ...DELIVERY_SETTINGS,
  ...LAKE_SETTINGS,
  ...MERGE_SETTINGS,
  ...DEPLOY_SETTINGS,
} as const satisfies Record<string, AnySettingEntry>;

/** Name of a setting in the registry; a misspelt name does not compile. */
export type SettingName = keyof typeof SETTINGS;

/** The type of a setting's value: what its parser returns. */
export type SettingValue<K extends SettingName> = ReturnType<(typeof SETTINGS)[K]['parse']>;

/** The registry's type, entry by entry. */
type Registry = typeof SETTINGS;

/**
 * Every value a `SALES_*` variable can set, typed from the registry: a setting without a default (`alarmEmail`, the
 * state backend's parts) is optional. Both halves map over the registry's own keys, so an editor goes from a field to
 * its entry. The state backend's three parts (`stateBackendType`, `stateBucket`, `stateRegion`) become
 * `PipelineConfig.stateBackend`.
 */
export type OverridableSettings = {
  readonly [K in keyof Registry as Registry[K]['default'] extends undefined ? never : K]: SettingValue<K>;
} & {
  readonly [K in keyof Registry as Registry[K]['default'] extends undefined ? K : never]?: SettingValue<K>;
};

/**
 * Every setting's name, in the registry's order (the docs table's).
 *
 * @returns the names
 * @example
 * ```ts
 * settingNames()[0]; //=> 'namePrefix'
 * ```
 */
export function settingNames(): SettingName[] {
  return Object.keys(SETTINGS) as SettingName[];
}
