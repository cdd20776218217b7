import type { S3BucketLifecycleConfigurationRule } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import {
  ERROR_PREFIX,
  EXPORT_PREFIX,
  RECONCILE_SCRATCH_EXPIRATION_DAYS,
  RECONCILE_SCRATCH_PREFIX,
  RECENT_ERROR_PREFIX,
  RECENT_PREFIX,
} from '@sales/pipeline-spec';

/** Ages (in days) that drive the lake's lifecycle rules. */
export interface LakeLifecycleDays {
  /** Error records expire at this age. */
  readonly errorExpirationDays: number;
  /** DynamoDB exports under `exports/` expire at this age. */
  readonly exportExpirationDays: number;
  /** Noncurrent versions of any object expire this long after they stop being current. */
  readonly noncurrentVersionExpirationDays: number;
  /** The low-latency path's copies under `recent/` expire at this age. */
  readonly recentExpirationDays: number;
}

/**
 * Lifecycle rules of the lake bucket: expire error records (the low-latency path's too), DynamoDB exports (a backfill or reconcile
 * reads an export within hours; afterwards it is a stale copy of the table), reconcile's scratch rows
 * (and their noncurrent versions) after {@link RECONCILE_SCRATCH_EXPIRATION_DAYS}, the low-latency path's copies
 * under `recent/` (and their noncurrent versions: the change log under `sales/` is the record; the rule stays when
 * the path is turned off, so what it wrote still goes), and noncurrent versions,
 * and clean up failed multipart uploads. The multipart rule is bucket-wide, so it covers `reconcile/` too.
 *
 * Nothing under `current/` (the Iceberg tables, `CURRENT_STATE_PREFIX`) expires or moves: Iceberg deletes its own
 * files, and the synth refuses a rule that would reach them (`iceberg-rules.ts`). The bucket-wide rule expires only
 * noncurrent versions, which under `current/` are files Iceberg has already deleted.
 *
 * Change rows are not tiered. Firehose writes objects of a few KB here, and S3 lifecycle by default does
 * not transition objects smaller than 128 KB to any storage class (and Standard-IA bills at least 128 KB
 * per object), so a Standard-IA rule would move nothing.
 *
 * @param days - the ages
 * @returns rules for {@link SecureBucket}'s `lifecycleRules`
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
 */
export function lakeLifecycleRules(days: LakeLifecycleDays): S3BucketLifecycleConfigurationRule[] {
  return [
    {
      id: 'expire-error-records',
      status: 'Enabled',
      filter: [{ prefix: ERROR_PREFIX }],
      expiration: [{ days: days.errorExpirationDays }],
    },
    {
      id: 'expire-recent-error-records',
      status: 'Enabled',
      filter: [{ prefix: RECENT_ERROR_PREFIX }],
      expiration: [{ days: days.errorExpirationDays }],
    },
    {
      id: 'expire-exports',
      status: 'Enabled',
      filter: [{ prefix: EXPORT_PREFIX }],
      expiration: [{ days: days.exportExpirationDays }],
    },
    {
      id: 'expire-reconcile-scratch',
      status: 'Enabled',
      filter: [{ prefix: RECONCILE_SCRATCH_PREFIX }],
      expiration: [{ days: RECONCILE_SCRATCH_EXPIRATION_DAYS }],
      noncurrentVersionExpiration: [{ noncurrentDays: RECONCILE_SCRATCH_EXPIRATION_DAYS }],
    },
    {
      id: 'expire-recent-changes',
      status: 'Enabled',
      filter: [{ prefix: RECENT_PREFIX }],
      expiration: [{ days: days.recentExpirationDays }],
      noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
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
