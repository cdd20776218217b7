import { BatchGetItemCommand, GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from '../types.js';

/** BatchGetItem takes at most 100 keys per request. */
const MAX_BATCH_GET = 100;

/**
 * Read items by key with strongly consistent reads: one GetItem for a single key, BatchGetItem
 * (re-requesting unprocessed keys) for several, so capturing a 25-item batch write costs two
 * reads rather than fifty.
 *
 * @param client - a client without capture
 * @param tableName - the table
 * @param keys - primary keys, all different
 * @param keyNames - key attribute names, to match returned items to keys
 * @returns the items in key order; `undefined` where no item exists
 */
export async function readItems(
  client: DynamoDBClient,
  tableName: string,
  keys: readonly AttributeMap[],
  keyNames: readonly string[],
): Promise<(AttributeMap | undefined)[]> {
  if (keys.length === 1) {
    return [(await client.send(new GetItemCommand({ TableName: tableName, Key: keys[0], ConsistentRead: true }))).Item];
  }
  const identity = (item: AttributeMap) => JSON.stringify(keyNames.map((name) => item[name]));
  const found = new Map<string, AttributeMap>();
  for (let start = 0; start < keys.length; start += MAX_BATCH_GET) {
    let pending: AttributeMap[] = keys.slice(start, start + MAX_BATCH_GET);
    while (pending.length > 0) {
      const response = await client.send(
        new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of response.Responses?.[tableName] ?? []) found.set(identity(item), item);
      pending = response.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return keys.map((key) => found.get(identity(key)));
}
