/**
 * The stack as a whole: the prefix of every physical name (`<prefix>-<environment>-...`) and the
 * AWS region.
 *
 * @example
 * ```ts
 * STACK_DEFAULTS.namePrefix; //=> 'sales'
 * ```
 */
export const STACK_DEFAULTS = {
  namePrefix: 'sales',
  region: 'eu-west-1',
} as const;
