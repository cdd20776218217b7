import { SqsQueue, type SqsQueueConfig } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import type { Construct } from 'constructs';

/** A queue with its policy: `Deny` of every SQS action over plain HTTP, after the queue's own grants. */
export interface TlsOnlyQueue {
  /** The queue. */
  readonly queue: SqsQueue;
  /** Its resource policy (S3 checks it when a notification to the queue is configured: depend on it). */
  readonly policy: SqsQueuePolicy;
}

/**
 * An SQS queue whose policy denies any request without TLS (`aws:SecureTransport` = `false`), the queue's own
 * `Allow` statements first. The queue is `id` and its policy `<id>Policy` in `scope`, so the Terraform addresses
 * stay those of the queues written before this helper.
 *
 * @param scope - the construct that owns the queue
 * @param id - the queue's construct id
 * @param config - the queue (name, encryption, retention)
 * @param grants - statements of the queue policy before the deny, given the queue's ARN (e.g. S3's `SendMessage`)
 * @returns the queue and its policy
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html
 */
export function tlsOnlyQueue(
  scope: Construct,
  id: string,
  config: SqsQueueConfig,
  grants: (queueArn: string) => readonly Record<string, unknown>[] = () => [],
): TlsOnlyQueue {
  const queue = new SqsQueue(scope, id, config);
  const policy = new SqsQueuePolicy(scope, `${id}Policy`, {
    queueUrl: queue.url,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        ...grants(queue.arn),
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 'sqs:*',
          Resource: queue.arn,
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    }),
  });
  return { queue, policy };
}
