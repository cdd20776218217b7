import { DATA_PREFIX, TABLE_NAME } from '../lake/lake-layout';
import type { AwsContext, PolicyStatement } from '../types';
import { keyUseStatement } from './key-use-statement';

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

/**
 * How the crawler finds what to read after its first run: event mode, the only way Glue bounds a catalog-target
 * crawl (docs/infrastructure.md, "What the crawler is for, and what it costs"). The lake bucket sends
 * {@link CRAWLER_EVENTS}`.s3Events` for keys under the data prefix to a queue; each crawl lists only the folders
 * those events name, so its cost follows the data written since the last crawl, not the lake's size.
 * `CRAWL_NEW_FOLDERS_ONLY` would force `UpdateBehavior: LOG`, and then no new column would reach the table.
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/crawler-s3-event-notifications.html
 * @see https://docs.aws.amazon.com/glue/latest/dg/incremental-crawls.html
 * @example
 * ```ts
 * CRAWLER_EVENTS.recrawlBehavior; //=> 'CRAWL_EVENT_MODE'
 * ```
 */
export const CRAWLER_EVENTS = {
  recrawlBehavior: 'CRAWL_EVENT_MODE',
  /** New objects only: a column appears in objects written after the attribute did. */
  s3Events: ['s3:ObjectCreated:*'],
  /** The most SQS keeps (14 days), so a failed or skipped crawl still finds the folders. */
  messageRetentionSeconds: 1_209_600,
} as const;

/**
 * Name of the queue the lake bucket's events wait in for the crawler.
 *
 * @param baseName - `<prefix>-<environment>`
 * @returns the queue name
 * @example
 * ```ts
 * crawlerEventQueueName('sales-dev'); //=> 'sales-dev-crawler-events'
 * ```
 */
export function crawlerEventQueueName(baseName: string): string {
  return `${baseName}-crawler-events`;
}

/**
 * Name of the crawler's role.
 *
 * @param baseName - `<prefix>-<environment>`
 * @returns the role name
 * @example
 * ```ts
 * crawlerRoleName('sales-dev'); //=> 'sales-dev-crawler'
 * ```
 */
export function crawlerRoleName(baseName: string): string {
  return `${baseName}-crawler`;
}

/**
 * Name of the Glue security configuration attached to the crawler.
 *
 * @param baseName - `<prefix>-<environment>`
 * @returns the security configuration name
 * @example
 * ```ts
 * crawlerSecurityConfigurationName('sales-dev'); //=> 'sales-dev-crawler-logs'
 * ```
 */
export function crawlerSecurityConfigurationName(baseName: string): string {
  return `${baseName}-crawler-logs`;
}

/**
 * The log group Glue writes the crawler's logs to once a security configuration is attached.
 *
 * Without one, every crawler in the account shares `/aws-glue/crawlers` (unencrypted, never expires,
 * not managed by Terraform). With one, Glue writes to
 * `/aws-glue/crawlers-role<role path><role name>-<security configuration name>` and associates the
 * configuration's KMS key with it. Our role has the default path `/`. AWS's guide does not spell the
 * name out; it is taken from deployed Terraform that creates alarms on it (cds-snc/forms-terraform,
 * `aws/glue/locals.tf`) and agrees with AWS's own SDLF, which scopes crawler roles under path
 * `/sdlf-<team>/` to `/aws-glue/crawlers-role/sdlf-<team>/*`.
 *
 * @param baseName - `<prefix>-<environment>`
 * @returns the log group name
 * @example
 * ```ts
 * crawlerLogGroupName('sales-dev'); //=> '/aws-glue/crawlers-role/sales-dev-crawler-sales-dev-crawler-logs'
 * ```
 * @see https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html
 */
export function crawlerLogGroupName(baseName: string): string {
  return `/aws-glue/crawlers-role/${crawlerRoleName(baseName)}-${crawlerSecurityConfigurationName(baseName)}`;
}

/** What the crawler's policy is scoped to. */
export interface CrawlerResources {
  /** Account, region and partition tokens. */
  readonly aws: AwsContext;
  /** The Glue database that holds `order_changes`. */
  readonly databaseName: string;
  /** The lake bucket. */
  readonly bucketArn: string;
  /** The key the lake objects and the crawler's logs are encrypted with. */
  readonly kmsKeyArn: string;
  /** The crawler's log group ({@link crawlerLogGroupName}). */
  readonly logGroupName: string;
  /** The queue of the lake bucket's events ({@link crawlerEventQueueName}). */
  readonly eventQueueArn: string;
}

/**
 * What the crawler's role may do: read and update `order_changes` and its partitions, locate and list
 * the lake bucket, read objects under the data prefix only, decrypt with the lake key, consume its event queue,
 * and write (and encrypt) its own log group only.
 *
 * @param r - the resources (tokens)
 * @returns the statements
 * @see https://docs.aws.amazon.com/glue/latest/dg/crawler-prereqs.html
 * @see https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html
 */
export function crawlerStatements(r: CrawlerResources): PolicyStatement[] {
  const logGroupArn = `arn:${r.aws.partition}:logs:${r.aws.region}:${r.aws.accountId}:log-group:${r.logGroupName}`;
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
    // AWSGlueServiceRole grants these two on every bucket; the crawler calls them without a prefix
    // (GetBucketLocation, and ListBucket at the table's root), so a prefix condition breaks the crawl.
    // Scoped here to the lake bucket only (crawler-prereqs: "or a scoped down version of this policy").
    { sid: 'LocateAndListLake', actions: ['s3:GetBucketLocation', 's3:ListBucket'], resources: [r.bucketArn] },
    { sid: 'ReadDataPrefix', actions: ['s3:GetObject'], resources: [`${r.bucketArn}/${DATA_PREFIX}*`] },
    keyUseStatement('DecryptLake', ['kms:Decrypt'], r.kmsKeyArn, r.aws.region, ['s3']),
    // AWS: the roles passed to crawlers need the key to encrypt CloudWatch Logs (its example grants
    // Encrypt*, Decrypt*, ReEncrypt*, GenerateDataKey*, Describe*; Decrypt is granted above, through S3 only).
    // Not scoped by kms:ViaService: Glue documents neither the service nor the encryption context of this use, and a
    // wrong guess silently stops the crawler's logs. It holds no Decrypt, so it reads nothing another service wrote.
    {
      sid: 'EncryptCrawlerLogs',
      actions: ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
      resources: [r.kmsKeyArn],
    },
    // Event mode: the crawler reads, deletes and purges the lake's events, on this queue only. The actions follow
    // Glue's set-up guide for event-mode crawlers as remembered, not re-read (docs/infrastructure.md says so).
    // https://docs.aws.amazon.com/glue/latest/dg/crawler-s3-event-notifications.html
    {
      sid: 'ConsumeLakeEvents',
      actions: [
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:ListDeadLetterSourceQueues',
        'sqs:ListQueueTags',
        'sqs:PurgeQueue',
        'sqs:ReceiveMessage',
        'sqs:SetQueueAttributes',
      ],
      resources: [r.eventQueueArn],
    },
    {
      // Terraform creates the group; Glue still calls CreateLogGroup (already exists) and, with a
      // security configuration, AssociateKmsKey with the same key before it writes.
      sid: 'WriteCrawlerLogs',
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:AssociateKmsKey'],
      resources: [logGroupArn, `${logGroupArn}:*`],
    },
  ];
}
