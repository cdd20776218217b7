import type { NumberSetting } from '../types';

/**
 * Check a construct prop that must be a whole number within `[min, max]`, failing early with the
 * value received, as the CDK design guidelines ("Errors") ask.
 *
 * @param name - the prop's name, as the caller wrote it
 * @param value - the resolved value (default applied)
 * @param min - smallest allowed value
 * @param max - largest allowed value
 * @returns `value`, so a default can be resolved and checked in one line
 * @throws Error `<name> must be between <min> and <max>, received <value>` when `value` is not a whole number in range
 * @example
 * ```ts
 * const batchSize = checkRange('batchSize', props.batchSize ?? 100, 1, 500); //=> 100
 * checkRange('batchSize', 501, 1, 500); // throws: batchSize must be between 1 and 500, received 501
 * ```
 */
export function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be between ${min} and ${max}, received ${value}`);
  }
  return value;
}

/**
 * Apply a setting's default and check its range, reading both from one row: a numeric registry entry
 * (`SETTINGS.pipeBatchSize`) or a construct-only row of a `*-defaults.ts` table.
 *
 * @param name - the prop's name, as the caller wrote it
 * @param value - the value given, or `undefined` for the table's default
 * @param setting - the row: default, minimum and maximum
 * @returns the value to use
 * @throws Error `<name> must be between <min> and <max>, received <value>` when it is not a whole number in range
 * @example
 * ```ts
 * resolveSetting('batchSize', undefined, SETTINGS.pipeBatchSize); //=> 100
 * resolveSetting('batchSize', 501, SETTINGS.pipeBatchSize); // throws: batchSize must be between 1 and 500, received 501
 * ```
 */
export function resolveSetting(name: string, value: number | undefined, setting: NumberSetting): number {
  return checkRange(name, value ?? setting.default, setting.min, setting.max);
}
