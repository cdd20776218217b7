import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { type AwsContext, crawlerLogGroupName, KMS_DEFAULTS, resolveSetting } from '@sales/pipeline-spec';

/** Props for {@link EncryptionKey}. */
export interface EncryptionKeyProps {
  /** `<prefix>-<environment>`: names the alias and scopes the log groups that may use the key. */
  readonly baseName: string;
  /** Account, region and partition tokens. */
  readonly aws: AwsContext;
  /**
   * Days KMS waits before deleting the key after `terraform destroy`. A construct prop, not a setting.
   * @defaultValue - {@link KMS_DEFAULTS}`.deletionWindowDays`, with its limits
   */
  readonly deletionWindowDays?: number;
  /**
   * Refuse any Terraform plan that destroys the key (`lifecycle { prevent_destroy = true }`): every hop's data is
   * encrypted with it, and a deleted key makes that data unreadable for good.
   * @defaultValue false
   * @see https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle
   */
  readonly preventDestroy?: boolean;
}

/**
 * Key policy of the pipeline key.
 *
 * IAM roles get their key permissions from their own policies (the account statement delegates to IAM).
 * Two services act without a role of ours and need a grant here: CloudWatch Logs (encrypted log
 * groups, limited to this pipeline's log groups, the Glue crawler's included) and CloudWatch alarms
 * publishing to the encrypted topic.
 *
 * @param baseName - `<prefix>-<environment>`
 * @param aws - account, region and partition tokens
 * @returns the key policy JSON
 */
export function keyPolicy(baseName: string, aws: AwsContext): string {
  const logGroupArn = (name: string) => `arn:${aws.partition}:logs:${aws.region}:${aws.accountId}:log-group:${name}`;
  const useKey = [
    'kms:Encrypt',
    'kms:Decrypt',
    'kms:ReEncryptFrom',
    'kms:ReEncryptTo',
    'kms:GenerateDataKey',
    'kms:DescribeKey',
  ];
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        // AWS's default key policy statement: the account administers the key through IAM policies.
        // `kms:*` on `*` is the documented form; `*` in a key policy means "this key".
        Sid: 'AccountAdministersKeyThroughIam',
        Effect: 'Allow',
        Principal: { AWS: `arn:${aws.partition}:iam::${aws.accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'CloudWatchLogsEncryptsPipelineLogGroups',
        Effect: 'Allow',
        Principal: { Service: `logs.${aws.region}.amazonaws.com` },
        Action: useKey,
        Resource: '*',
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': [
              logGroupArn(`/${baseName}/*`),
              logGroupArn(`/aws/lambda/${baseName}-*`),
              logGroupArn(crawlerLogGroupName(baseName)),
            ],
          },
        },
      },
      {
        Sid: 'CloudWatchAlarmsPublishToEncryptedTopic',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': aws.accountId } },
      },
    ],
  });
}

/** The pipeline's customer-managed KMS key (yearly rotation) and its alias; every hop encrypts with it. */
export class EncryptionKey extends Construct {
  /** The key. */
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const deletionWindowDays = resolveSetting(
      'deletionWindowDays',
      props.deletionWindowDays,
      KMS_DEFAULTS.deletionWindowDays,
    );
    this.key = new KmsKey(this, 'Key', {
      description: `${props.baseName} sales pipeline data`,
      enableKeyRotation: true,
      deletionWindowInDays: deletionWindowDays,
      policy: keyPolicy(props.baseName, props.aws),
      ...(props.preventDestroy === true ? { lifecycle: { preventDestroy: true } } : {}),
    });
    new KmsAlias(this, 'Alias', { name: `alias/${props.baseName}-pipeline`, targetKeyId: this.key.keyId });
  }
}
