/**
 * checkTable: makes sure the target table exists before a run, creating it when asked.
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createOrdersTable } from './create-table.js';

/**
 * Verifies the table is reachable (DescribeTable), or creates it with `--create-table`.
 * An AccessDenied on DescribeTable is not fatal: writers often lack that permission.
 *
 * @param client - A DynamoDB client.
 * @param table - Table name.
 * @param create - Whether to create a missing table.
 * @returns A one-line problem description, or undefined when the run can go ahead.
 */
export async function checkTable(client: Pick<DynamoDBClient, 'send'>, table: string, create: boolean): Promise<string | undefined> {
  try {
    if (create) {
      await createOrdersTable(client, table);
      return undefined;
    }
    await client.send(new DescribeTableCommand({ TableName: table }));
    return undefined;
  } catch (error) {
    const name = (error as { name?: string }).name ?? 'Error';
    if (name === 'AccessDeniedException') return undefined;
    if (name === 'ResourceNotFoundException') return `table "${table}" not found (create it, or pass --create-table for a local endpoint)`;
    return `table "${table}" is unreachable: ${name}: ${(error as Error).message}`;
  }
}
