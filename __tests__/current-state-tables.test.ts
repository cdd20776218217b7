import 'cdktf/lib/testing/adapters/jest';
import { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import type { Testing } from 'cdktf';
import {
  CURRENT_COLUMNS,
  CURRENT_STATE_PREFIX,
  CURRENT_TABLE_NAME,
  MERGE_LOG_COLUMNS,
  MERGE_LOG_TABLE_NAME,
  TOMBSTONE_COLUMNS,
  TOMBSTONE_TABLE_NAME,
} from '@sales/pipeline-spec';
import { CurrentStateTables } from '../constructs/current-state/current-state-tables';
import { SecureBucket } from '../constructs/data-path/secure-bucket';
import { TEST_KEY_ARN } from './helpers/context';
import { synthChecked } from './helpers/synth-checked';

type Table = Record<string, any>;
const build = (scope: Parameters<Parameters<typeof Testing.synthScope>[0]>[0]) => {
  const bucket = new SecureBucket(scope, 'Lake', { bucketName: 'lake', kmsKeyArn: TEST_KEY_ARN }).bucket;
  const database = new GlueCatalogDatabase(scope, 'Database', { name: 'sales_test' });
  return new CurrentStateTables(scope, 'Tables', { database, bucket });
};

describe('CurrentStateTables', () => {
  const tables = Object.values(
    JSON.parse(synthChecked((stack) => build(stack))).resource.aws_glue_catalog_table,
  ) as Table[];
  const byName = (name: string) => tables.find((t) => t['name'] === name)!;

  test('Test default behaviors: three Iceberg v2 tables, each in its own folder under current/', () => {
    expect(tables.map((t) => t['name']).sort()).toEqual([
      CURRENT_TABLE_NAME,
      MERGE_LOG_TABLE_NAME,
      TOMBSTONE_TABLE_NAME,
    ]);
    for (const table of tables) {
      expect(table).toMatchObject({
        table_type: 'EXTERNAL_TABLE',
        database_name: '${aws_glue_catalog_database.Database.name}',
        open_table_format_input: { iceberg_input: { metadata_operation: 'CREATE', version: '2' } },
      });
      expect(table['storage_descriptor']['location']).toMatch(
        new RegExp(
          `^s3://\\$\\{aws_s3_bucket\\.Lake_Bucket_[A-F0-9]+\\.bucket\\}/${CURRENT_STATE_PREFIX}${table['name']}\\.iceberg/$`,
        ),
      );
    }
  });

  test.each([
    [CURRENT_TABLE_NAME, CURRENT_COLUMNS],
    [TOMBSTONE_TABLE_NAME, TOMBSTONE_COLUMNS],
    [MERGE_LOG_TABLE_NAME, MERGE_LOG_COLUMNS],
  ])('declares %s with the spec columns and types, money as decimal', (name, columns) => {
    const declared = byName(name)['storage_descriptor']['columns'] as Table[];
    expect(declared.map(({ name, type }) => ({ name, type }))).toEqual(
      columns.map(({ name, type }) => ({ name, type })),
    );
  });

  test('keeps money exact in orders_current: every amount is decimal, none double', () => {
    const types = Object.fromEntries(
      (byName(CURRENT_TABLE_NAME)['storage_descriptor']['columns'] as Table[]).map((c) => [c['name'], c['type']]),
    );
    for (const money of ['subtotal', 'tax', 'shipping', 'total']) expect(types[money]).toMatch(/^decimal\(\d+,\d+\)$/);
    expect(JSON.stringify(types)).not.toContain('double');
  });

  test('leaves schema and parameters to Iceberg after the create, so plans after a merge propose nothing', () => {
    for (const table of tables)
      expect(table['lifecycle']).toEqual({ ignore_changes: ['parameters', 'storage_descriptor'] });
  });

  test('passes the Iceberg location rules of the policy aspect', () => {
    expect(() => synthChecked((stack) => build(stack))).not.toThrow();
  });
});
