/**
 * bucketDefaultKey: the KMS key a bucket encrypts new objects with by default, so an export can name it.
 */
import { GetBucketEncryptionCommand, type S3Client } from '@aws-sdk/client-s3';
import { PreconditionError } from '../precondition-error.js';

/**
 * Reads the bucket's default encryption and returns its KMS key. An export started with `S3SseAlgorithm: 'KMS'` and
 * no `S3SseKmsKeyId` is written with the AWS managed key `aws/s3`, not the bucket's key, and the stack's bucket policy
 * refuses such writes; so the export names the bucket's own key.
 *
 * @param client - S3 client.
 * @param bucket - The bucket.
 * @returns The key (ARN, as the bucket's configuration holds it).
 * @throws {@link PreconditionError} when the bucket's default encryption is not SSE-KMS with a key.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketEncryption.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html (aws:kms without a key id uses aws/s3)
 * @example
 * ```ts
 * await bucketDefaultKey(s3, 'sales-dev-lake-123456789012-eu-west-1'); //=> 'arn:aws:kms:eu-west-1:123456789012:key/…'
 * ```
 */
export async function bucketDefaultKey(client: S3Client, bucket: string): Promise<string> {
  const answer = await client.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
  const rules = answer.ServerSideEncryptionConfiguration?.Rules ?? [];
  const key = rules.find((rule) => rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm === 'aws:kms')
    ?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID;
  if (key === undefined || key === '')
    throw new PreconditionError(
      `s3://${bucket} has no SSE-KMS default key: an export needs the lake's key (deploy the stack's lake bucket)`,
    );
  return key;
}
