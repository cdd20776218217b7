/**
 * Reads a whole table back, for comparing it with the planned final state.
 */
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * A client for a local endpoint with fixed dummy credentials. It retries twice: a reused keep-alive socket
 * that dynalite has just closed fails with ECONNRESET under load.
 *
 * @param endpoint - dynalite's URL.
 * @returns The client.
 */
export function localClient(endpoint: string): DynamoDBClient {
  // The pinned SDK warns once per process that future versions need Node 22; not news in a test log.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    maxAttempts: 3,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

/**
 * Scans every item of a table.
 *
 * @param client - The client.
 * @param table - Table name.
 * @returns Items by `order_id`.
 */
export async function scanTable(
  client: DynamoDBClient,
  table: string,
): Promise<Map<string, Record<string, AttributeValue>>> {
  const items = new Map<string, Record<string, AttributeValue>>();
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) items.set(item.order_id?.S ?? '', item);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
