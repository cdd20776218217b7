import 'cdktf/lib/testing/adapters/jest';
import { GlueCrawler } from '@cdktf/provider-aws/lib/glue-crawler';
import { Testing } from 'cdktf';
import { Catalog } from '../constructs/catalog';
import { CRAWLER_MANAGED_PARAMETERS, ORDER_CHANGE_COLUMNS } from '../constructs/catalog-schema';
import { SecureBucket } from '../constructs/secure-bucket';
import { TEST_AWS, TEST_KEY_ARN, roleStatements } from './helpers/context';

describe('Catalog', () => {
  const synthesized = Testing.synthScope((scope) => {
    const bucket = new SecureBucket(scope, 'Lake', { bucketName: 'lake', kmsKeyArn: TEST_KEY_ARN }).bucket;
    new Catalog(scope, 'Catalog', { baseName: 'sales-test', aws: TEST_AWS, bucket, kmsKeyArn: TEST_KEY_ARN });
  });
  const json = JSON.parse(synthesized);
  const table = Object.values(json.resource.aws_glue_catalog_table)[0] as any;

  test('defines order_changes with the row columns of the contract and string partitions', () => {
    expect(table.name).toBe('order_changes');
    expect(json.resource.aws_glue_catalog_database[Object.keys(json.resource.aws_glue_catalog_database)[0]!].name).toBe('sales_test');
    expect(table.storage_descriptor.columns.map((c: { name: string }) => c.name)).toEqual(ORDER_CHANGE_COLUMNS.map((c) => c.name));
    expect(table.storage_descriptor.columns.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['cdc_operation', 'cdc_event_id', 'cdc_event_time', 'cdc_sequence_number', 'cdc_sort_key', 'cdc_table', 'cdc_ttl_expired', 'cdc_changed_attributes']),
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
      CrawlerOutput: { Partitions: { AddOrUpdateBehavior: 'InheritFromTable' }, Tables: { AddOrUpdateBehavior: 'MergeNewColumns' } },
      Grouping: { TableGroupingPolicy: 'CombineCompatibleSchemas' },
    });
  });

  test('lets the crawler read only the data prefix and update only order_changes', () => {
    const statements = roleStatements(synthesized, 'sales-test-crawler');
    const byId = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    expect(byId['ReadDataPrefix']?.Resource).toEqual([expect.stringMatching(/\.arn\}\/sales\/\*$/)]);
    expect(byId['ListDataPrefix']?.Condition).toEqual({ StringLike: { 's3:prefix': ['sales/', 'sales/*'] } });
    expect(byId['UpdateOrderChangesTable']?.Resource).toEqual([
      'arn:aws:glue:eu-west-1:123456789012:catalog',
      expect.stringMatching(/^arn:aws:glue:eu-west-1:123456789012:database\/\$\{aws_glue_catalog_database\.Catalog_Database_[A-F0-9]+\.name\}$/),
      expect.stringMatching(/:table\/\$\{aws_glue_catalog_database\.Catalog_Database_[A-F0-9]+\.name\}\/order_changes$/),
    ]);
    expect(JSON.stringify(statements)).not.toContain('errors/');
  });
});
