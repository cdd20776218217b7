/**
 * The Athena engine's conversation with the service, against SDK mocks answering with the documented response
 * shapes (tests/events/athena): start, poll with backoff, page the results, and fail, cancel or stop cleanly.
 */
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type GetQueryExecutionOutput,
  type GetQueryResultsOutput,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AthenaComparison } from '../../src/reconcile/athena-comparison';
import { AthenaQueryError } from '../../src/athena/athena-query-error';
import { queryRequestToken } from '../../src/athena/query-request-token';
import { MAX_QUERY_BYTES, type AthenaQueryOptions } from '../../src/athena/run-athena-query';

const event = <T>(name: string): T =>
  JSON.parse(readFileSync(join(__dirname, '..', 'events', 'athena', `${name}.json`), 'utf8')) as T;
const STARTED = event<{ QueryExecutionId: string }>('start-query-execution');
const ID = STARTED.QueryExecutionId;
const execution = (state: string): GetQueryExecutionOutput => event(`get-query-execution-${state}`);
const PAGE_1 = event<GetQueryResultsOutput>('get-query-results-page-1');
const PAGE_2 = event<GetQueryResultsOutput>('get-query-results-page-2');
const SQL = "SELECT order_id, kind, columns FROM classified WHERE kind IN ('missing_in_lake')";

const athena = mockClient(AthenaClient);
let slept: number[];

const engine = (overrides: Partial<AthenaQueryOptions> = {}): AthenaComparison =>
  new AthenaComparison({
    client: new AthenaClient({ region: 'eu-west-1' }),
    workGroup: 'sales-dev',
    database: 'sales_dev',
    run: 'r-1764568800000000',
    signal: new AbortController().signal,
    pollDelays: { firstMs: 250, maxMs: 1000 },
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...overrides,
  });

beforeEach(() => {
  athena.reset();
  slept = [];
  athena.on(StartQueryExecutionCommand).resolves(STARTED);
});

describe('AthenaComparison', () => {
  test('starts the query in the workgroup and database, polls with backoff until SUCCEEDED, pages every row', async () => {
    // Arrange: queued, running (3 polls), then succeeded; two result pages.
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce(execution('queued'))
      .resolvesOnce(execution('running'))
      .resolvesOnce(execution('running'))
      .resolvesOnce(execution('running'))
      .resolves(execution('succeeded'));
    athena
      .on(GetQueryResultsCommand, { QueryExecutionId: ID, NextToken: undefined })
      .resolves(PAGE_1)
      .on(GetQueryResultsCommand, { QueryExecutionId: ID, NextToken: PAGE_1.NextToken })
      .resolves(PAGE_2);

    // Act
    const rows = await engine().query(SQL);

    // Assert: the header row of page 1 is dropped, page 2 has none, a datum without VarCharValue is null.
    expect(rows).toEqual([
      { order_id: 'o-000001', kind: 'missing_in_lake', columns: '' },
      { order_id: 'o-000003', kind: 'value_mismatch', columns: 'status,total' },
      { order_id: 'o-000004', kind: 'extra_in_lake', columns: null },
    ]);
    expect(athena.commandCalls(StartQueryExecutionCommand).map((call) => call.args[0].input)).toEqual([
      {
        QueryString: SQL,
        WorkGroup: 'sales-dev',
        QueryExecutionContext: { Database: 'sales_dev' },
        ClientRequestToken: queryRequestToken('r-1764568800000000', SQL),
      },
    ]);
    expect(slept).toEqual([250, 500, 1000, 1000]);
    expect(athena.commandCalls(GetQueryResultsCommand).map((call) => call.args[0].input)).toEqual([
      { QueryExecutionId: ID, MaxResults: 1000 },
      { QueryExecutionId: ID, NextToken: PAGE_1.NextToken, MaxResults: 1000 },
    ]);
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(0);
  });

  test.each([
    [
      'failed',
      `Athena query ${ID} FAILED: TABLE_NOT_FOUND: line 1:312: Table 'awsdatacatalog.sales_dev.order_change_lines' does not exist (error type 1301)`,
    ],
    ['cancelled', `Athena query ${ID} CANCELLED: Query cancelled by user`],
  ])('a %s query is an error naming its id and reason, and no result is read', async (state, message) => {
    athena.on(GetQueryExecutionCommand).resolvesOnce(execution('running')).resolves(execution(state));

    const run = engine().query(SQL);

    await expect(run).rejects.toThrow(message);
    await expect(run).rejects.toBeInstanceOf(AthenaQueryError);
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  test('an abort while the query runs stops it with StopQueryExecution and polls no more', async () => {
    const controller = new AbortController();
    athena.on(GetQueryExecutionCommand).resolves(execution('running'));
    athena.on(StopQueryExecutionCommand).resolves({});
    // The second wait is where Ctrl-C arrives.
    const sleep = async (ms: number, signal: AbortSignal): Promise<void> => {
      slept.push(ms);
      if (slept.length === 2) controller.abort('SIGINT');
      signal.throwIfAborted();
    };

    const run = engine({ signal: controller.signal, sleep }).query(SQL);

    await expect(run).rejects.toThrow(`Athena query ${ID} STOPPED: interrupted; StopQueryExecution sent`);
    expect(athena.commandCalls(StopQueryExecutionCommand).map((call) => call.args[0].input)).toEqual([
      { QueryExecutionId: ID },
    ]);
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(2);
  });

  test('a failed stop is reported with the interruption', async () => {
    const controller = new AbortController();
    athena.on(GetQueryExecutionCommand).resolves(execution('running'));
    athena.on(StopQueryExecutionCommand).rejects(new Error('AccessDeniedException: not authorized'));
    const sleep = async (): Promise<void> => {
      controller.abort('SIGINT');
      controller.signal.throwIfAborted();
    };

    await expect(engine({ signal: controller.signal, sleep }).query(SQL)).rejects.toThrow(
      /STOPPED: interrupted; StopQueryExecution failed: Error: AccessDeniedException/,
    );
  });

  test('an abort before the start starts nothing', async () => {
    const controller = new AbortController();
    controller.abort('SIGINT');

    await expect(engine({ signal: controller.signal }).query(SQL)).rejects.toBe('SIGINT');
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
  });

  test('a query longer than StartQueryExecution accepts is refused before the call', async () => {
    const long = `SELECT '${'x'.repeat(MAX_QUERY_BYTES)}'`;

    await expect(engine().query(long)).rejects.toThrow(
      `the query is ${MAX_QUERY_BYTES + 9} bytes; Athena accepts at most 262144 (StartQueryExecution)`,
    );
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
  });

  test('a first page without the header row is refused, not read as data', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('succeeded'));
    athena
      .on(GetQueryResultsCommand)
      .resolves({ ...PAGE_1, ResultSet: { ...PAGE_1.ResultSet, Rows: PAGE_1.ResultSet?.Rows?.slice(1) } });

    await expect(engine().query(SQL)).rejects.toThrow(`Athena query ${ID}: the first result row is not the header row`);
  });
});

describe('queryRequestToken', () => {
  test('is the same for the same run and query, different otherwise, and 32 to 128 characters long', () => {
    const token = queryRequestToken('r-1', SQL);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(queryRequestToken('r-1', SQL)).toBe(token);
    expect(queryRequestToken('r-2', SQL)).not.toBe(token);
    expect(queryRequestToken('r-1', `${SQL} `)).not.toBe(token);
  });
});
