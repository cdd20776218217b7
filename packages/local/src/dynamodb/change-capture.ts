import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { AttributeMap } from '../types.js';
import { readItems } from './item-reader.js';
import { KeyedMutex } from './keyed-mutex.js';
import { buildStreamRecord } from './stream-record.js';
import { writeObserved } from './observed-write.js';
import { listWriteTargets, type WriteInput, type WriteTarget } from './write-targets.js';

/** One captured change: the stream record plus the write's completion time in milliseconds. */
export interface CapturedChange {
  /** The record exactly as DynamoDB Streams, then Pipes, would deliver it. */
  readonly record: DynamoDBRecord;
  /** When the write completed, epoch ms (the record itself only carries whole seconds). */
  readonly eventTimeMs: number;
}

/** Props for {@link attachChangeCapture}. */
export interface ChangeCaptureProps {
  /** A second client on the same endpoint, without capture, used to read items around writes. */
  readonly reader: DynamoDBClient;
  /** The captured table; writes to other tables pass through unrecorded. */
  readonly tableName: string;
  /** Key attribute names of the table. */
  readonly keyNames: readonly string[];
  /** Stream ARN written into every record. */
  readonly streamArn: string;
  /** Region written into every record. */
  readonly region: string;
  /** Receives each change as soon as its write completes, in sequence-number order. */
  readonly onChange: (change: CapturedChange) => void;
  /**
   * Clock for event times, epoch ms, asked once per change with the written item's key (a simulated clock stamps each
   * change with its own operation's time). @defaultValue Date.now
   */
  readonly clock?: (key: AttributeMap) => number;
}

/** Handle returned by {@link attachChangeCapture}. */
export interface ChangeCapture {
  /** Number of records emitted so far. */
  readonly count: () => number;
  /** Remove the middleware; later writes are no longer captured. */
  readonly detach: () => void;
}

const MIDDLEWARE_NAME = 'salesLocalChangeCapture';
/** First sequence number: 21 digits, like the shortest real ones. */
const FIRST_SEQUENCE = 100000000000000000000n;

/**
 * Capture every successful write made through `client` as a DynamoDB stream record.
 *
 * A middleware on the client locks the keys a command writes (per key, so concurrent writes to
 * one item cannot interleave), observes the items before and after the command ({@link writeObserved}: the write's
 * own `ALL_OLD` return values where the caller asked for none, else consistent reads), and emits one record per item
 * whose state changed: INSERT, MODIFY (a put over an existing item included) or REMOVE, with images from the
 * database's actual state. A failed
 * write (a false condition, a throttle the SDK gave up on) emits nothing and rethrows; batch
 * items left unprocessed are unchanged, so they emit nothing either.
 *
 * @param client - the client the generator writes through
 * @param props - reader client, table, stream identity, and the sink for changes
 * @returns a handle to count records and detach
 * @throws {@link UnsupportedWriteError} (from the client call) for PartiQL writes
 */
export function attachChangeCapture(client: DynamoDBClient, props: ChangeCaptureProps): ChangeCapture {
  const clock = props.clock ?? Date.now;
  const mutex = new KeyedMutex();
  let sequence = FIRST_SEQUENCE;
  let emitted = 0;
  const lockKey = (target: WriteTarget) => JSON.stringify(props.keyNames.map((name) => target.key[name]));
  const read = (targets: readonly WriteTarget[]) =>
    readItems(
      props.reader,
      props.tableName,
      targets.map((target) => target.key),
      props.keyNames,
    );

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as WriteInput;
      const targets = listWriteTargets(context.commandName ?? '', input, props.keyNames)?.filter(
        (target) => target.tableName === props.tableName,
      );
      if (targets === undefined || targets.length === 0) return next(args);
      return mutex.run(targets.map(lockKey), async () => {
        const { before, output, after } = await writeObserved(context.commandName ?? '', args, next, targets, read);
        targets.forEach((target, i) => {
          const sequenceNumber = String(sequence);
          const eventTimeMs = clock(target.key);
          const record = buildStreamRecord(before[i], after[i], { ...props, sequenceNumber, eventTimeMs });
          if (record === undefined) return;
          sequence += 1n;
          emitted += 1;
          props.onChange({ record, eventTimeMs });
        });
        return output;
      });
    },
    { step: 'initialize', name: MIDDLEWARE_NAME, priority: 'high' },
  );
  return { count: () => emitted, detach: () => void client.middlewareStack.remove(MIDDLEWARE_NAME) };
}
