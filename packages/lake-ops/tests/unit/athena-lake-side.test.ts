/**
 * The Athena lake side's scratch handling against an S3 mock: its rows go to the run's two partition folders under
 * `reconcile/`, the engine reads exactly those partitions, and closing deletes every object written, reporting any
 * it could not delete.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { newRunId, openAthenaLakeSide } from '../../src/reconcile/athena-lake-side';
import { chunkKeys } from '../../src/reconcile/find-drift';

const s3 = mockClient(S3Client);

beforeEach(() => s3.reset());

const side = () =>
  openAthenaLakeSide({
    athena: new AthenaClient({ region: 'eu-west-1' }),
    s3: new S3Client({ region: 'eu-west-1' }),
    bucket: 'sales-dev-lake',
    workGroup: 'sales-dev',
    database: 'sales_dev',
    run: newRunId(1_764_568_800_000),
    signal: new AbortController().signal,
  });

describe('the Athena lake side', () => {
  test('reads the change-lines table and the run partitions of reconcile_rows', () => {
    const athena = side();

    expect(athena.lakeRows()).toBe('"sales_dev"."order_change_lines"');
    expect(athena.tableRows.location()).toBe(
      `(SELECT "json" FROM "sales_dev"."reconcile_rows" WHERE "run" = 'r-1764568800000000-table')`,
    );
    expect(athena.recheckRows.location()).toBe(
      `(SELECT "json" FROM "sales_dev"."reconcile_rows" WHERE "run" = 'r-1764568800000000-recheck')`,
    );
    expect(athena.engine.dialect.name).toBe('athena');
  });

  test('writes scratch rows under reconcile/<run>-table/ and -recheck/, and deletes exactly those', async () => {
    s3.on(PutObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    const athena = side();

    await athena.tableRows.store.write('s0-p0.json.gz', Buffer.from('a'));
    await athena.tableRows.store.write('s1-p0.json.gz', Buffer.from('b'));
    await athena.recheckRows.store.write('recheck.json.gz', Buffer.from('c'));
    const left = await athena.close();

    const keys = (command: typeof PutObjectCommand | typeof DeleteObjectCommand) =>
      s3.commandCalls(command).map((call) => `${call.args[0].input.Bucket}/${call.args[0].input.Key}`);
    expect(keys(PutObjectCommand)).toEqual([
      'sales-dev-lake/reconcile/r-1764568800000000-table/s0-p0.json.gz',
      'sales-dev-lake/reconcile/r-1764568800000000-table/s1-p0.json.gz',
      'sales-dev-lake/reconcile/r-1764568800000000-recheck/recheck.json.gz',
    ]);
    expect(keys(DeleteObjectCommand).sort()).toEqual(keys(PutObjectCommand).sort());
    expect(left).toEqual([]);
  });

  test('an object it cannot delete is reported, and the others are still deleted', async () => {
    s3.on(PutObjectCommand).resolves({});
    s3.on(DeleteObjectCommand)
      .resolves({})
      .on(DeleteObjectCommand, { Key: 'reconcile/r-1764568800000000-table/s0-p0.json.gz' })
      .rejects(new Error('AccessDenied'));
    const athena = side();
    await athena.tableRows.store.write('s0-p0.json.gz', Buffer.from('a'));
    await athena.recheckRows.store.write('recheck.json.gz', Buffer.from('c'));

    const left = await athena.close();

    expect(left).toEqual(['s3://sales-dev-lake/reconcile/r-1764568800000000-table/s0-p0.json.gz: Error: AccessDenied']);
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(2);
  });
});

describe('chunkKeys', () => {
  test.each([
    [[], 100, []],
    [['o-1', 'o-2', 'o-3'], 14, [['o-1', 'o-2'], ['o-3']]],
    [['o-1', 'a-much-longer-key'], 10, [['o-1'], ['a-much-longer-key']]],
  ])('%j in lists of %i characters -> %j', (keys, limit, expected) => {
    expect(chunkKeys(keys, limit)).toEqual(expected);
  });

  test('keeps every key once, in order, and each list within the limit', () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `o-${String(i).padStart(6, '0')}`);
    const chunks = chunkKeys(keys);
    expect(chunks.flat()).toEqual(keys);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.reduce((sum, k) => sum + k.length + 4, 0)).toBeLessThanOrEqual(100_000);
  });
});
