/**
 * A sales-orders table in dynalite, filled with items of every attribute type, for the CLI test and the bench.
 */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DynamoDBClient,
  ScanCommand,
  waitUntilTableExists,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';

/**
 * A client for a local endpoint with dummy credentials.
 *
 * @param endpoint - dynalite's URL.
 * @returns The client.
 */
export function localClient(endpoint: string): DynamoDBClient {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

/**
 * One order item as the generator writes them: strings, numbers with their digits, a nested map, a list, a binary.
 *
 * @param index - Which order.
 * @returns The item.
 */
export function orderItem(index: number): Record<string, AttributeValue> {
  return {
    order_id: { S: `o-${String(index).padStart(6, '0')}` },
    status: { S: index % 3 === 0 ? 'shipped' : 'paid' },
    total: { N: `${index}.${String(index % 100).padStart(2, '0')}` },
    customer: { M: { name: { S: `Customer ${index}` }, city: { S: 'Lyon' } } },
    line_items: { L: [{ M: { sku: { S: `sku-${index % 17}` }, quantity: { N: '2' } } }] },
    receipt: { B: new Uint8Array([index % 256, 1, 2]) },
    region: { S: ['eu', 'us', 'ap'][index % 3] as string },
  };
}

/**
 * Creates the table (key `order_id`) and writes `count` orders.
 *
 * @param client - The client.
 * @param table - Table name.
 * @param count - How many orders.
 */
export async function createOrdersTable(client: DynamoDBClient, table: string, count: number): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'order_id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'order_id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  // CreateTable answers while the table is CREATING, and dynalite turns it ACTIVE on a timer: a write in between
  // fails with ResourceNotFoundException (seen on a loaded CI machine). Wait for ACTIVE, as against DynamoDB.
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: table });
  for (let start = 0; start < count; start += 25) {
    const requests = Array.from({ length: Math.min(25, count - start) }, (_, i) => ({
      PutRequest: { Item: orderItem(start + i) },
    }));
    await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
  }
}

/**
 * Every item of a table as DynamoDB holds it (numbers normalized, e.g. 0.00 -> 0), as its stream and its exports
 * deliver them, in key order.
 *
 * @param client - The client.
 * @param table - Table name.
 * @returns The items.
 */
export async function storedItems(client: DynamoDBClient, table: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items.sort((a, b) => (a.order_id?.S ?? '').localeCompare(b.order_id?.S ?? ''));
}
