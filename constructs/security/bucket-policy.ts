/**
 * The bucket policy of every bucket the stack owns, as small pure statement functions: TLS only, and every object
 * written under the stack's key. Testable without synth.
 */

/** One statement of a bucket policy (a resource policy, so it names its principal). */
export interface BucketPolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Deny';
  readonly Principal: '*';
  readonly Action: string;
  readonly Resource: string | readonly string[];
  readonly Condition: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * Denies every request made over plain HTTP.
 *
 * @param bucketArn - the bucket's ARN (token)
 * @returns the statement
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
 * @example
 * ```ts
 * denyInsecureTransport('arn:aws:s3:::b').Condition; //=> { Bool: { 'aws:SecureTransport': 'false' } }
 * ```
 */
export function denyInsecureTransport(bucketArn: string): BucketPolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/**
 * Deny `s3:PutObject` (which also authorizes `CreateMultipartUpload`, `UploadPart` and `CopyObject`'s target) unless
 * the object is encrypted with `kmsKeyArn`. A request without encryption headers gets the bucket's default
 * (SSE-KMS with that key) and stays allowed: Firehose's S3 writes, the `sales-lake` tools and `UploadPart` send none.
 * Each statement first tests that its header is present (`Null` = `false`), because a negated operator such as
 * `StringNotEquals` also matches a request without the key, which would deny those writes.
 *
 * - `DenyOtherEncryption`: `x-amz-server-side-encryption` present and not `aws:kms` (`AES256` bypasses the key,
 *   `aws:kms:dsse` cannot use a bucket key).
 * - `DenyOtherKey`: `x-amz-server-side-encryption-aws-kms-key-id` present and not the key's ARN. A caller naming the
 *   right key by id or alias is refused too; the condition key compares the header's text.
 * - `DenyAwsManagedKey`: `aws:kms` without a key id: S3 then uses the AWS managed key `aws/s3`, not the bucket's.
 *
 * @param bucketArn - the bucket's ARN (token)
 * @param kmsKeyArn - the stack's key (token), the bucket's default key
 * @returns the three statements
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/specifying-kms-encryption.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html (aws:kms without a key id uses aws/s3)
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
 * @example
 * ```ts
 * requireStackKey('arn:aws:s3:::b', 'arn:aws:kms:eu-west-1:1:key/k').map((s) => s.Sid);
 * //=> ['DenyOtherEncryption', 'DenyOtherKey', 'DenyAwsManagedKey']
 * ```
 */
export function requireStackKey(bucketArn: string, kmsKeyArn: string): BucketPolicyStatement[] {
  const sse = 's3:x-amz-server-side-encryption';
  const keyId = 's3:x-amz-server-side-encryption-aws-kms-key-id';
  const objects = `${bucketArn}/*`;
  const denyPut = (Sid: string, Condition: BucketPolicyStatement['Condition']): BucketPolicyStatement => ({
    Sid,
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:PutObject',
    Resource: objects,
    Condition,
  });
  return [
    denyPut('DenyOtherEncryption', { Null: { [sse]: 'false' }, StringNotEquals: { [sse]: 'aws:kms' } }),
    denyPut('DenyOtherKey', { Null: { [keyId]: 'false' }, StringNotEquals: { [keyId]: kmsKeyArn } }),
    denyPut('DenyAwsManagedKey', { Null: { [sse]: 'false', [keyId]: 'true' } }),
  ];
}

/**
 * The policy of a stack bucket: TLS only, and objects written with the stack's key only.
 *
 * @param bucketArn - the bucket's ARN (token)
 * @param kmsKeyArn - the bucket's default key (token)
 * @returns the bucket policy JSON
 * @example
 * ```ts
 * JSON.parse(bucketPolicy('arn:aws:s3:::b', 'arn:aws:kms:eu-west-1:1:key/k')).Statement.length; //=> 4
 * ```
 */
export function bucketPolicy(bucketArn: string, kmsKeyArn: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [denyInsecureTransport(bucketArn), ...requireStackKey(bucketArn, kmsKeyArn)],
  });
}
