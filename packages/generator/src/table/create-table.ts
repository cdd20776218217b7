/**
 * createOrdersTable: creates the orders table from the shared key schema, if it is missing.
 */
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ORDER_TABLE_SCHEMA } from '@sales/pipeline-spec';

/** Whether {@link createOrdersTable} created the table or found it. */
export type CreateTableOutcome = 'created' | 'exists';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the orders table (on-demand billing, stream with new and old images) and waits until it is ACTIVE.
 *
 * Meant for local endpoints (dynalite, DynamoDB Local); in AWS the infrastructure owns the table,
 * including its TTL setting, which this function does not enable.
 *
 * @param client - A DynamoDB client.
 * @param tableName - Name of the table.
 * @param timeoutMs - How long to wait for ACTIVE. @defaultValue 60000
 * @returns `'created'`, or `'exists'` when a table of that name already exists.
 * @throws Error when the table does not become ACTIVE in time, or the endpoint rejects the request.
 * @example
 * ```ts
 * await createOrdersTable(new DynamoDBClient({ endpoint: 'http://127.0.0.1:4567' }), 'orders'); //=> 'created'
 * ```
 */
export async function createOrdersTable(
  client: Pick<DynamoDBClient, 'send'>,
  tableName: string,
  timeoutMs = 60_000,
): Promise<CreateTableOutcome> {
  const { partitionKey, streamViewType } = ORDER_TABLE_SCHEMA;
  let outcome: CreateTableOutcome = 'created';
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [{ AttributeName: partitionKey.name, AttributeType: partitionKey.type }],
        KeySchema: [{ AttributeName: partitionKey.name, KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: streamViewType },
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceInUseException') throw error;
    outcome = 'exists';
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return outcome;
    if (Date.now() > deadline)
      throw new Error(`table "${tableName}" is not ACTIVE after ${timeoutMs} ms (status ${Table?.TableStatus})`);
    await sleep(100);
  }
}
