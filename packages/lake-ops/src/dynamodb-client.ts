/**
 * createDynamoDBClient: the one DynamoDB client of a `sales-lake` command, for the AWS endpoint or `--endpoint`.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createAwsClient, describePlaceholders } from '@sales/command-line';

/**
 * Creates the DynamoDB client with `createAwsClient` (the timeouts of `AWS_TIMEOUTS`, the SDK's retries). With
 * `--endpoint` (dynalite, DynamoDB Local) it needs nothing set: when the standard chains find no credentials or
 * region, it uses placeholders, as the generator does, and says so once on stderr.
 *
 * @param endpoint - `--endpoint`, if given.
 * @param stderr - Where the one line goes. @defaultValue process.stderr
 * @returns The client.
 * @example
 * ```ts
 * createDynamoDBClient(new URL('http://127.0.0.1:8000'));
 * // stderr, with nothing set: sales-lake: --endpoint http://127.0.0.1:8000: no AWS credentials or region set; using placeholders (region us-east-1), as a local endpoint accepts any
 * ```
 */
export function createDynamoDBClient(
  endpoint: URL | undefined,
  stderr: { write(text: string): unknown } = process.stderr,
): DynamoDBClient {
  if (endpoint === undefined) return createAwsClient(DynamoDBClient);
  const shown = endpoint.href.replace(/\/$/, '');
  return createAwsClient(DynamoDBClient, {
    endpoint: endpoint.href,
    onPlaceholder: (missing) => stderr.write(describePlaceholders('sales-lake', shown, missing)),
  });
}
