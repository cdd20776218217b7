/**
 * writeObserved: one write command sent with the item states before and after it, in as few requests as DynamoDB
 * allows, so capturing a change costs close to the write itself.
 */
import type { AttributeMap } from '../types.js';
import type { WriteTarget } from './write-targets.js';

/** A command's arguments at the client's `initialize` step: only the input is read or changed. */
interface CommandArgs {
  readonly input: object;
}

/** What the rest of the client's stack returns for a command: only the parsed output is read or changed. */
interface CommandResult {
  readonly output: object;
}

/** The item states around one write, and the command's result as its caller would have had it. */
export interface ObservedWrite<R> {
  /** Each target's item before the write, `undefined` where none existed. */
  readonly before: readonly (AttributeMap | undefined)[];
  /** The command's result. */
  readonly output: R;
  /** Each target's item after the write, `undefined` where none exists. */
  readonly after: readonly (AttributeMap | undefined)[];
}

/** Single-item writes whose `ReturnValues: ALL_OLD` returns the whole item as it was before the write. */
const RETURNS_OLD_ITEM = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);

/**
 * Send a write and observe its targets' items before and after it, with the command's keys locked by the caller.
 *
 * A `PutItem`, `UpdateItem` or `DeleteItem` whose caller asked for no return values is sent with
 * `ReturnValues: ALL_OLD`, which returns the item as it was before this very write, and the returned attributes are
 * removed again, so the caller gets what it asked for. After it, a `DeleteItem` that succeeded left no item, and a
 * put or update is read back. Every other write (batches, transactions, a caller's own `ReturnValues`) is read before
 * and after. So a single put or update costs two requests and a delete one, where reading around it costs three.
 *
 * @param commandName - the SDK command name, e.g. `UpdateItemCommand`
 * @param args - the command's arguments at the `initialize` step
 * @param send - the rest of the client's middleware stack
 * @param targets - the items the command writes, in request order
 * @param read - consistent reads of the targets' items, in target order
 * @returns the states before and after, and the command's result
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html#DDB-UpdateItem-request-ReturnValues
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html#DDB-DeleteItem-request-ReturnValues
 */
export async function writeObserved<A extends CommandArgs, R extends CommandResult>(
  commandName: string,
  args: A,
  send: (args: A) => Promise<R>,
  targets: readonly WriteTarget[],
  read: (targets: readonly WriteTarget[]) => Promise<(AttributeMap | undefined)[]>,
): Promise<ObservedWrite<R>> {
  const input = args.input as { ReturnValues?: string };
  if (!RETURNS_OLD_ITEM.has(commandName) || (input.ReturnValues ?? 'NONE') !== 'NONE') {
    const before = await read(targets);
    const output = await send(args);
    return { before, output, after: await read(targets) };
  }
  const result = await send({ ...args, input: { ...args.input, ReturnValues: 'ALL_OLD' } });
  const { Attributes: old, ...asked } = result.output as { Attributes?: AttributeMap };
  const output = { ...result, output: asked } as R;
  const after = commandName === 'DeleteItemCommand' ? [undefined] : await read(targets);
  return { before: [old], output, after };
}
