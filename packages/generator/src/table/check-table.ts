/**
 * checkTable: makes sure the target table exists and has the orders key schema before a run, creating it when asked.
 */
import { DescribeTableCommand, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import { createOrdersTable } from './create-table.js';
import { retryCause } from '../write/retry-cause.js';
import { ORDER_TABLE_SCHEMA } from '@sales/pipeline-spec';

/** `order_id (S, HASH)`: how a key attribute is shown in messages. */
const describeKey = (name: string, type: string | undefined, keyType: string): string =>
  `${name} (${type ?? '?'}, ${keyType})`;

/**
 * Compares a table's key schema with {@link ORDER_TABLE_SCHEMA}: a partition key only, of the expected name and type.
 *
 * @param table - What DescribeTable returned.
 * @returns A one-line problem naming the found and the expected key, or undefined when it matches.
 */
export function keySchemaProblem(table: TableDescription): string | undefined {
  const { name, type } = ORDER_TABLE_SCHEMA.partitionKey;
  const types = new Map(
    (table.AttributeDefinitions ?? []).map((definition) => [definition.AttributeName, definition.AttributeType]),
  );
  const found = (table.KeySchema ?? []).map((key) =>
    describeKey(key.AttributeName ?? '?', types.get(key.AttributeName), key.KeyType ?? '?'),
  );
  const expected = describeKey(name, type, 'HASH');
  if (found.length === 1 && found[0] === expected) return undefined;
  return `table "${table.TableName}" has the wrong key schema: found ${found.join(', ') || 'none'}, sales-generator writes ${expected} only; nothing was written`;
}

/**
 * Verifies the table is reachable and has the orders key schema (DescribeTable), or creates it with `--create-table`.
 * An AccessDenied on DescribeTable is not fatal: writers often lack that permission.
 *
 * @param client - A DynamoDB client.
 * @param table - Table name.
 * @param create - Whether to create a missing table.
 * @returns A one-line problem naming its cause, or undefined when the run can go ahead.
 */
export async function checkTable(
  client: Pick<DynamoDBClient, 'send'>,
  table: string,
  create: boolean,
): Promise<string | undefined> {
  try {
    if (create) await createOrdersTable(client, table);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
    return Table === undefined ? undefined : keySchemaProblem(Table);
  } catch (error) {
    const name = (error as { name?: string }).name ?? 'Error';
    if (name === 'AccessDeniedException') return undefined;
    if (name === 'ResourceNotFoundException')
      return `table "${table}" not found (create it, or pass --create-table for a local endpoint)`;
    const cause = retryCause(error);
    const detail = `${name}: ${(error as Error).message}`;
    return `table "${table}" is unreachable${cause === undefined ? '' : ` (${cause})`}: ${detail}; check --endpoint and --region`;
  }
}
