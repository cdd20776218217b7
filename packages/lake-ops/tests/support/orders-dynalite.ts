/**
 * useOrdersDynalite: the set-up of the tests that run `sales-lake` against a table: dynalite in its own process, a
 * client for it, and sales-orders tables filled with items of every attribute type, made before the first test.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { useDynalite } from '@sales/testing';
import { createOrdersTable, localClient } from './orders-table.js';

/** The dynalite of a test block and a client for it; read them inside a test or a hook. */
export interface OrdersDynalite {
  /** Where dynalite listens, e.g. `http://127.0.0.1:40123`. */
  readonly endpoint: string;
  /** A client for it with dummy credentials. */
  readonly client: DynamoDBClient;
}

/**
 * Registers jest hooks that start dynalite and create the tables before the first test, and stop it after the last.
 *
 * @param tables - Table name to how many orders it holds (see `createOrdersTable`). @defaultValue - no table
 * @returns The fixture; its members throw when read before `beforeAll` has run.
 * @example
 * ```ts
 * const dynalite = useOrdersDynalite({ orders: 25 });
 * test('…', () => runBin(['reconcile', '--table', 'orders', '--endpoint', dynalite.endpoint]));
 * ```
 */
export function useOrdersDynalite(tables: Readonly<Record<string, number>> = {}): OrdersDynalite {
  const dynalite = useDynalite();
  let client: DynamoDBClient | undefined;
  beforeAll(async () => {
    client = localClient(dynalite.endpoint);
    for (const [table, count] of Object.entries(tables)) await createOrdersTable(client, table, count);
  }, 60_000);
  afterAll(() => client?.destroy());
  return {
    get endpoint(): string {
      return dynalite.endpoint;
    },
    get client(): DynamoDBClient {
      if (client === undefined) throw new Error('useOrdersDynalite: client read before beforeAll made it');
      return client;
    },
  };
}
