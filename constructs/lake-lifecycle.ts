import type { S3BucketLifecycleConfigurationRule } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { DATA_PREFIX, ERROR_PREFIX, S3_DEFAULTS } from '@sales/pipeline-spec';

/** Ages (in days) that drive the lake's lifecycle rules. */
export interface LakeLifecycleDays {
  /** Change rows move to S3 Standard-IA at this age. Minimum 30 (S3's minimum for Standard-IA). */
  readonly lakeTransitionDays: number;
  /** Error records expire at this age. */
  readonly errorExpirationDays: number;
  /** Noncurrent versions of any object expire this long after they stop being current. */
  readonly noncurrentVersionExpirationDays: number;
}

/**
 * Lifecycle rules of the lake bucket: tier old change rows, expire error records and noncurrent
 * versions, and clean up failed multipart uploads.
 *
 * @param days - the ages
 * @returns rules for {@link SecureBucket}'s `lifecycleRules`
 * @throws Error when `lakeTransitionDays` is below 30
 */
export function lakeLifecycleRules(days: LakeLifecycleDays): S3BucketLifecycleConfigurationRule[] {
  if (days.lakeTransitionDays < S3_DEFAULTS.lakeTransitionDays.min) {
    throw new Error(`lakeTransitionDays must be at least ${S3_DEFAULTS.lakeTransitionDays.min} (S3 Standard-IA minimum), received ${days.lakeTransitionDays}`);
  }
  return [
    {
      id: 'tier-change-rows',
      status: 'Enabled',
      filter: [{ prefix: DATA_PREFIX }],
      transition: [{ days: days.lakeTransitionDays, storageClass: 'STANDARD_IA' }],
    },
    {
      id: 'expire-error-records',
      status: 'Enabled',
      filter: [{ prefix: ERROR_PREFIX }],
      expiration: [{ days: days.errorExpirationDays }],
    },
    {
      id: 'expire-noncurrent-versions',
      status: 'Enabled',
      filter: [{}],
      noncurrentVersionExpiration: [{ noncurrentDays: days.noncurrentVersionExpirationDays }],
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
    },
  ];
}

/**
 * Lifecycle rules of the Athena results bucket: results are disposable, so they expire.
 *
 * @param expirationDays - age at which results (and their old versions) are deleted
 * @returns rules for {@link SecureBucket}'s `lifecycleRules`
 */
export function resultsLifecycleRules(expirationDays: number): S3BucketLifecycleConfigurationRule[] {
  return [
    {
      id: 'expire-query-results',
      status: 'Enabled',
      filter: [{}],
      expiration: [{ days: expirationDays }],
      noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
    },
  ];
}
