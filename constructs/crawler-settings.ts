import type { AwsContext } from './aws-context';
import type { PolicyStatement } from './iam';
import { DATA_PREFIX, TABLE_NAME } from './lake-layout';

/**
 * Crawler configuration JSON: keep one table (`CombineCompatibleSchemas`), let partitions inherit the
 * table's schema (`InheritFromTable`, which avoids HIVE_PARTITION_SCHEMA_MISMATCH) and only ever add
 * columns (`MergeNewColumns`).
 *
 * @returns the configuration JSON text
 * @see https://docs.aws.amazon.com/glue/latest/dg/crawler-configuration.html
 */
export function crawlerConfiguration(): string {
  return JSON.stringify({
    Version: 1.0,
    CrawlerOutput: {
      Partitions: { AddOrUpdateBehavior: 'InheritFromTable' },
      Tables: { AddOrUpdateBehavior: 'MergeNewColumns' },
    },
    Grouping: { TableGroupingPolicy: 'CombineCompatibleSchemas' },
  });
}

/** What the crawler's policy is scoped to. */
export interface CrawlerResources {
  /** Account, region and partition tokens. */
  readonly aws: AwsContext;
  /** The Glue database that holds `order_changes`. */
  readonly databaseName: string;
  /** The lake bucket. */
  readonly bucketArn: string;
  /** The key the lake objects are encrypted with. */
  readonly kmsKeyArn: string;
}

/**
 * What the crawler's role may do: read and update `order_changes` and its partitions, list and read
 * the data prefix only, decrypt with the lake key, and write the crawler log group Glue uses.
 *
 * @param r - the resources (tokens)
 * @returns the statements
 * @see https://docs.aws.amazon.com/glue/latest/dg/crawler-prereqs.html
 */
export function crawlerStatements(r: CrawlerResources): PolicyStatement[] {
  const crawlerLogGroup = `arn:${r.aws.partition}:logs:${r.aws.region}:${r.aws.accountId}:log-group:/aws-glue/crawlers`;
  const glue = (resource: string) => `arn:${r.aws.partition}:glue:${r.aws.region}:${r.aws.accountId}:${resource}`;
  return [
    {
      sid: 'UpdateOrderChangesTable',
      actions: [
        'glue:GetDatabase',
        'glue:GetTable',
        'glue:UpdateTable',
        'glue:GetPartition',
        'glue:GetPartitions',
        'glue:BatchGetPartition',
        'glue:CreatePartition',
        'glue:BatchCreatePartition',
        'glue:UpdatePartition',
        'glue:BatchUpdatePartition',
      ],
      resources: [glue('catalog'), glue(`database/${r.databaseName}`), glue(`table/${r.databaseName}/${TABLE_NAME}`)],
    },
    {
      sid: 'ListDataPrefix',
      actions: ['s3:ListBucket'],
      resources: [r.bucketArn],
      conditions: { StringLike: { 's3:prefix': [DATA_PREFIX, `${DATA_PREFIX}*`] } },
    },
    { sid: 'ReadDataPrefix', actions: ['s3:GetObject'], resources: [`${r.bucketArn}/${DATA_PREFIX}*`] },
    { sid: 'DecryptLake', actions: ['kms:Decrypt'], resources: [r.kmsKeyArn] },
    {
      sid: 'WriteCrawlerLogs',
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [crawlerLogGroup, `${crawlerLogGroup}:*`],
    },
  ];
}
