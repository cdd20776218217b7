import 'cdktf/lib/testing/adapters/jest';
import { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import {
  CURRENT_TABLE_NAME,
  MERGE_LOG_TABLE_NAME,
  TABLE_OPTIMIZER_LOG_GROUPS,
  TABLE_OPTIMIZER_SETTINGS,
  TOMBSTONE_TABLE_NAME,
} from '@sales/pipeline-spec';
import { CurrentStateTables } from '../constructs/current-state/current-state-tables';
import { orphanDeletionIsSafe, TableMaintenance } from '../constructs/current-state/table-maintenance';
import { SecureBucket } from '../constructs/data-path/secure-bucket';
import { TEST_AWS, TEST_KEY_ARN, roleStatements } from './helpers/context';
import { synthChecked } from './helpers/synth-checked';

const NAMES = [CURRENT_TABLE_NAME, TOMBSTONE_TABLE_NAME, MERGE_LOG_TABLE_NAME];

describe('TableMaintenance', () => {
  const synthesized = synthChecked((stack) => {
    const bucket = new SecureBucket(stack, 'Lake', { bucketName: 'lake', kmsKeyArn: TEST_KEY_ARN }).bucket;
    const database = new GlueCatalogDatabase(stack, 'Database', { name: 'sales_test' });
    const tables = new CurrentStateTables(stack, 'Tables', { database, bucket });
    new TableMaintenance(stack, 'Maintenance', {
      baseName: 'sales-test',
      aws: TEST_AWS,
      kmsKeyArn: TEST_KEY_ARN,
      lakeBucketArn: bucket.arn,
      database,
      tables: [
        { id: 'Current', table: tables.current, name: CURRENT_TABLE_NAME },
        { id: 'Tombstones', table: tables.tombstones, name: TOMBSTONE_TABLE_NAME },
        { id: 'MergeLog', table: tables.mergeLog, name: MERGE_LOG_TABLE_NAME },
      ],
    });
  });
  const optimizers = Object.values(JSON.parse(synthesized).resource.aws_glue_catalog_table_optimizer) as Array<
    Record<string, any>
  >;
  const byTable = (id: string) =>
    optimizers
      .filter((o) => o['table_name'].includes(`Tables_${id}_`))
      .map((o) => o['type'])
      .sort();

  test('Test default behaviors: compaction and snapshot retention on every table, enabled, with one role', () => {
    for (const id of ['Current', 'Tombstones', 'MergeLog'])
      expect(byTable(id)).toEqual(expect.arrayContaining(['compaction', 'retention']));
    for (const optimizer of optimizers) {
      expect(optimizer['configuration'][0]).toMatchObject({
        enabled: true,
        role_arn: expect.stringMatching(/^\$\{aws_iam_role\.Maintenance_Role_[A-F0-9]+\.arn\}$/),
      });
      expect(optimizer['catalog_id']).toBe('123456789012');
      expect(optimizer['depends_on']).toEqual([
        expect.stringMatching(/^aws_iam_role_policy\.Maintenance_Role_Policy_/),
      ]);
    }
  });

  test('keeps one day of snapshots and deletes orphans older than three days, above any commit delay', () => {
    const retention = optimizers.filter((o) => o['type'] === 'retention');
    for (const o of retention)
      expect(o['configuration'][0]['retention_configuration'][0]['iceberg_configuration'][0]).toEqual({
        snapshot_retention_period_in_days: TABLE_OPTIMIZER_SETTINGS.snapshotRetentionPeriodInDays,
      });
    const orphans = optimizers.filter((o) => o['type'] === 'orphan_file_deletion');
    for (const o of orphans)
      expect(o['configuration'][0]['orphan_file_deletion_configuration'][0]['iceberg_configuration'][0]).toEqual({
        orphan_file_retention_period_in_days: 3,
      });
    // Athena's DML timeout is 30 minutes unless raised: far below a day.
    expect(TABLE_OPTIMIZER_SETTINGS.orphanFileRetentionPeriodInDays * 24 * 60).toBeGreaterThan(30);
  });

  test('runs orphan-file deletion on every table, since no table folder starts another', () => {
    expect(byTable('Current')).toEqual(['compaction', 'orphan_file_deletion', 'retention']);
    expect(byTable('Tombstones')).toEqual(['compaction', 'orphan_file_deletion', 'retention']);
    expect(byTable('MergeLog')).toEqual(['compaction', 'orphan_file_deletion', 'retention']);
    expect(NAMES.map((name) => orphanDeletionIsSafe(name, NAMES))).toEqual([true, true, true]);
    expect(orphanDeletionIsSafe('a', ['a', 'b'])).toBe(true);
  });

  test('trusts Glue as the crawler role does, and reaches the three tables, current/ and the key through S3 only', () => {
    const role = Object.values(JSON.parse(synthesized).resource.aws_iam_role)[0] as {
      name: string;
      assume_role_policy: string;
    };
    expect(role.name).toBe('sales-test-table-optimizer');
    expect(JSON.parse(role.assume_role_policy).Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Service: 'glue.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
    const statements = roleStatements(synthesized, 'sales-test-table-optimizer');
    const of = (sid: string) => statements.find((s) => s.Sid === sid)!;
    expect(of('UpdateTables').Action).toEqual(['glue:GetTable', 'glue:UpdateTable']);
    expect(of('UpdateTables').Resource).toHaveLength(5);
    expect(of('ReadWriteTableFiles').Resource).toEqual([expect.stringMatching(/\/current\/\*$/)]);
    expect(of('UsePipelineKey').Condition).toEqual({
      StringEquals: { 'kms:ViaService': ['s3.eu-west-1.amazonaws.com'] },
    });
    expect(of('WriteOptimizerLogs').Resource).toHaveLength(2 * TABLE_OPTIMIZER_LOG_GROUPS.length);
  });
});
