import type { NumberSetting } from '../types';

/**
 * Amazon Athena: the workgroup cancels a query after scanning this many bytes. Minimum 10 MB, no
 * maximum; default 10 GiB.
 *
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_WorkGroupConfiguration.html
 * @example
 * ```ts
 * ATHENA_DEFAULTS.bytesScannedCutoffPerQuery.default; //=> 10737418240
 * ```
 */
export const ATHENA_DEFAULTS = {
  bytesScannedCutoffPerQuery: {
    default: 10 * 1024 ** 3,
    min: 10485760,
    max: Number.MAX_SAFE_INTEGER,
  } satisfies NumberSetting,
} as const;
