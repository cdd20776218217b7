import type { AttributeValue, BatchWriteItemInput, TransactWriteItemsInput } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from '../types.js';

/** One item a write command may change: its table and primary key. */
export interface WriteTarget {
  /** Table name as given in the request. */
  readonly tableName: string;
  /** The item's primary key. */
  readonly key: AttributeMap;
}

/** Commands that read only, or manage tables: they pass through capture untouched. */
const PASS_THROUGH =
  /^(Get|BatchGet|Query|Scan|Describe|List|Create|Update(Table|TimeToLive|ContinuousBackups)|Delete(Table|Backup)|Tag|Untag|TransactGet)/;

/** Raised for a write command whose changes capture cannot observe item by item. */
export class UnsupportedWriteError extends Error {
  override readonly name = 'UnsupportedWriteError';
}

const pickKey = (item: AttributeMap, keyNames: readonly string[]): AttributeMap =>
  Object.fromEntries(keyNames.map((name) => [name, item[name] as AttributeValue]));

/**
 * The key-bearing fields of a command input: which ones are set differs per command, and only these are read.
 * Each branch below reads the fields its command requires (DynamoDB rejects a request without them) unchecked,
 * hence the `!` there.
 */
export interface WriteInput {
  /** `PutItem`, `UpdateItem`, `DeleteItem`: the table written. */
  readonly TableName?: string | undefined;
  /** `PutItem`: the whole item. */
  readonly Item?: AttributeMap | undefined;
  /** `UpdateItem`, `DeleteItem`: the item's key. */
  readonly Key?: AttributeMap | undefined;
  /** `BatchWriteItem`: puts and deletes per table. */
  readonly RequestItems?: BatchWriteItemInput['RequestItems'];
  /** `TransactWriteItems`: the actions, in order. */
  readonly TransactItems?: TransactWriteItemsInput['TransactItems'];
}

/**
 * List the items a DynamoDB command writes, so capture can read them before and after.
 *
 * @param commandName - the SDK command name, e.g. `PutItemCommand`
 * @param input - the command's input
 * @param keyNames - key attribute names of the captured table
 * @returns the targets, in request order; `undefined` for commands that write no items
 * @throws {@link UnsupportedWriteError} for PartiQL statements, whose targets are not structured
 */
export function listWriteTargets(
  commandName: string,
  input: WriteInput,
  keyNames: readonly string[],
): WriteTarget[] | undefined {
  const name = commandName.replace(/Command$/, '');
  switch (name) {
    case 'PutItem':
      return [{ tableName: input.TableName!, key: pickKey(input.Item!, keyNames) }];
    case 'UpdateItem':
    case 'DeleteItem':
      return [{ tableName: input.TableName!, key: input.Key! }];
    case 'BatchWriteItem':
      return Object.entries(input.RequestItems!).flatMap(([tableName, requests]) =>
        requests.map((request) => ({
          tableName,
          key: request.PutRequest ? pickKey(request.PutRequest.Item!, keyNames) : request.DeleteRequest!.Key!,
        })),
      );
    case 'TransactWriteItems':
      return input.TransactItems!.flatMap((entry) => {
        if (entry.Put) return [{ tableName: entry.Put.TableName!, key: pickKey(entry.Put.Item!, keyNames) }];
        const write = entry.Update ?? entry.Delete;
        return write ? [{ tableName: write.TableName!, key: write.Key! }] : [];
      });
    case 'ExecuteStatement':
    case 'BatchExecuteStatement':
    case 'ExecuteTransaction':
      throw new UnsupportedWriteError(`change capture cannot follow PartiQL writes (${commandName}); use the item API`);
    default:
      if (PASS_THROUGH.test(name)) return undefined;
      throw new UnsupportedWriteError(`change capture does not know whether ${commandName} writes items`);
  }
}
