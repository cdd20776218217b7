import 'cdktf/lib/testing/adapters/jest';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { GlueCrawler } from '@cdktf/provider-aws/lib/glue-crawler';
import { GlueSecurityConfiguration } from '@cdktf/provider-aws/lib/glue-security-configuration';
import { Testing } from 'cdktf';
import { Catalog } from '../constructs/data-path/catalog';
import { CRAWLER_MANAGED_PARAMETERS, ORDER_CHANGE_COLUMNS, crawlerLogGroupName } from '@sales/pipeline-spec';
import { SecureBucket } from '../constructs/data-path/secure-bucket';
import { TEST_AWS, TEST_KEY_ARN, roleStatements } from './helpers/context';

describe('Catalog', () => {
  const synthesized = Testing.synthScope((scope) => {
    const bucket = new SecureBucket(scope, 'Lake', { bucketName: 'lake', kmsKeyArn: TEST_KEY_ARN }).bucket;
    new Catalog(scope, 'Catalog', {
      baseName: 'sales-test',
      aws: TEST_AWS,
      bucket,
      kmsKeyArn: TEST_KEY_ARN,
      logRetentionDays: 30,
    });
  });
  const json = JSON.parse(synthesized);
  const table = Object.values(json.resource.aws_glue_catalog_table)[0] as any;

  test('defines order_changes with the row columns of the contract and string partitions', () => {
    expect(table.name).toBe('order_changes');
    expect(json.resource.aws_glue_catalog_database[Object.keys(json.resource.aws_glue_catalog_database)[0]!].name).toBe(
      'sales_test',
    );
    expect(table.storage_descriptor.columns.map((c: { name: string }) => c.name)).toEqual(
      ORDER_CHANGE_COLUMNS.map((c) => c.name),
    );
    expect(table.storage_descriptor.columns.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining([
        'cdc_operation',
        'cdc_event_id',
        'cdc_event_time',
        'cdc_sequence_number',
        'cdc_sort_key',
        'cdc_table',
        'cdc_ttl_expired',
        'cdc_changed_attributes',
      ]),
    );
    expect(table.partition_keys).toEqual(['year', 'month', 'day', 'hour'].map((name) => ({ name, type: 'string' })));
    expect(table.storage_descriptor).toMatchObject({
      location: expect.stringMatching(/^s3:\/\/\$\{aws_s3_bucket\.Lake_Bucket_[A-F0-9]+\.bucket\}\/sales\/$/),
      input_format: 'org.apache.hadoop.mapred.TextInputFormat',
      ser_de_info: { serialization_library: 'org.openx.data.jsonserde.JsonSerDe' },
    });
  });

  test('projects year/month/day/hour partitions onto the Firehose prefix, escaped for Terraform', () => {
    expect(table.parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.year.type': 'date',
      'projection.year.format': 'yyyy',
      'projection.year.range': '2025,NOW',
      'projection.month.range': '1,12',
      'projection.month.digits': '2',
      'projection.day.range': '1,31',
      'projection.hour.range': '0,23',
      'projection.hour.digits': '2',
      classification: 'json',
      compressionType: 'gzip',
    });
    expect(table.parameters['storage.location.template']).toMatch(
      /^s3:\/\/\$\{aws_s3_bucket\.Lake_Bucket_[A-F0-9]+\.bucket\}\/sales\/year=\$\$\{year\}\/month=\$\$\{month\}\/day=\$\$\{day\}\/hour=\$\$\{hour\}\/$/,
    );
  });

  test('ignores what the crawler changes, so a crawl never shows up in terraform plan', () => {
    expect(table.lifecycle.ignore_changes).toEqual([
      'storage_descriptor[0].columns',
      'storage_descriptor[0].number_of_buckets',
      'storage_descriptor[0].parameters',
      'storage_descriptor[0].ser_de_info[0].parameters',
      ...CRAWLER_MANAGED_PARAMETERS.map((name) => `parameters["${name}"]`),
    ]);
    expect(table.lifecycle.ignore_changes).not.toContain('parameters');
  });

  test('crawls the table on a schedule, merging new columns into one table with inherited partition schemas', () => {
    expect(synthesized).toHaveResourceWithProperties(GlueCrawler, {
      name: 'sales-test-order-changes',
      schedule: 'cron(0 3 * * ? *)',
      schema_change_policy: { update_behavior: 'UPDATE_IN_DATABASE', delete_behavior: 'LOG' },
    });
    const crawler = Object.values(json.resource.aws_glue_crawler)[0] as any;
    expect(JSON.parse(crawler.configuration)).toEqual({
      Version: 1,
      CrawlerOutput: {
        Partitions: { AddOrUpdateBehavior: 'InheritFromTable' },
        Tables: { AddOrUpdateBehavior: 'MergeNewColumns' },
      },
      Grouping: { TableGroupingPolicy: 'CombineCompatibleSchemas' },
    });
  });

  test('crawls in S3 event mode: only folders written since the last crawl, still merging new columns', () => {
    const crawler = Object.values(json.resource.aws_glue_crawler)[0] as any;
    const queue = Object.values(json.resource.aws_sqs_queue)[0] as any;
    const queueId = Object.keys(json.resource.aws_sqs_queue)[0]!;
    // CRAWL_NEW_FOLDERS_ONLY would force UpdateBehavior LOG, and no new column would reach the table.
    expect(crawler.recrawl_policy).toEqual({ recrawl_behavior: 'CRAWL_EVENT_MODE' });
    expect(crawler.schema_change_policy).toEqual({ update_behavior: 'UPDATE_IN_DATABASE', delete_behavior: 'LOG' });
    expect(crawler.catalog_target).toEqual([
      expect.objectContaining({ event_queue_arn: `\${aws_sqs_queue.${queueId}.arn}` }),
    ]);
    expect(crawler.s3_target).toBeUndefined();
    expect(queue).toMatchObject({
      name: 'sales-test-crawler-events',
      sqs_managed_sse_enabled: true,
      message_retention_seconds: 1209600,
    });
  });

  test('the lake bucket sends only object-created events under sales/, and only it may send them', () => {
    const notification = Object.values(json.resource.aws_s3_bucket_notification)[0] as any;
    const queueId = Object.keys(json.resource.aws_sqs_queue)[0]!;
    expect(notification.bucket).toMatch(/^\$\{aws_s3_bucket\.Lake_Bucket_[A-F0-9]+\.id\}$/);
    expect(notification.queue).toEqual([
      { queue_arn: `\${aws_sqs_queue.${queueId}.arn}`, events: ['s3:ObjectCreated:*'], filter_prefix: 'sales/' },
    ]);
    expect(notification.depends_on).toEqual([expect.stringMatching(/^aws_sqs_queue_policy\./)]);
    const policy = JSON.parse((Object.values(json.resource.aws_sqs_queue_policy)[0] as any).policy);
    expect(policy.Statement).toEqual([
      {
        Sid: 'LakeBucketEvents',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: `\${aws_sqs_queue.${queueId}.arn}`,
        Condition: {
          ArnEquals: { 'aws:SourceArn': expect.stringMatching(/^\$\{aws_s3_bucket\.Lake_Bucket_[A-F0-9]+\.arn\}$/) },
          StringEquals: { 'aws:SourceAccount': TEST_AWS.accountId },
        },
      },
      expect.objectContaining({ Sid: 'DenyInsecureTransport', Effect: 'Deny' }),
    ]);
  });

  test('lets the crawler consume its event queue only', () => {
    const queueId = Object.keys(json.resource.aws_sqs_queue)[0]!;
    const consume = roleStatements(synthesized, 'sales-test-crawler').find((s) => s.Sid === 'ConsumeLakeEvents');
    expect(consume?.Resource).toEqual([`\${aws_sqs_queue.${queueId}.arn}`]);
    expect(consume?.Action).toEqual(
      expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:PurgeQueue']),
    );
    expect(consume?.Action).not.toContain('sqs:SendMessage');
  });

  test('lets the crawler locate and list the lake, read only the data prefix and update only order_changes', () => {
    const statements = roleStatements(synthesized, 'sales-test-crawler');
    const byId = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    expect(byId['ReadDataPrefix']?.Resource).toEqual([expect.stringMatching(/\.arn\}\/sales\/\*$/)]);
    // What AWSGlueServiceRole grants on every bucket, scoped to the lake, with no prefix condition.
    expect(byId['LocateAndListLake']).toEqual({
      Sid: 'LocateAndListLake',
      Effect: 'Allow',
      Action: ['s3:GetBucketLocation', 's3:ListBucket'],
      Resource: [expect.stringMatching(/^\$\{aws_s3_bucket\.[A-Za-z0-9_]+\.arn\}$/)],
    });
    expect(byId['UpdateOrderChangesTable']?.Resource).toEqual([
      'arn:aws:glue:eu-west-1:123456789012:catalog',
      expect.stringMatching(
        /^arn:aws:glue:eu-west-1:123456789012:database\/\$\{aws_glue_catalog_database\.Catalog_Database_[A-F0-9]+\.name\}$/,
      ),
      expect.stringMatching(
        /:table\/\$\{aws_glue_catalog_database\.Catalog_Database_[A-F0-9]+\.name\}\/order_changes$/,
      ),
    ]);
    expect(JSON.stringify(statements)).not.toContain('errors/');
  });

  const crawlerLogGroup = '/aws-glue/crawlers-role/sales-test-crawler-sales-test-crawler-logs';

  test('names the log group Glue uses for a crawler role with a security configuration', () => {
    expect(crawlerLogGroupName('sales-test')).toBe(crawlerLogGroup);
  });

  test('attaches a security configuration that encrypts the crawler logs with the pipeline key', () => {
    expect(synthesized).toHaveResourceWithProperties(GlueSecurityConfiguration, {
      name: 'sales-test-crawler-logs',
      encryption_configuration: {
        cloudwatch_encryption: { cloudwatch_encryption_mode: 'SSE-KMS', kms_key_arn: TEST_KEY_ARN },
        job_bookmarks_encryption: { job_bookmarks_encryption_mode: 'DISABLED' },
        s3_encryption: { s3_encryption_mode: 'DISABLED' },
      },
    });
    const crawler = Object.values(json.resource.aws_glue_crawler)[0] as any;
    expect(crawler.security_configuration).toMatch(
      /^\$\{aws_glue_security_configuration\.Catalog_CrawlerLogging_SecurityConfiguration_[A-F0-9]+\.name\}$/,
    );
  });

  test('creates that log group with the retention and the key before the crawler exists', () => {
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: crawlerLogGroup,
      retention_in_days: 30,
      kms_key_id: TEST_KEY_ARN,
    });
    const crawler = Object.values(json.resource.aws_glue_crawler)[0] as any;
    expect(crawler.depends_on).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^aws_cloudwatch_log_group\.Catalog_CrawlerLogging_LogGroup_[A-F0-9]+$/),
      ]),
    );
  });

  test('lets the crawler write and encrypt only its own log group', () => {
    const statements = roleStatements(synthesized, 'sales-test-crawler');
    const groupArn = `arn:aws:logs:eu-west-1:123456789012:log-group:${crawlerLogGroup}`;
    const logStatements = statements.filter((s) => s.Action.some((action) => action.startsWith('logs:')));
    expect(logStatements).toEqual([
      {
        Sid: 'WriteCrawlerLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:AssociateKmsKey'],
        Resource: [groupArn, `${groupArn}:*`],
      },
    ]);
    expect(JSON.stringify(statements)).not.toContain('log-group:/aws-glue/crawlers"');
    expect(JSON.stringify(statements)).not.toContain('log-group:/aws-glue/crawlers:');
    const encrypt = statements.find((s) => s.Sid === 'EncryptCrawlerLogs');
    expect(encrypt).toMatchObject({
      Action: ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
      Resource: [TEST_KEY_ARN],
    });
  });
});
