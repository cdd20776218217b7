/**
 * Age, in days, at which reconcile's scratch rows under `reconcile/` expire, and their noncurrent versions after
 * them. A constant, not a setting: a run reads its rows within the hour and deletes them itself, so the rule is only
 * the backstop for a run that was interrupted, and 1 day is S3's shortest expiration. On the versioned lake bucket
 * the CLI's delete leaves a noncurrent version (a copy of the table's items), which this rule also expires after a
 * day instead of the bucket-wide `noncurrentVersionExpirationDays`; S3 honours the shorter of two overlapping
 * expirations.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-conflicts.html
 * @example
 * ```ts
 * RECONCILE_SCRATCH_EXPIRATION_DAYS; //=> 1
 * ```
 */
export const RECONCILE_SCRATCH_EXPIRATION_DAYS = 1;
