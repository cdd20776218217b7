import type { NumberSetting } from '../types';

/**
 * Amazon S3 lifecycle: ages, in days, of the lake and Athena results buckets' rules. Change rows are not
 * tiered: objects under 128 KB never transition (see `constructs/lake-lifecycle.ts`).
 *
 * - `errorExpirationDays`: error records expire.
 * - `exportExpirationDays`: DynamoDB exports under `exports/` expire (backfill and reconcile read them within hours).
 * - `noncurrentVersionExpirationDays`: noncurrent object versions expire.
 * - `athenaResultsExpirationDays`: Athena query results expire.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
 * @example
 * ```ts
 * S3_DEFAULTS.errorExpirationDays.default; //=> 30
 * ```
 */
export const S3_DEFAULTS = {
  errorExpirationDays: { default: 30, min: 1, max: 3650 },
  exportExpirationDays: { default: 7, min: 1, max: 3650 },
  noncurrentVersionExpirationDays: { default: 30, min: 1, max: 3650 },
  athenaResultsExpirationDays: { default: 7, min: 1, max: 3650 },
} as const satisfies Record<string, NumberSetting>;
