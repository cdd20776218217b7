/**
 * runAthenaQuery: start one query in a workgroup and wait for it to finish, polling with backoff; on abort, stop it.
 */
import {
  GetQueryExecutionCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClient,
  type QueryExecutionStatus,
} from '@aws-sdk/client-athena';
import { setTimeout as delay } from 'node:timers/promises';
import { AthenaQueryError, type AthenaErrorDetail } from './athena-query-error.js';
import { queryRequestToken } from './query-request-token.js';

/**
 * The longest query text StartQueryExecution accepts, in bytes.
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_StartQueryExecution.html (QueryString)
 */
export const MAX_QUERY_BYTES = 262_144;

/** How long to wait between two GetQueryExecution calls: `firstMs`, doubling up to `maxMs`. */
export interface PollDelays {
  /** @defaultValue 250 */
  readonly firstMs: number;
  /** @defaultValue 5000 */
  readonly maxMs: number;
}

/** Athena's `GetQueryExecution` is throttled per account; a query of a few seconds is seen within 250 ms. */
export const DEFAULT_POLL_DELAYS: PollDelays = { firstMs: 250, maxMs: 5_000 };

/** Where and how queries run. */
export interface AthenaQueryOptions {
  readonly client: AthenaClient;
  /** The stack's workgroup (its output `athena_workgroup`): it sets the results location and its encryption. */
  readonly workGroup: string;
  /** The Glue database (output `glue_database`) that unqualified table names resolve in. */
  readonly database: string;
  /** The run the queries belong to: with a query's text, its `ClientRequestToken`. */
  readonly run: string;
  /** Aborting it stops the running query. */
  readonly signal: AbortSignal;
  /** @defaultValue {@link DEFAULT_POLL_DELAYS} */
  readonly pollDelays?: PollDelays;
  /** Waits between polls; rejects when the signal aborts. @defaultValue node's timers/promises `setTimeout` */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const sleepFor = (ms: number, signal: AbortSignal): Promise<void> => delay(ms, undefined, { signal });

/** Asks Athena to stop a query; a failure to stop is added to the error thrown, never hides it. */
async function stopQuery(client: AthenaClient, id: string, cause: unknown): Promise<never> {
  try {
    await client.send(new StopQueryExecutionCommand({ QueryExecutionId: id }));
  } catch (stopError) {
    throw new AthenaQueryError(id, 'STOPPED', `interrupted; StopQueryExecution failed: ${String(stopError)}`, {
      cause,
    });
  }
  throw new AthenaQueryError(id, 'STOPPED', 'interrupted; StopQueryExecution sent', { cause });
}

/** The reason Athena gives for a failed or cancelled query. */
function reasonOf(status: QueryExecutionStatus): string {
  const error = status.AthenaError;
  const detail = error?.ErrorType === undefined ? '' : ` (error type ${error.ErrorType})`;
  return `${status.StateChangeReason ?? error?.ErrorMessage ?? 'no reason given'}${detail}`;
}

/** Athena's `AthenaError` of a failed query, if it gave one. */
function detailOf(status: QueryExecutionStatus): AthenaErrorDetail | undefined {
  const error = status.AthenaError;
  return error === undefined
    ? undefined
    : { category: error.ErrorCategory, type: error.ErrorType, retryable: error.Retryable === true };
}

/** A query that succeeded. */
export interface SucceededQuery {
  /** Its `QueryExecutionId`: {@link readQueryResults} reads its rows. */
  readonly id: string;
  /** `Statistics.DataScannedInBytes`, what Athena bills; `undefined` when Athena did not say. */
  readonly dataScannedBytes: number | undefined;
}

/**
 * Starts a query (idempotent: see {@link queryRequestToken}) and polls `GetQueryExecution` until it is SUCCEEDED,
 * FAILED or CANCELLED. QUEUED and RUNNING are waited on (Athena may move a query from RUNNING back to QUEUED after
 * a transient error). When the signal aborts, the running query is stopped with `StopQueryExecution`.
 *
 * @param options - Client, workgroup, database, run, signal, poll delays.
 * @param sql - One SELECT.
 * @returns The id of the succeeded query, whose results {@link readQueryResults} reads.
 * @throws AthenaQueryError when the query fails, is cancelled, or is stopped because the signal aborted.
 * @throws Error when the text is longer than {@link MAX_QUERY_BYTES}, or the signal aborted before the start.
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_GetQueryExecution.html
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_QueryExecutionStatus.html
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_StopQueryExecution.html
 * @example
 * ```ts
 * const id = await runAthenaQuery({ client, workGroup: 'sales-dev', database: 'sales_dev', run, signal }, 'SELECT 1');
 * ```
 */
export async function runAthenaQuery(options: AthenaQueryOptions, sql: string): Promise<string> {
  return (await executeAthenaQuery(options, sql)).id;
}

/**
 * {@link runAthenaQuery}, answering the succeeded query's id and the bytes it scanned.
 *
 * @param options - Client, workgroup, database, run, signal, poll delays.
 * @param sql - One statement: a SELECT, or DML such as `MERGE INTO` on an Iceberg table.
 * @returns The query and its scan statistics.
 * @throws AthenaQueryError when it fails (with Athena's `AthenaError` as `detail`), is cancelled, or is stopped.
 * @throws Error when the text is longer than {@link MAX_QUERY_BYTES}, or the signal aborted before the start.
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_QueryExecutionStatistics.html
 * @example
 * ```ts
 * (await executeAthenaQuery(options, 'SELECT 1')).dataScannedBytes; //=> 0
 * ```
 */
export async function executeAthenaQuery(options: AthenaQueryOptions, sql: string): Promise<SucceededQuery> {
  const bytes = Buffer.byteLength(sql);
  if (bytes > MAX_QUERY_BYTES)
    throw new Error(`the query is ${bytes} bytes; Athena accepts at most ${MAX_QUERY_BYTES} (StartQueryExecution)`);
  options.signal.throwIfAborted();
  // No abort signal on the start: once sent, the query may run, and only its id lets us stop it.
  const started = await options.client.send(
    new StartQueryExecutionCommand({
      QueryString: sql,
      WorkGroup: options.workGroup,
      QueryExecutionContext: { Database: options.database },
      ClientRequestToken: queryRequestToken(options.run, sql),
    }),
  );
  const id = started.QueryExecutionId;
  if (id === undefined) throw new Error('StartQueryExecution answered without a QueryExecutionId');
  const delays = options.pollDelays ?? DEFAULT_POLL_DELAYS;
  const sleep = options.sleep ?? sleepFor;
  let wait = delays.firstMs;
  try {
    for (;;) {
      options.signal.throwIfAborted();
      const { QueryExecution } = await options.client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }), {
        abortSignal: options.signal,
      });
      const status = QueryExecution?.Status ?? {};
      if (status.State === 'SUCCEEDED') return { id, dataScannedBytes: QueryExecution?.Statistics?.DataScannedInBytes };
      if (status.State === 'FAILED' || status.State === 'CANCELLED') {
        const detail = detailOf(status);
        throw new AthenaQueryError(id, status.State, reasonOf(status), detail === undefined ? {} : { detail });
      }
      await sleep(wait, options.signal);
      wait = Math.min(wait * 2, delays.maxMs);
    }
  } catch (error) {
    if (options.signal.aborted && !(error instanceof AthenaQueryError)) return stopQuery(options.client, id, error);
    throw error;
  }
}
