/**
 * readKeysNow: the current items of a few keys, read with strongly consistent BatchGetItem, as snapshot rows fenced at
 * the read's start: the re-check of stage-2 candidates, and the rows a repair writes.
 */
import {
  BatchGetItemCommand,
  type AttributeValue,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { Parsed } from '@sales/transform';
import { snapshotSortKey, toFenceMicros } from '../rows/fence.js';
import { toSnapshotLine, type SnapshotContext } from '../rows/snapshot-row.js';
import { toDynamoJson } from '../table/dynamo-json.js';

/** BatchGetItem's limit of keys per request. @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html */
const KEYS_PER_REQUEST = 100;

/** The keys' current rows. */
export interface KeysNow {
  /** The snapshot the rows belong to (time and fence of the read's start). */
  readonly context: SnapshotContext;
  /** The fence as a sort key: the fence for keys the table does not hold. */
  readonly fenceSortKey: string;
  /** Row line per key the table holds now. */
  readonly lines: ReadonlyMap<string, string>;
  /** Items that could not become rows. */
  readonly failures: readonly string[];
}

/** What {@link readKeysNow} needs. */
export interface ReadKeysOptions {
  readonly client: DynamoDBClient;
  readonly table: string;
  /** The partition key's name; the keys are strings (`order_id`). */
  readonly keyName: string;
  readonly fenceMarginSeconds: number;
  readonly signal: AbortSignal;
  /** The clock, ms since the epoch. @defaultValue Date.now */
  readonly now?: () => number;
}

/**
 * Reads the keys' items with `ConsistentRead: true`, retrying unprocessed keys, and turns each into its snapshot row.
 *
 * @param options - Client, table, key name, margin, signal, clock.
 * @param keys - The keys.
 * @returns The rows and their snapshot.
 */
export async function readKeysNow(options: ReadKeysOptions, keys: readonly string[]): Promise<KeysNow> {
  const startedAtMicros = Math.round((options.now ?? Date.now)() * 1000);
  const fenceMicros = toFenceMicros(startedAtMicros, options.fenceMarginSeconds);
  const context: SnapshotContext = {
    snapshotId: `reconcile-${startedAtMicros}`,
    snapshotTimeMicros: startedAtMicros,
    fenceMicros,
    table: options.table,
    keyNames: [options.keyName],
  };
  const lines = new Map<string, string>();
  const failures: string[] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_REQUEST) {
    let pending: Record<string, AttributeValue>[] | undefined = keys
      .slice(start, start + KEYS_PER_REQUEST)
      .map((key) => ({ [options.keyName]: { S: key } }));
    while (pending !== undefined && pending.length > 0) {
      const response: BatchGetItemCommandOutput = await options.client.send(
        new BatchGetItemCommand({ RequestItems: { [options.table]: { Keys: pending, ConsistentRead: true } } }),
        { abortSignal: options.signal },
      );
      for (const item of response.Responses?.[options.table] ?? []) {
        const key = item[options.keyName]?.S ?? '';
        const line: Parsed<string> = toSnapshotLine(toDynamoJson(item), context);
        if (line.ok) lines.set(key, line.value);
        else failures.push(`${key}: ${line.reason}: ${line.detail}`);
      }
      pending = response.UnprocessedKeys?.[options.table]?.Keys;
    }
  }
  return { context, fenceSortKey: snapshotSortKey(fenceMicros), lines, failures };
}
