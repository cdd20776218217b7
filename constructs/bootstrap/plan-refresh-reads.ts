/**
 * What `terraform plan` reads to refresh each resource type the pipeline stacks declare: the provider's Read calls,
 * as IAM actions. Configuration reads only: no action here returns an item, an object, a record, a message, a log
 * event, a query result or a plaintext. One table: the plan role's policy is built from it, and the simulation test
 * fails on a synthesized resource type that has no row.
 */

/** The reads refreshing one resource type. */
export interface RefreshReads {
  /** IAM actions the provider's Read makes. */
  readonly actions: readonly string[];
  /** The provider's resource page, and the Service Authorization Reference page naming the actions. */
  readonly cite: string;
}

const TF = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs';
const SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference';

/**
 * Refresh reads by Terraform type (resources and data sources).
 *
 * @example
 * ```ts
 * PLAN_REFRESH_READS.aws_kms_key.actions; //=> ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags']
 * ```
 */
export const PLAN_REFRESH_READS: Readonly<Record<string, RefreshReads>> = {
  aws_athena_named_query: {
    actions: ['athena:GetNamedQuery'],
    cite: `${TF}/resources/athena_named_query; ${SAR}/list_amazonathena.html`,
  },
  aws_athena_workgroup: {
    actions: ['athena:GetWorkGroup', 'athena:ListTagsForResource'],
    cite: `${TF}/resources/athena_workgroup; ${SAR}/list_amazonathena.html`,
  },
  aws_cloudwatch_dashboard: {
    actions: ['cloudwatch:GetDashboard'],
    cite: `${TF}/resources/cloudwatch_dashboard; ${SAR}/list_amazoncloudwatch.html`,
  },
  aws_cloudwatch_log_group: {
    actions: ['logs:DescribeLogGroups', 'logs:ListTagsForResource'],
    cite: `${TF}/resources/cloudwatch_log_group; ${SAR}/list_amazoncloudwatchlogs.html`,
  },
  aws_cloudwatch_log_metric_filter: {
    actions: ['logs:DescribeMetricFilters'],
    cite: `${TF}/resources/cloudwatch_log_metric_filter; ${SAR}/list_amazoncloudwatchlogs.html`,
  },
  aws_cloudwatch_log_stream: {
    actions: ['logs:DescribeLogStreams'],
    cite: `${TF}/resources/cloudwatch_log_stream; ${SAR}/list_amazoncloudwatchlogs.html`,
  },
  aws_cloudwatch_metric_alarm: {
    actions: ['cloudwatch:DescribeAlarms', 'cloudwatch:ListTagsForResource'],
    cite: `${TF}/resources/cloudwatch_metric_alarm; ${SAR}/list_amazoncloudwatch.html`,
  },
  aws_dynamodb_table: {
    actions: [
      'dynamodb:DescribeTable',
      'dynamodb:DescribeContinuousBackups',
      'dynamodb:DescribeTimeToLive',
      'dynamodb:ListTagsOfResource',
    ],
    cite: `${TF}/resources/dynamodb_table; ${SAR}/list_amazondynamodb.html`,
  },
  aws_glue_catalog_database: {
    actions: ['glue:GetDatabase', 'glue:GetTags'],
    cite: `${TF}/resources/glue_catalog_database; ${SAR}/list_awsglue.html`,
  },
  aws_glue_catalog_table: {
    actions: ['glue:GetTable', 'glue:GetPartitionIndexes'],
    cite: `${TF}/resources/glue_catalog_table; ${SAR}/list_awsglue.html`,
  },
  aws_glue_catalog_table_optimizer: {
    actions: ['glue:GetTableOptimizer'],
    cite: `${TF}/resources/glue_catalog_table_optimizer; ${SAR}/list_awsglue.html`,
  },
  aws_glue_crawler: {
    actions: ['glue:GetCrawler', 'glue:GetTags'],
    cite: `${TF}/resources/glue_crawler; ${SAR}/list_awsglue.html`,
  },
  aws_glue_security_configuration: {
    actions: ['glue:GetSecurityConfiguration'],
    cite: `${TF}/resources/glue_security_configuration; ${SAR}/list_awsglue.html`,
  },
  aws_iam_policy: {
    actions: ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListPolicyTags'],
    cite: `${TF}/resources/iam_policy; ${SAR}/list_awsidentityandaccessmanagementiam.html`,
  },
  aws_iam_role: {
    actions: ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies'],
    cite: `${TF}/resources/iam_role; ${SAR}/list_awsidentityandaccessmanagementiam.html`,
  },
  aws_iam_role_policy: {
    actions: ['iam:GetRolePolicy'],
    cite: `${TF}/resources/iam_role_policy; ${SAR}/list_awsidentityandaccessmanagementiam.html`,
  },
  aws_kinesis_firehose_delivery_stream: {
    actions: ['firehose:DescribeDeliveryStream', 'firehose:ListTagsForDeliveryStream'],
    cite: `${TF}/resources/kinesis_firehose_delivery_stream; ${SAR}/list_amazonkinesisfirehose.html`,
  },
  aws_kinesis_stream: {
    actions: ['kinesis:DescribeStreamSummary', 'kinesis:ListTagsForStream'],
    cite: `${TF}/resources/kinesis_stream; ${SAR}/list_amazonkinesis.html`,
  },
  // ListAliases has no resource-level permission: `*`.
  aws_kms_alias: {
    actions: ['kms:ListAliases'],
    cite: `${TF}/resources/kms_alias; ${SAR}/list_awskeymanagementservice.html`,
  },
  aws_kms_key: {
    actions: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
    cite: `${TF}/resources/kms_key; ${SAR}/list_awskeymanagementservice.html`,
  },
  // GetFunction also returns a link to the code package: the bundle built from this repository, no customer data.
  aws_lambda_function: {
    actions: ['lambda:GetFunction', 'lambda:GetFunctionCodeSigningConfig', 'lambda:ListVersionsByFunction'],
    cite: `${TF}/resources/lambda_function; ${SAR}/list_awslambda.html`,
  },
  aws_pipes_pipe: {
    actions: ['pipes:DescribePipe', 'pipes:ListTagsForResource'],
    cite: `${TF}/resources/pipes_pipe; ${SAR}/list_amazoneventbridgepipes.html`,
  },
  // HeadBucket is authorized as s3:ListBucket: it lists object keys (the lake's partition paths), never contents.
  aws_s3_bucket: {
    actions: [
      's3:ListBucket',
      's3:GetBucketAcl',
      's3:GetBucketCORS',
      's3:GetBucketWebsite',
      's3:GetBucketVersioning',
      's3:GetAccelerateConfiguration',
      's3:GetBucketRequestPayment',
      's3:GetBucketLogging',
      's3:GetLifecycleConfiguration',
      's3:GetReplicationConfiguration',
      's3:GetEncryptionConfiguration',
      's3:GetBucketObjectLockConfiguration',
      's3:GetBucketTagging',
      's3:GetBucketPolicy',
    ],
    cite: `${TF}/resources/s3_bucket; ${SAR}/list_amazons3.html`,
  },
  aws_s3_bucket_lifecycle_configuration: {
    actions: ['s3:GetLifecycleConfiguration'],
    cite: `${TF}/resources/s3_bucket_lifecycle_configuration; ${SAR}/list_amazons3.html`,
  },
  aws_s3_bucket_notification: {
    // GetBucketNotificationConfiguration is authorised by s3:GetBucketNotification.
    actions: ['s3:GetBucketNotification'],
    cite: `${TF}/resources/s3_bucket_notification; ${SAR}/list_amazons3.html`,
  },
  aws_s3_bucket_ownership_controls: {
    actions: ['s3:GetBucketOwnershipControls'],
    cite: `${TF}/resources/s3_bucket_ownership_controls; ${SAR}/list_amazons3.html`,
  },
  aws_s3_bucket_policy: {
    actions: ['s3:GetBucketPolicy'],
    cite: `${TF}/resources/s3_bucket_policy; ${SAR}/list_amazons3.html`,
  },
  aws_s3_bucket_public_access_block: {
    actions: ['s3:GetBucketPublicAccessBlock'],
    cite: `${TF}/resources/s3_bucket_public_access_block; ${SAR}/list_amazons3.html`,
  },
  aws_s3_bucket_server_side_encryption_configuration: {
    actions: ['s3:GetEncryptionConfiguration'],
    cite: `${TF}/resources/s3_bucket_server_side_encryption_configuration; ${SAR}/list_amazons3.html`,
  },
  aws_s3_bucket_versioning: {
    actions: ['s3:GetBucketVersioning'],
    cite: `${TF}/resources/s3_bucket_versioning; ${SAR}/list_amazons3.html`,
  },
  aws_scheduler_schedule: {
    actions: ['scheduler:GetSchedule'],
    cite: `${TF}/resources/scheduler_schedule; ${SAR}/list_amazoneventbridgescheduler.html`,
  },
  aws_scheduler_schedule_group: {
    actions: ['scheduler:GetScheduleGroup', 'scheduler:ListTagsForResource'],
    cite: `${TF}/resources/scheduler_schedule_group; ${SAR}/list_amazoneventbridgescheduler.html`,
  },
  // DescribeStateMachine returns the definition and the role, no execution data.
  aws_sfn_state_machine: {
    actions: ['states:DescribeStateMachine', 'states:ListTagsForResource'],
    cite: `${TF}/resources/sfn_state_machine; ${SAR}/list_awsstepfunctions.html`,
  },
  aws_sns_topic: {
    actions: ['sns:GetTopicAttributes', 'sns:ListTagsForResource'],
    cite: `${TF}/resources/sns_topic; ${SAR}/list_amazonsns.html`,
  },
  aws_sns_topic_subscription: {
    actions: ['sns:GetSubscriptionAttributes'],
    cite: `${TF}/resources/sns_topic_subscription; ${SAR}/list_amazonsns.html`,
  },
  aws_sqs_queue: {
    actions: ['sqs:GetQueueAttributes', 'sqs:ListQueueTags'],
    cite: `${TF}/resources/sqs_queue; ${SAR}/list_amazonsqs.html`,
  },
  aws_sqs_queue_policy: {
    actions: ['sqs:GetQueueAttributes'],
    cite: `${TF}/resources/sqs_queue_policy; ${SAR}/list_amazonsqs.html`,
  },
  // Data sources: GetCallerIdentity needs no permission; aws_partition makes no call.
  aws_caller_identity: {
    actions: [],
    cite: `${TF}/data-sources/caller_identity; https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html`,
  },
  aws_partition: { actions: [], cite: `${TF}/data-sources/partition` },
};
