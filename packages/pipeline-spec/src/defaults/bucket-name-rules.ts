/**
 * What S3 reserves in bucket names, written once: the config parser refuses a name prefix that would hit a
 * reserved prefix, and the synth-time apply rules (`constructs/security/apply-time-rules.ts`) check every bucket name.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */

/** Prefixes S3 reserves; a bucket name starting with one is refused by CreateBucket. */
export const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'] as const;

/** Suffixes S3 reserves; a bucket name ending with one is refused by CreateBucket. */
export const RESERVED_BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3'] as const;

/**
 * The reserved bucket-name prefix that every bucket of a stack with this name prefix would start with
 * (bucket names here are `<namePrefix>-<environment>-...`).
 *
 * @param namePrefix - the configured `namePrefix`
 * @returns the reserved prefix hit, or `undefined`
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 * @example
 * ```ts
 * reservedBucketPrefixOf('xn-'); //=> 'xn--' (buckets would be named xn--dev-...)
 * reservedBucketPrefixOf('sales'); //=> undefined
 * ```
 */
export function reservedBucketPrefixOf(namePrefix: string): string | undefined {
  return RESERVED_BUCKET_PREFIXES.find((reserved) => `${namePrefix}-`.startsWith(reserved));
}
