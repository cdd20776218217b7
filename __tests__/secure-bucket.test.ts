import 'cdktf/lib/testing/adapters/jest';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Testing } from 'cdktf';
import { lakeLifecycleRules, resultsLifecycleRules } from '../constructs/data-path/lake-lifecycle';
import { SecureBucket } from '../constructs/data-path/secure-bucket';
import { TEST_KEY_ARN } from './helpers/context';

describe('SecureBucket', () => {
  const lifecycle = lakeLifecycleRules({
    errorExpirationDays: 30,
    exportExpirationDays: 7,
    noncurrentVersionExpirationDays: 30,
    recentExpirationDays: 3,
  });
  const synthesized = Testing.synthScope(
    (scope) =>
      new SecureBucket(scope, 'Lake', { bucketName: 'lake', kmsKeyArn: TEST_KEY_ARN, lifecycleRules: lifecycle }),
  );
  const json = JSON.parse(synthesized);

  test('Test default behaviors: SSE-KMS with bucket key, versioning, public access blocked, no ACLs', () => {
    expect(synthesized).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [
        {
          apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: TEST_KEY_ARN },
          bucket_key_enabled: true,
        },
      ],
    });
    expect(synthesized).toHaveResourceWithProperties(S3BucketVersioningA, {
      versioning_configuration: { status: 'Enabled' },
    });
    expect(synthesized).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(synthesized).toHaveResourceWithProperties(S3BucketOwnershipControls, {
      rule: { object_ownership: 'BucketOwnerEnforced' },
    });
    expect((Object.values(json.resource.aws_s3_bucket)[0] as any).force_destroy).toBe(false);
  });

  test('keeps a bucket that holds objects on destroy, and refuses a destroy plan only when asked', () => {
    expect(Object.values(json.resource.aws_s3_bucket)[0]).toEqual(expect.objectContaining({ force_destroy: false }));
    const bucket = (props: { forceDestroy?: boolean; preventDestroy?: boolean }) =>
      Object.values(
        JSON.parse(
          Testing.synthScope(
            (scope) => new SecureBucket(scope, 'Lake', { bucketName: 'lake', kmsKeyArn: TEST_KEY_ARN, ...props }),
          ),
        ).resource.aws_s3_bucket,
      )[0] as Record<string, unknown>;
    expect(bucket({})['lifecycle']).toBeUndefined();
    expect(bucket({ preventDestroy: true })['lifecycle']).toEqual({ prevent_destroy: true });
    expect(bucket({ forceDestroy: true })['force_destroy']).toBe(true);
  });

  test('denies every request that does not use TLS', () => {
    const policy = JSON.parse((Object.values(json.resource.aws_s3_bucket_policy)[0] as any).policy);
    expect(policy.Statement.slice(0, 1)).toEqual([
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [
          expect.stringMatching(/aws_s3_bucket\.Lake_Bucket_[A-F0-9]+\.arn\}$/),
          expect.stringMatching(/\.arn\}\/\*$/),
        ],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]);
  });

  test('denies an object write that names another encryption or key, and allows one that names none', () => {
    const policy = JSON.parse((Object.values(json.resource.aws_s3_bucket_policy)[0] as any).policy);
    const objects = expect.stringMatching(/aws_s3_bucket\.Lake_Bucket_[A-F0-9]+\.arn\}\/\*$/);
    const deny = (Sid: string, Condition: unknown) => ({
      Sid,
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:PutObject',
      Resource: objects,
      Condition,
    });
    expect(policy.Statement.slice(1)).toEqual([
      deny('DenyOtherEncryption', {
        Null: { 's3:x-amz-server-side-encryption': 'false' },
        StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' },
      }),
      deny('DenyOtherKey', {
        Null: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'false' },
        StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': TEST_KEY_ARN },
      }),
      deny('DenyAwsManagedKey', {
        Null: { 's3:x-amz-server-side-encryption': 'false', 's3:x-amz-server-side-encryption-aws-kms-key-id': 'true' },
      }),
    ]);
  });

  test('expires errors, DynamoDB exports, reconcile scratch, the recent copies and noncurrent versions, and tiers nothing (objects are under 128 KB)', () => {
    expect(synthesized).not.toContain('STANDARD_IA');
    expect(synthesized).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, {
      rule: [
        expect.objectContaining({
          id: 'expire-error-records',
          filter: [{ prefix: 'errors/' }],
          expiration: [{ days: 30 }],
        }),
        expect.objectContaining({
          id: 'expire-recent-error-records',
          filter: [{ prefix: 'recent-errors/' }],
          expiration: [{ days: 30 }],
        }),
        expect.objectContaining({ id: 'expire-exports', filter: [{ prefix: 'exports/' }], expiration: [{ days: 7 }] }),
        expect.objectContaining({
          id: 'expire-reconcile-scratch',
          filter: [{ prefix: 'reconcile/' }],
          expiration: [{ days: 1 }],
          noncurrent_version_expiration: [{ noncurrent_days: 1 }],
        }),
        expect.objectContaining({
          id: 'expire-recent-changes',
          filter: [{ prefix: 'recent/' }],
          expiration: [{ days: 3 }],
          noncurrent_version_expiration: [{ noncurrent_days: 1 }],
        }),
        expect.objectContaining({
          id: 'expire-noncurrent-versions',
          noncurrent_version_expiration: [{ noncurrent_days: 30 }],
        }),
      ],
    });
  });

  test('aborts incomplete multipart uploads bucket-wide, reconcile scratch included, after 7 days', () => {
    const bucketWide = lifecycle.filter((rule) => rule.abortIncompleteMultipartUpload !== undefined);
    expect(bucketWide).toEqual([
      expect.objectContaining({ filter: [{}], abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }] }),
    ]);
  });

  test('applies the lifecycle configuration only after versioning, as the provider documents', () => {
    const json = JSON.parse(synthesized) as { resource: Record<string, Record<string, { depends_on?: string[] }>> };
    const lifecycle = Object.values(json.resource['aws_s3_bucket_lifecycle_configuration']!)[0]!;
    const versioning = Object.keys(json.resource['aws_s3_bucket_versioning']!)[0]!;
    expect(lifecycle.depends_on).toEqual([`aws_s3_bucket_versioning.${versioning}`]);
  });

  test('expires Athena results', () => {
    expect(resultsLifecycleRules(7)[0]).toMatchObject({ id: 'expire-query-results', expiration: [{ days: 7 }] });
  });
});
