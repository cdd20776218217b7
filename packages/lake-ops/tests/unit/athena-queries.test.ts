/**
 * Every query one reconcile sends to Athena, exactly as sent, against the golden text
 * `tests/fixtures/athena-reconcile-queries.sql` (`--against log`) and `athena-reconcile-current-queries.sql`
 * (`--against current`: the Iceberg tables `orders_current` and its tombstones), so a reviewer reads the SQL Athena runs. The run is the real
 * orchestration on the real Athena lake side, with DynamoDB, S3 and Athena mocked at the SDK level: Athena answers
 * canned rows, because what is checked here is the text sent, not the drift found (the same orchestration finds
 * planted drift with an evaluating engine in `reconcile-bucket-side.test.ts`). The Athena SQL is verified by this
 * text and the Trino documentation only; it is not executed here.
 *
 * After an intended change of the SQL: `UPDATE_GOLDEN=1 npx jest packages/lake-ops/tests/unit/athena-queries.test.ts`.
 */
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  type GetQueryResultsOutput,
} from '@aws-sdk/client-athena';
import { BatchGetItemCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newRunId, openAthenaLakeSide } from '../../src/reconcile/athena-lake-side';
import { MAX_QUERY_BYTES } from '../../src/athena/run-athena-query';
import { S3LakeStore } from '../../src/lake/s3-lake-store';
import { reconcileOn } from '../../src/reconcile/reconcile';
import { orderItem } from '../support/orders-table';
import { changeLine } from '../support/lake-changes';

/** The golden text of each side reconcile judges against: the change log, and `orders_current`. */
const GOLDEN = {
  log: join(__dirname, '..', 'fixtures', 'athena-reconcile-queries.sql'),
  current: join(__dirname, '..', 'fixtures', 'athena-reconcile-current-queries.sql'),
} as const;
const NOW_MS = 1_764_568_800_000; // 2025-12-01T06:00:00Z
const ROW_MEMBERS = Object.keys(JSON.parse(changeLine('insert', orderItem(1), NOW_MS * 1000)) as object);

const athena = mockClient(AthenaClient);
const dynamodb = mockClient(DynamoDBClient);
const s3 = mockClient(S3Client);

/** A GetQueryResults page: the header row, then the rows, every value as text. */
function resultsOf(columns: readonly string[], rows: readonly (readonly string[])[]): GetQueryResultsOutput {
  return {
    ResultSet: {
      ResultSetMetadata: { ColumnInfo: columns.map((name) => ({ Name: name, Label: name, Type: 'varchar' })) },
      Rows: [columns, ...rows].map((values) => ({ Data: values.map((value) => ({ VarCharValue: value })) })),
    },
  };
}

/** What Athena answers each kind of query, and the label the golden text gives it. */
function answer(sql: string): { label: string; page: GetQueryResultsOutput } {
  if (sql.includes('"orders_current_merges"'))
    return {
      label: "the last merge of orders_current, from its merge log (the report's judged-against line)",
      page: resultsOf(['run_id', 'read_until'], [['merge-7', '2025-12-01T05:55:00.000Z']]),
    };
  if (sql.includes('map_keys'))
    return {
      label: sql.includes('order_change_lines')
        ? "member names of the lake's rows (runs while the Scan reads the table)"
        : "member names of the table side's rows",
      page: resultsOf(
        ['name'],
        ROW_MEMBERS.map((name) => [name]),
      ),
    };
  if (sql.includes("'lake' AS side"))
    return {
      label: 'stage 1: key count and checksum per bucket and side (one lake scan)',
      page: resultsOf(
        ['side', 'bucket', 'keys', 'checksum'],
        [
          ['lake', '17', '2', '5826197415'],
          ['table', '17', '2', '6120844290'],
        ],
      ),
    };
  const drift = resultsOf(
    ['order_id', 'kind', 'columns', 'status', 'lake_sort_key', 'fence_sort_key'],
    [
      [
        'o-000003',
        'value_mismatch',
        'status',
        'judged',
        '1764560000000000-0000000000000000000000000000000000000007',
        '1764568500000000-0000000000000000000000000000000000000000',
      ],
    ],
  );
  if (sql.includes(') IN (17)'))
    return { label: 'stage 2: drift per key in the differing buckets (one lake scan per group)', page: drift };
  return { label: 'stage 3: the re-read keys against the lake as it is now (one lake scan)', page: drift };
}

test.each(['log', 'current'] as const)(
  'reconcile --against %s sends Athena exactly the golden queries',
  async (against) => {
    // Arrange: a table of two orders; o-000003 differs in stage 2 and still differs after the re-read.
    jest.spyOn(Date, 'now').mockReturnValue(NOW_MS);
    const items = [orderItem(2), orderItem(3)];
    dynamodb.on(ScanCommand).resolves({ Items: items });
    dynamodb.on(BatchGetItemCommand).resolves({ Responses: { orders: [orderItem(3)] } });
    s3.on(PutObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    const sent: string[] = [];
    athena.on(StartQueryExecutionCommand).callsFake((input: { QueryString: string }) => {
      sent.push(input.QueryString);
      return { QueryExecutionId: `q-${sent.length}` };
    });
    athena.on(GetQueryExecutionCommand).resolves({ QueryExecution: { Status: { State: 'SUCCEEDED' } } });
    athena
      .on(GetQueryResultsCommand)
      .callsFake(
        (input: { QueryExecutionId: string }) => answer(sent[Number(input.QueryExecutionId.slice(2)) - 1] ?? '').page,
      );
    const signal = new AbortController().signal;
    const side = openAthenaLakeSide({
      athena: new AthenaClient({ region: 'eu-west-1' }),
      s3: new S3Client({ region: 'eu-west-1' }),
      bucket: 'sales-dev-lake',
      workGroup: 'sales-dev',
      database: 'sales_dev',
      run: newRunId(NOW_MS),
      signal,
      against,
    });

    // Act
    const result = await reconcileOn(side, {
      client: new DynamoDBClient({ region: 'eu-west-1' }),
      lake: new S3LakeStore(new S3Client({ region: 'eu-west-1' }), 'sales-dev-lake', ''),
      table: 'orders',
      keyName: 'order_id',
      segments: 1,
      fenceMargin: { seconds: 300, reason: 'set with --fence-margin-seconds' },
      buckets: 4096,
      repair: false,
      signal,
      onProgress: () => undefined,
    });
    const left = await side.close();
    const text = sent.map((sql, index) => `-- ${index + 1}. ${answer(sql).label}\n${sql};\n`).join('\n');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN[against], text);

    // Assert
    expect(result.drift).toEqual([{ order_id: 'o-000003', kind: 'value_mismatch', columns: ['status'] }]);
    expect(text).toBe(readFileSync(GOLDEN[against], 'utf8'));
    expect(result.against).toBe(against);
    expect(result.last_merge).toEqual(
      against === 'current' ? { run_id: 'merge-7', read_until: '2025-12-01T05:55:00.000Z' } : null,
    );
    // Against orders_current its declared columns are known: no member-name query of the lake, one of its merge log.
    expect(sent).toHaveLength(5);
    for (const sql of sent) expect(Buffer.byteLength(sql)).toBeLessThan(MAX_QUERY_BYTES);
    expect(left).toEqual([]);
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(s3.commandCalls(PutObjectCommand).length);
  },
);
