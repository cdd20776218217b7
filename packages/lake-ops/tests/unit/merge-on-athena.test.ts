/**
 * The merge's conversation with Athena, against SDK mocks answering with the documented response shapes
 * (tests/events/athena): the window from the merge log (a NULL cell is a datum without `VarCharValue`), each
 * statement in order, retries on Iceberg commit conflicts and transient errors, and a failure that names the
 * statement and what committed before it. Every SQL text sent is kept in the golden file
 * `tests/fixtures/athena-merge-statements.sql` and checked here against the Athena MERGE INTO documentation. The
 * SQL is not executed: no Athena is available here.
 *
 * After an intended change of the SQL: `UPDATE_GOLDEN=1 npx jest packages/lake-ops/tests/unit/merge-on-athena.test.ts`.
 */
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  type GetQueryExecutionOutput,
  type GetQueryResultsOutput,
  type StartQueryExecutionCommandInput,
} from '@aws-sdk/client-athena';
import { CURRENT_TABLE_NAME, MERGE_LOG_TABLE_NAME, TOMBSTONE_TABLE_NAME } from '@sales/pipeline-spec';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_QUERY_BYTES } from '../../src/athena/run-athena-query';
import { mergeOnAthena, type AthenaMergeOptions } from '../../src/merge/merge-on-athena';
import { MergeRunError } from '../../src/merge/merge-run-error';

const GOLDEN = join(__dirname, '..', 'fixtures', 'athena-merge-statements.sql');
const event = <T>(name: string): T =>
  JSON.parse(readFileSync(join(__dirname, '..', 'events', 'athena', `${name}.json`), 'utf8')) as T;
const SUCCEEDED = event<GetQueryExecutionOutput>('get-query-execution-succeeded');
const WINDOW = event<GetQueryResultsOutput>('get-query-results-merge-window');
const NO_WINDOW = event<GetQueryResultsOutput>('get-query-results-merge-window-null');

const athena = mockClient(AthenaClient);
let sent: StartQueryExecutionCommandInput[];
let slept: number[];

/** Answers each started query in turn: `failures` maps the 1-based start number to a failed execution. */
function arrange(window: GetQueryResultsOutput, failures: Record<number, GetQueryExecutionOutput> = {}): void {
  athena.on(StartQueryExecutionCommand).callsFake((input: StartQueryExecutionCommandInput) => {
    sent.push(input);
    return { QueryExecutionId: `q-${sent.length}` };
  });
  athena
    .on(GetQueryExecutionCommand)
    .callsFake((input: { QueryExecutionId: string }) => failures[Number(input.QueryExecutionId.slice(2))] ?? SUCCEEDED);
  athena.on(GetQueryResultsCommand).resolves(window);
}

const options = (overrides: Partial<AthenaMergeOptions> = {}): AthenaMergeOptions => ({
  client: new AthenaClient({ region: 'eu-west-1' }),
  target: { workGroup: 'sales-dev', database: 'sales_dev' },
  lake: 's3://sales-dev-lake-123456789012-eu-west-1/',
  mode: 'incremental',
  runId: 'merge-20261206T150500Z',
  readUntil: '2026-12-06T15:05:00.000Z',
  latenessSeconds: 25_200,
  signal: new AbortController().signal,
  onProgress: () => undefined,
  pollDelays: { firstMs: 1, maxMs: 1 },
  sleep: async (ms) => {
    slept.push(ms);
  },
  ...overrides,
});

beforeEach(() => {
  athena.reset();
  sent = [];
  slept = [];
});

describe('mergeOnAthena', () => {
  test('sends exactly the golden statements: an incremental run (its window query first), then a rebuild', async () => {
    arrange(WINDOW);
    const incremental = await mergeOnAthena(options());
    athena.reset();
    arrange(NO_WINDOW);
    const rebuild = await mergeOnAthena(options({ mode: 'rebuild', runId: 'merge-rebuild-20261206T150500Z' }));

    const names = [
      ...['merge_window', ...incremental.statements.map((s) => s.name)].map((name) => `incremental run, ${name}`),
      ...rebuild.statements.map((s) => `--rebuild run, ${s.name}`),
    ];
    const label = (index: number): string => names[index] ?? 'unexpected';
    const text = sent.map((input, index) => `-- ${index + 1}. ${label(index)}\n${input.QueryString};\n`).join('\n');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text);

    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
    expect(incremental.window).toEqual({ year: '2026', month: '12', day: '06', hour: '08' });
    expect(incremental.statements.map((s) => [s.name, s.state, s.attempts, s.dataScannedBytes])).toEqual([
      ['record_tombstones', 'committed', 1, 48_213_377],
      ['merge_current', 'committed', 1, 48_213_377],
      ['expire_tombstones', 'committed', 1, 48_213_377],
      ['record_run', 'committed', 1, 48_213_377],
    ]);
    expect(rebuild).toMatchObject({ window: null, wholeLog: 'rebuild', rows: null });
    for (const input of sent) {
      expect(input).toMatchObject({ WorkGroup: 'sales-dev', QueryExecutionContext: { Database: 'sales_dev' } });
      expect(Buffer.byteLength(input.QueryString ?? '')).toBeLessThan(MAX_QUERY_BYTES);
    }
  });

  test('every MERGE keeps to the Athena MERGE INTO documentation', () => {
    // https://docs.aws.amazon.com/athena/latest/ug/merge-into-statement.html: Iceberg tables only (engine version 3);
    // "A user error is raised when a single target table row matches more than one source row"; INSERT columns not
    // prefixed, VALUES prefixed by the source alias; UPDATE SET column = expression.
    const statements = readFileSync(GOLDEN, 'utf8')
      .split(/^-- \d+\. /m)
      .filter((block) => block.trim() !== '')
      .map((block) => ({ label: block.split('\n')[0] ?? '', sql: block.split('\n').slice(1).join(' ').trim() }));
    const iceberg = [CURRENT_TABLE_NAME, TOMBSTONE_TABLE_NAME, MERGE_LOG_TABLE_NAME].map((t) => `"sales_dev"."${t}"`);
    const merges = statements.filter((s) => s.sql.startsWith('MERGE INTO'));
    expect(merges.map((s) => s.label)).toEqual([
      'incremental run, record_tombstones',
      'incremental run, merge_current',
      'incremental run, record_run',
      '--rebuild run, record_tombstones',
      '--rebuild run, merge_current',
      '--rebuild run, delete_orphans',
      '--rebuild run, record_run',
    ]);
    for (const { sql } of merges) {
      const target = /^MERGE INTO ("[a-z_]+"\."[a-z_]+") AS "t" USING \(/.exec(sql)?.[1];
      expect(iceberg).toContain(target);
      expect(sql).not.toMatch(/\bQUALIFY\b/);
      for (const insert of sql.matchAll(/THEN INSERT \(([^)]*)\) VALUES \(([^)]*)\)/g)) {
        expect(insert[1]).not.toContain('"s".');
        expect(insert[2]?.split(', ').every((value) => value.startsWith('"s".'))).toBe(true);
      }
      for (const update of sql.matchAll(/THEN UPDATE SET (.*?)(?= WHEN |$)/g))
        for (const assignment of update[1]?.split(', ') ?? [])
          expect(assignment).toMatch(/^"[a-z_]+" = "s"\."[a-z_]+"$/);
    }
    // One source row per target row: each source is one row per order_id (or per run_id).
    const source = (label: string) => merges.find((s) => s.label === label)?.sql ?? '';
    expect(source('incremental run, merge_current')).toContain(
      'row_number() OVER (PARTITION BY "order_id" ORDER BY "cdc_sort_key" DESC, "cdc_event_id" DESC)',
    );
    expect(source('incremental run, merge_current')).toContain('WHERE "change_rank" = 1');
    expect(source('incremental run, record_tombstones')).toContain('GROUP BY "order_id"');
    expect(source('--rebuild run, delete_orphans')).toContain('SELECT DISTINCT "order_id"');
    expect(source('incremental run, record_run')).toMatch(/USING \(SELECT '[^']+' AS "run_id", /);
    expect(statements.filter((s) => s.sql.startsWith('DELETE FROM')).map((s) => s.sql)).toEqual([
      `DELETE FROM "sales_dev"."orders_current_tombstones" WHERE "cdc_event_time" < ` +
        `to_iso8601(date_add('second', -86400, from_iso8601_timestamp('2026-12-06T08:00:00Z')));`,
    ]);
  });

  test('a NULL window (no merge has succeeded yet) makes a whole-log first load, and says so', async () => {
    arrange(NO_WINDOW);

    const report = await mergeOnAthena(options());

    expect(report).toMatchObject({ window: null, wholeLog: 'first-merge' });
    expect(report.statements.map((s) => s.name)).toEqual(['record_tombstones', 'merge_current', 'record_run']);
    expect(report.notDone[0]).toContain('first load reads the whole change log');
  });

  test.each([
    ['an Iceberg commit conflict', 'get-query-execution-failed-iceberg-commit'],
    ['a failure Athena marks retryable', 'get-query-execution-failed-retryable'],
  ])('starts a statement again after %s, with backoff and a new request token', async (_, failure) => {
    // Start 3 is merge_current: it fails twice, then succeeds.
    arrange(WINDOW, { 3: event(failure), 4: event(failure) });

    const report = await mergeOnAthena(options());

    expect(report.statements.find((s) => s.name === 'merge_current')).toMatchObject({
      state: 'committed',
      attempts: 3,
    });
    expect(slept.filter((ms) => ms >= 1000)).toEqual([2000, 4000]);
    const merges = sent.filter((input) => input.QueryString?.startsWith('MERGE INTO "sales_dev"."orders_current" '));
    expect(merges).toHaveLength(3);
    expect(new Set(merges.map((input) => input.QueryString)).size).toBe(1);
    expect(new Set(merges.map((input) => input.ClientRequestToken)).size).toBe(3);
  });

  test('stops at a statement that fails for good, naming it and what committed before it', async () => {
    arrange(WINDOW, { 3: event('get-query-execution-failed-multiple-matches') });

    const failed = await mergeOnAthena(options()).catch((error: unknown) => error);

    expect(failed).toBeInstanceOf(MergeRunError);
    expect((failed as Error).message).toMatch(
      /^merge_current failed after 1 attempt\(s\): Athena query q-3 FAILED: MERGE_TARGET_ROW_MULTIPLE_MATCHES: .*; committed before it: record_tombstones; every statement is idempotent: run the merge again$/,
    );
    expect((failed as MergeRunError).report.statements.map((s) => [s.name, s.state])).toEqual([
      ['record_tombstones', 'committed'],
      ['merge_current', 'failed'],
      ['expire_tombstones', 'not-run'],
      ['record_run', 'not-run'],
    ]);
    expect(sent).toHaveLength(3);
  });

  test('gives up after the attempts the policy allows', async () => {
    const conflict = event<GetQueryExecutionOutput>('get-query-execution-failed-iceberg-commit');
    arrange(WINDOW, { 2: conflict, 3: conflict });

    const failed = await mergeOnAthena(options({ retry: { attempts: 2, firstDelayMs: 10, maxDelayMs: 10 } })).catch(
      (error: unknown) => error,
    );

    expect((failed as Error).message).toMatch(/^record_tombstones failed after 2 attempt\(s\): .*ICEBERG_COMMIT_ERROR/);
    expect((failed as MergeRunError).report.statements.every((s) => s.state !== 'committed')).toBe(true);
  });
});
