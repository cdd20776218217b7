/**
 * The SDK clients a dead-letter re-drive needs, each in the region its resource names.
 */
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createAwsClient } from '@sales/command-line';

/** `https://sqs.<region>.amazonaws.com/...` and the legacy `https://<region>.queue.amazonaws.com/...`. */
const QUEUE_URL_REGION =
  /^(?:sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|([a-z0-9-]+)\.queue\.amazonaws\.com(?:\.cn)?)$/;

/**
 * The region a queue URL or an ARN names.
 *
 * @param resource - A queue URL or an ARN.
 * @returns The region, or `undefined` (then the SDK's standard chain decides, e.g. `AWS_REGION`).
 * @example
 * ```ts
 * regionOf('https://sqs.eu-west-1.amazonaws.com/123456789012/q'); //=> 'eu-west-1'
 * regionOf('arn:aws:kinesis:us-east-2:123456789012:stream/s'); //=> 'us-east-2'
 * regionOf('sales-dev-changes'); //=> undefined
 * ```
 */
export function regionOf(resource: string): string | undefined {
  if (resource.startsWith('arn:')) return resource.split(':')[3] || undefined;
  try {
    const match = QUEUE_URL_REGION.exec(new URL(resource).hostname);
    return match?.[1] ?? match?.[2];
  } catch {
    return undefined;
  }
}

/**
 * Clients for a re-drive: SQS in the queue's region, Kinesis in the stream ARN's region (or the default), and a
 * DynamoDB Streams client per stream ARN region.
 *
 * @param queueUrl - The dead-letter queue's URL.
 * @param stream - The `--stream` value: a name or an ARN.
 * @returns The clients, and the `PutRecords` stream parameter.
 */
export function redriveClients(queueUrl: string, stream: string) {
  const streamsByRegion = new Map<string, DynamoDBStreamsClient>();
  return {
    sqs: createAwsClient(SQSClient, { region: regionOf(queueUrl) }),
    kinesis: createAwsClient(KinesisClient, { region: regionOf(stream) }),
    stream: stream.startsWith('arn:') ? { StreamARN: stream } : { StreamName: stream },
    streams: (streamArn: string): DynamoDBStreamsClient => {
      const key = regionOf(streamArn) ?? '';
      let client = streamsByRegion.get(key);
      if (client === undefined) {
        client = createAwsClient(DynamoDBStreamsClient, { region: regionOf(streamArn) });
        streamsByRegion.set(key, client);
      }
      return client;
    },
  };
}
