/**
 * What the low-level writers need: the client, the table, the retry policy and the run's counters.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EndpointWatch } from './endpoint-watch.js';
import type { Random } from '../model/random.js';
import type { RetryPolicy } from './retry.js';
import type { RunStats } from './run-stats.js';

/** Anything that can send DynamoDB commands: a `DynamoDBClient`, or a test double. */
export type DynamoDBSender = Pick<DynamoDBClient, 'send'>;

/** Shared state of the writers in one run. */
export interface WriteContext {
  readonly client: DynamoDBSender;
  readonly tableName: string;
  readonly retryPolicy: RetryPolicy;
  readonly stats: RunStats;
  /** Uniform [0, 1) source for backoff jitter. */
  readonly random: Random;
  readonly sleep: (ms: number) => Promise<void>;
  /** Monotonic clock in ms. */
  readonly now: () => number;
  /** Notices an endpoint that stopped answering; once it gave up, nothing is retried. */
  readonly watch: EndpointWatch;
}
