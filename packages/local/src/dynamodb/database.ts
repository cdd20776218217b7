import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createClient, createOrdersTable } from '@sales/generator';
import { startDynalite } from './dynalite-server.js';
import type { AttributeMap } from '../types.js';

/** The orders database of a local run: clients for writing (captured) and reading. */
export interface LocalDatabase {
  readonly endpoint: string;
  /** Whether this run started the server (and stops it in {@link LocalDatabase.close}). */
  readonly embedded: boolean;
  /** The client the generator writes through; change capture is attached to it. */
  readonly writer: DynamoDBClient;
  /** A plain client for reads around writes and the final scan. */
  readonly reader: DynamoDBClient;
  /** Destroy the clients and stop the server if this run started it; safe to call twice. */
  readonly close: () => Promise<void>;
}

/**
 * Connect to `endpoint`, or start an embedded dynalite on 127.0.0.1 when none is given, with the
 * generator's client settings (SDK retries off: the generator retries and counts itself).
 *
 * @param region - region the clients sign for
 * @param endpoint - an existing DynamoDB-compatible endpoint. @defaultValue - embedded dynalite
 * @param dataDir - where the embedded dynalite keeps its data (a LevelDB folder). @defaultValue - in memory
 * @returns the database handle
 */
export async function openDatabase(region: string, endpoint?: string, dataDir?: string): Promise<LocalDatabase> {
  const server = endpoint === undefined ? await startDynalite(0, dataDir) : undefined;
  const url = server?.endpoint ?? endpoint!;
  const writer = createClient({ endpoint: url, region });
  const reader = createClient({ endpoint: url, region });
  let closed = false;
  return {
    endpoint: url,
    embedded: server !== undefined,
    writer,
    reader,
    close: async () => {
      if (closed) return;
      closed = true;
      writer.destroy();
      reader.destroy();
      await server?.stop();
    },
  };
}

/**
 * Create the orders table with the shared schema (the generator's own function).
 *
 * @param database - the database
 * @param tableName - the table to create
 * @throws Error when a table of that name already exists: its old items would corrupt the counts
 */
export async function createFreshTable(database: LocalDatabase, tableName: string): Promise<void> {
  if ((await createOrdersTable(database.reader, tableName)) === 'exists') {
    throw new Error(`table "${tableName}" already exists at ${database.endpoint}; its items would mix with this run's`);
  }
}

/**
 * Read a table a page at a time (consistent, paginated scan: each page at most 1 MB of items, as DynamoDB pages).
 *
 * @param client - a client
 * @param tableName - the table
 * @returns the pages of items, in scan order
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
 */
export async function* scanPages(client: DynamoDBClient, tableName: string): AsyncGenerator<AttributeMap[]> {
  let startKey: AttributeMap | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    yield page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}

/**
 * Read every item of a table into memory ({@link scanPages}); for small tables (tests).
 *
 * @param client - a client
 * @param tableName - the table
 * @returns all items
 */
export async function scanTable(client: DynamoDBClient, tableName: string): Promise<AttributeMap[]> {
  const items: AttributeMap[] = [];
  for await (const page of scanPages(client, tableName)) items.push(...page);
  return items;
}
