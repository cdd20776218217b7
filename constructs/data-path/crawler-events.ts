import { S3BucketNotification } from '@cdktf/provider-aws/lib/s3-bucket-notification';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import type { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Construct } from 'constructs';
import { CRAWLER_EVENTS, DATA_PREFIX, crawlerEventQueueName } from '@sales/pipeline-spec';
import { tlsOnlyQueue } from '../security/tls-only-queue';

/** Props for {@link CrawlerEvents}. */
export interface CrawlerEventsProps {
  /** `<prefix>-<environment>`: names the queue `<base>-crawler-events`. */
  readonly baseName: string;
  /** The lake bucket whose new objects under the data prefix are announced. */
  readonly bucket: S3Bucket;
  /** The account id (token): only the lake bucket of this account may send. */
  readonly accountId: string;
}

/**
 * The S3 events an event-mode crawler reads: the lake bucket announces each object created under `sales/` to an
 * SQS queue, and the crawler lists only the folders those events name instead of the whole table location.
 *
 * The queue uses SQS-managed encryption (SSE-SQS), not the pipeline key: the messages hold object keys and sizes,
 * no data, and S3 can publish to an SSE-SQS queue without a grant in the key policy. It keeps messages 14 days,
 * the most SQS allows, so a crawl that fails or is skipped for a while still finds the folders. The bucket's only
 * notification configuration is this one (Terraform manages one per bucket).
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/crawler-s3-event-notifications.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/grant-destinations-permissions-to-s3.html
 * @example
 * ```ts
 * new CrawlerEvents(catalog, 'CrawlerEvents', { baseName: 'sales-dev', bucket, accountId }).queue.arn;
 * ```
 */
export class CrawlerEvents extends Construct {
  /** The queue the crawler consumes (`CatalogTarget.EventQueueArn`). */
  readonly queue: SqsQueue;
  /** The bucket's notification configuration. */
  readonly notification: S3BucketNotification;

  constructor(scope: Construct, id: string, props: CrawlerEventsProps) {
    super(scope, id);
    const { queue, policy } = tlsOnlyQueue(
      this,
      'Queue',
      {
        name: crawlerEventQueueName(props.baseName),
        sqsManagedSseEnabled: true,
        messageRetentionSeconds: CRAWLER_EVENTS.messageRetentionSeconds,
      },
      (queueArn) => [
        {
          Sid: 'LakeBucketEvents',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: queueArn,
          Condition: {
            ArnEquals: { 'aws:SourceArn': props.bucket.arn },
            StringEquals: { 'aws:SourceAccount': props.accountId },
          },
        },
      ],
    );
    this.queue = queue;
    this.notification = new S3BucketNotification(this, 'LakeNotifications', {
      bucket: props.bucket.id,
      queue: [{ queueArn: this.queue.arn, events: [...CRAWLER_EVENTS.s3Events], filterPrefix: DATA_PREFIX }],
      // S3 checks that it may send to the queue when the configuration is put.
      dependsOn: [policy],
    });
  }
}
