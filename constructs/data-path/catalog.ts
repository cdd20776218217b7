import { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import { GlueCrawler } from '@cdktf/provider-aws/lib/glue-crawler';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Construct } from 'constructs';
import {
  type AwsContext,
  CRAWLER_EVENTS,
  CRAWLER_MANAGED_PARAMETERS,
  crawlerConfiguration,
  crawlerLogGroupName,
  crawlerRoleName,
  crawlerStatements,
  DATA_PREFIX,
  glueDatabaseName,
  ORDER_CHANGE_COLUMNS,
  orderChangesTableParameters,
  PARTITION_COLUMNS,
  SETTINGS,
  TABLE_NAME,
} from '@sales/pipeline-spec';
import { CrawlerEvents } from './crawler-events';
import { CrawlerLogging } from './crawler-logging';
import { ServiceRole } from '../security/iam';

/** Props for {@link Catalog}. */
export interface CatalogProps {
  /** `<prefix>-<environment>`: names the database, crawler and role. */
  readonly baseName: string;
  /** Account, region and partition tokens. */
  readonly aws: AwsContext;
  /** The lake bucket. */
  readonly bucket: S3Bucket;
  /** KMS key ARN of the lake bucket; the crawler decrypts objects with it and encrypts its logs. */
  readonly kmsKeyArn: string;
  /** Retention of the crawler's log group, in days; one of CloudWatch's allowed values. */
  readonly logRetentionDays: number;
  /** When the crawler runs (Glue cron, UTC). @defaultValue - {@link SETTINGS.crawlerSchedule}; the stack passes `PipelineConfig.crawlerSchedule` */
  readonly crawlerSchedule?: string;
  /** First year partition projection enumerates. @defaultValue - {@link SETTINGS.projectionStartYear}, with its limits; the stack passes `PipelineConfig.projectionStartYear` */
  readonly projectionStartYear?: number;
}

/**
 * The Glue database, the `order_changes` table with partition projection over the data prefix, and
 * a scheduled crawler that keeps the table's columns up to date. The crawler logs to its own
 * KMS-encrypted log group with a retention ({@link CrawlerLogging}), not to the shared
 * `/aws-glue/crawlers`.
 *
 * The crawler targets the table (a catalog target), so it reads exactly the table's location, the
 * data prefix, never `errors/`; it merges new columns and partitions inherit the table's schema.
 * It runs in S3 event mode ({@link CrawlerEvents}): each run reads only the folders written since the
 * last, so its cost does not grow with the lake. Queries do not wait for it: projection finds new
 * partitions by itself.
 */
export class Catalog extends Construct {
  /** The database. */
  readonly database: GlueCatalogDatabase;
  /** The `order_changes` table. */
  readonly table: GlueCatalogTable;
  /** The crawler. */
  readonly crawler: GlueCrawler;
  /** The crawler's security configuration and log group. */
  readonly crawlerLogging: CrawlerLogging;
  /** The lake's S3 events the crawler reads. */
  readonly crawlerEvents: CrawlerEvents;

  constructor(scope: Construct, id: string, props: CatalogProps) {
    super(scope, id);
    const schedule = props.crawlerSchedule ?? SETTINGS.crawlerSchedule.default;
    this.database = new GlueCatalogDatabase(this, 'Database', {
      name: glueDatabaseName(props.baseName),
      description: 'Sales order changes captured from DynamoDB',
    });
    this.table = new GlueCatalogTable(this, 'Table', {
      name: TABLE_NAME,
      databaseName: this.database.name,
      description: 'One row per change of an order (insert, modify, remove)',
      tableType: 'EXTERNAL_TABLE',
      parameters: orderChangesTableParameters(
        props.bucket.bucket,
        props.projectionStartYear ?? SETTINGS.projectionStartYear.default,
      ),
      partitionKeys: PARTITION_COLUMNS.map((column) => ({ ...column })),
      storageDescriptor: {
        location: `s3://${props.bucket.bucket}/${DATA_PREFIX}`,
        inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
        outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
        compressed: true,
        serDeInfo: { serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' },
        columns: ORDER_CHANGE_COLUMNS.map((column) => ({ ...column })),
      },
      lifecycle: {
        // The crawler merges new columns into the table and records its statistics; without this,
        // every plan after a crawl would propose to undo them. A crawl also writes NumberOfBuckets = -1
        // (unbucketed) into the storage descriptor, and the provider's number_of_buckets is optional but
        // not computed (provider schema, aws_glue_catalog_table; Glue StorageDescriptor API), so it too
        // would show as a change on every plan.
        ignoreChanges: [
          'storage_descriptor[0].columns',
          'storage_descriptor[0].number_of_buckets',
          'storage_descriptor[0].parameters',
          'storage_descriptor[0].ser_de_info[0].parameters',
          ...CRAWLER_MANAGED_PARAMETERS.map((name) => `parameters["${name}"]`),
        ],
      },
    });
    this.crawlerLogging = new CrawlerLogging(this, 'CrawlerLogging', {
      baseName: props.baseName,
      kmsKeyArn: props.kmsKeyArn,
      logRetentionDays: props.logRetentionDays,
    });
    this.crawlerEvents = new CrawlerEvents(this, 'CrawlerEvents', {
      baseName: props.baseName,
      bucket: props.bucket,
      accountId: props.aws.accountId,
    });
    const role = new ServiceRole(this, 'CrawlerRole', {
      name: crawlerRoleName(props.baseName),
      service: 'glue.amazonaws.com',
      accountId: props.aws.accountId,
      statements: crawlerStatements({
        aws: props.aws,
        databaseName: this.database.name,
        bucketArn: props.bucket.arn,
        kmsKeyArn: props.kmsKeyArn,
        logGroupName: crawlerLogGroupName(props.baseName),
        eventQueueArn: this.crawlerEvents.queue.arn,
      }),
    });
    this.crawler = new GlueCrawler(this, 'Crawler', {
      name: `${props.baseName}-order-changes`,
      description: 'Discovers new columns of order_changes; partitions come from projection',
      role: role.role.arn,
      databaseName: this.database.name,
      schedule,
      catalogTarget: [
        { databaseName: this.database.name, tables: [this.table.name], eventQueueArn: this.crawlerEvents.queue.arn },
      ],
      recrawlPolicy: { recrawlBehavior: CRAWLER_EVENTS.recrawlBehavior },
      schemaChangePolicy: { updateBehavior: 'UPDATE_IN_DATABASE', deleteBehavior: 'LOG' },
      configuration: crawlerConfiguration(),
      securityConfiguration: this.crawlerLogging.securityConfiguration.name,
      // The group must exist, encrypted and expiring, before the first run, or Glue creates it bare.
      dependsOn: [role.policy, this.crawlerLogging.logGroup],
    });
  }
}
