/**
 * parallelScan: a parallel, strongly consistent Scan of a whole table, page by page, each page stamped with the time
 * its request started.
 */
import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from '@sales/transform';
import { toDynamoJson } from './dynamo-json.js';

/** One page of one segment. */
export interface ScanPage {
  /** The segment, 0-based. */
  readonly segment: number;
  /** The page's position in its segment, 0-based. */
  readonly page: number;
  /**
   * When the page's request started, in µs since the epoch (this machine's clock). A strongly consistent Scan
   * holds every write that completed before then, and perhaps some made while it ran.
   */
  readonly startedAtMicros: number;
  /** The items, in DynamoDB JSON. */
  readonly items: readonly AttributeMap[];
}

/** Options of {@link parallelScan}. */
export interface ParallelScanOptions {
  /** The client (endpoint, region, credentials). */
  readonly client: DynamoDBClient;
  /** The table. */
  readonly table: string;
  /** How many segments to scan at once. Minimum 1, maximum 1,000,000 (the `TotalSegments` limit). */
  readonly segments: number;
  /** Stops starting new requests once aborted; pages already handed over finish. */
  readonly signal: AbortSignal;
  /** The clock, in ms since the epoch. @defaultValue Date.now */
  readonly now?: (() => number) | undefined;
  /**
   * Items a page holds at most (the Scan's `Limit`). Minimum 1. A page is also cut at 1 MB of items as DynamoDB sizes
   * them, which for small items is ten thousand of them and twenty times that in memory once parsed.
   * @defaultValue - no limit: pages of 1 MB
   * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html#DDB-Scan-request-Limit
   */
  readonly pageItems?: number | undefined;
}

/**
 * Scans every segment at once with `ConsistentRead: true`, handing each page to `onPage` before the segment asks
 * for its next page, so at most `segments` pages are in memory.
 *
 * @param options - Client, table, segments, abort signal, clock.
 * @param onPage - Called once per page, awaited.
 * @returns Whether the scan read the whole table (`false` when aborted first).
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.ParallelScan
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html (ConsistentRead)
 * @example
 * ```ts
 * await parallelScan({ client, table: 'orders', segments: 4, signal }, async (page) => console.log(page.items.length));
 * ```
 */
export async function parallelScan(
  options: ParallelScanOptions,
  onPage: (page: ScanPage) => Promise<void>,
): Promise<boolean> {
  const now = options.now ?? Date.now;
  const scanSegment = async (segment: number): Promise<boolean> => {
    let startKey: Record<string, never> | undefined;
    let page = 0;
    do {
      if (options.signal.aborted) return false;
      const startedAtMicros = Math.round(now() * 1000);
      const response = await options.client.send(
        new ScanCommand({
          TableName: options.table,
          ConsistentRead: true,
          Segment: segment,
          TotalSegments: options.segments,
          ExclusiveStartKey: startKey,
          Limit: options.pageItems,
        }),
        { abortSignal: options.signal },
      );
      await onPage({ segment, page, startedAtMicros, items: (response.Items ?? []).map(toDynamoJson) });
      page += 1;
      startKey = response.LastEvaluatedKey as Record<string, never> | undefined;
    } while (startKey !== undefined);
    return true;
  };
  const done = await Promise.all(
    Array.from({ length: options.segments }, (_, segment) =>
      scanSegment(segment).catch((error: unknown) => {
        if (options.signal.aborted) return false;
        throw error;
      }),
    ),
  );
  return done.every(Boolean);
}
