import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { GlueSecurityConfiguration } from '@cdktf/provider-aws/lib/glue-security-configuration';
import { Construct } from 'constructs';
import { crawlerLogGroupName, crawlerSecurityConfigurationName } from '@sales/pipeline-spec';
import { createLogGroup } from '../observability/log-group';

/** Props for {@link CrawlerLogging}. */
export interface CrawlerLoggingProps {
  /** `<prefix>-<environment>`: names the security configuration and, with the role, the log group. */
  readonly baseName: string;
  /** KMS key ARN that encrypts the crawler's logs. */
  readonly kmsKeyArn: string;
  /** Retention of the crawler's log group, in days; one of CloudWatch's allowed values. */
  readonly logRetentionDays: number;
}

/**
 * The crawler's own encrypted, expiring log group, and the Glue security configuration that makes
 * Glue write to it instead of the shared `/aws-glue/crawlers` group.
 *
 * Terraform creates the group (name from {@link crawlerLogGroupName}) with the key and the retention
 * before the crawler exists, so Glue never creates it bare. Glue associates the same key on its first
 * run, which changes nothing Terraform manages.
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html
 */
export class CrawlerLogging extends Construct {
  /** The security configuration to attach to the crawler. */
  readonly securityConfiguration: GlueSecurityConfiguration;
  /** The log group the crawler writes to. */
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: CrawlerLoggingProps) {
    super(scope, id);
    this.securityConfiguration = new GlueSecurityConfiguration(this, 'SecurityConfiguration', {
      name: crawlerSecurityConfigurationName(props.baseName),
      encryptionConfiguration: {
        cloudwatchEncryption: { cloudwatchEncryptionMode: 'SSE-KMS', kmsKeyArn: props.kmsKeyArn },
        // The provider requires all three blocks. A crawler writes no S3 objects and has no job
        // bookmarks (both apply to ETL jobs and development endpoints), so these two are off; the lake
        // itself is encrypted by its bucket's default SSE-KMS.
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'DISABLED' },
        s3Encryption: { s3EncryptionMode: 'DISABLED' },
      },
    });
    this.logGroup = createLogGroup(this, 'LogGroup', {
      name: crawlerLogGroupName(props.baseName),
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
  }
}
