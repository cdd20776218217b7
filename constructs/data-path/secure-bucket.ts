import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import {
  S3BucketLifecycleConfiguration,
  type S3BucketLifecycleConfigurationRule,
} from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { bucketPolicy } from '../security/bucket-policy';

/** Props for {@link SecureBucket}. */
export interface SecureBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** KMS key ARN for default encryption (SSE-KMS with an S3 bucket key). */
  readonly kmsKeyArn: string;
  /** Lifecycle rules; each needs an `id` and a `filter`. @defaultValue - no lifecycle rules */
  readonly lifecycleRules?: readonly S3BucketLifecycleConfigurationRule[];
  /**
   * Let `terraform destroy` delete a bucket that still holds objects.
   * @defaultValue false
   */
  readonly forceDestroy?: boolean;
  /**
   * Refuse any Terraform plan that destroys the bucket (`lifecycle { prevent_destroy = true }`).
   * @defaultValue false
   * @see https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle
   */
  readonly preventDestroy?: boolean;
}

/**
 * An S3 bucket with the secure defaults of this project: SSE-KMS with a bucket key, versioning,
 * every public access blocked, `BucketOwnerEnforced` (no ACLs), a policy that denies plain HTTP and any
 * object write not encrypted with `kmsKeyArn` ({@link bucketPolicy}), and lifecycle rules.
 */
export class SecureBucket extends Construct {
  /** The bucket. */
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    this.bucket = new S3Bucket(this, 'Bucket', {
      bucket: props.bucketName,
      forceDestroy: props.forceDestroy ?? false,
      ...(props.preventDestroy === true ? { lifecycle: { preventDestroy: true } } : {}),
    });
    const bucket = this.bucket.id;
    new S3BucketServerSideEncryptionConfigurationA(this, 'Encryption', {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn },
          bucketKeyEnabled: true,
        },
      ],
    });
    const versioning = new S3BucketVersioningA(this, 'Versioning', {
      bucket,
      versioningConfiguration: { status: 'Enabled' },
    });
    const publicAccessBlock = new S3BucketPublicAccessBlock(this, 'PublicAccessBlock', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'OwnershipControls', {
      bucket,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    new S3BucketPolicy(this, 'Policy', {
      bucket,
      policy: bucketPolicy(this.bucket.arn, props.kmsKeyArn),
      dependsOn: [publicAccessBlock],
    });
    if (props.lifecycleRules !== undefined && props.lifecycleRules.length > 0) {
      // Rules on noncurrent versions need versioning in place first; the provider's documentation
      // ("Specifying a filter based on object versions") makes the configuration depend on it.
      new S3BucketLifecycleConfiguration(this, 'Lifecycle', {
        bucket,
        rule: [...props.lifecycleRules],
        dependsOn: [versioning],
      });
    }
  }
}
