import { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import { GlueCatalogTableOptimizer } from '@cdktf/provider-aws/lib/glue-catalog-table-optimizer';
import type { TerraformStack } from 'cdktf';
import { CURRENT_STATE_PREFIX, loadConfig } from '@sales/pipeline-spec';
import {
  icebergLifecycleViolations,
  icebergLocationViolations,
  tableOptimizerViolations,
} from '../constructs/security/iceberg-rules';
import { lakeLifecycleRules } from '../constructs/data-path/lake-lifecycle';
import { SecureBucket } from '../constructs/data-path/secure-bucket';
import { TEST_KEY_ARN } from './helpers/context';
import { synthChecked } from './helpers/synth-checked';

const iceberg = (name: string, location: string) => ({
  name,
  open_table_format_input: { iceberg_input: { metadata_operation: 'CREATE', version: '2' } },
  storage_descriptor: { location },
});
const hive = (name: string, location: string) => ({ name, storage_descriptor: { location } });

describe('Iceberg locations', () => {
  test.each([
    ['the same location', 's3://b/current/t/', 's3://b/current/t'],
    ['a location inside it', 's3://b/current/t/', 's3://b/current/t/inner/'],
    ['a location around it', 's3://b/current/t/', 's3://b/current/'],
  ])('refuses an Iceberg table sharing %s with another table', (_case, location, other) => {
    expect(icebergLocationViolations(iceberg('t', location), [hive('u', other)])).toEqual([
      expect.stringMatching(
        /^Iceberg table "t" at .* overlaps table "u" at .*: each Iceberg table needs a location of its own/,
      ),
    ]);
  });

  test('accepts sibling folders, even when one name starts with the other', () => {
    const current = iceberg('orders_current', 's3://b/current/orders_current/');
    expect(
      icebergLocationViolations(current, [
        iceberg('orders_current_tombstones', 's3://b/current/orders_current_tombstones/'),
      ]),
    ).toEqual([]);
  });

  test('judges only Iceberg tables: two Hive tables over sales/ are fine', () => {
    expect(
      icebergLocationViolations(hive('order_changes', 's3://b/sales/'), [hive('order_change_lines', 's3://b/sales/')]),
    ).toEqual([]);
  });
});

describe('table optimizers', () => {
  const current = iceberg('orders_current', 's3://b/current/orders_current/');
  const tombstones = iceberg('orders_current_tombstones', 's3://b/current/orders_current_tombstones/');

  test('refuse a table that is not Iceberg', () => {
    expect(
      tableOptimizerViolations(
        { type: 'compaction', table_name: 'order_changes' },
        hive('order_changes', 's3://b/sales/'),
        [],
      ),
    ).toEqual([expect.stringContaining('needs an Iceberg table')]);
  });

  test('refuse orphan-file deletion whose listing would reach a sibling table, and allow the other types', () => {
    expect(tableOptimizerViolations({ type: 'orphan_file_deletion' }, current, [tombstones])).toEqual([
      expect.stringContaining(
        'would list s3://b/current/orders_current*, which holds table "orders_current_tombstones"',
      ),
    ]);
    expect(tableOptimizerViolations({ type: 'retention' }, current, [tombstones])).toEqual([]);
    expect(tableOptimizerViolations({ type: 'orphan_file_deletion' }, tombstones, [current])).toEqual([]);
  });
});

describe('lifecycle rules over Iceberg tables', () => {
  const tables = ['current/orders_current/'];
  test.each([
    ['expires the whole bucket', { id: 'all', filter: [{}], expiration: [{ days: 30 }] }],
    ['expires current/', { id: 'c', filter: [{ prefix: 'current/' }], expiration: [{ days: 30 }] }],
    [
      'archives the table',
      {
        id: 't',
        filter: [{ and: [{ prefix: 'current/orders_current/data/' }] }],
        transition: [{ days: 90, storage_class: 'GLACIER' }],
      },
    ],
  ])('refuse a rule that %s', (_case, rule) => {
    expect(icebergLifecycleViolations({ rule: [rule] }, tables)).toEqual([
      expect.stringContaining(
        'reaches the Iceberg table under current/orders_current/: Iceberg must expire its own files',
      ),
    ]);
  });

  test('allow rules elsewhere, and the expiry of noncurrent versions anywhere', () => {
    const rules = lakeLifecycleRules(loadConfig('dev', {}));
    const synthesized = rules.map((r) => ({
      id: r.id,
      filter: r.filter,
      expiration: r.expiration,
      noncurrent_version_expiration: r.noncurrentVersionExpiration,
    }));
    expect(icebergLifecycleViolations({ rule: synthesized }, tables)).toEqual([]);
  });

  test('the lake lifecycle never expires or moves anything under current/', () => {
    const removing = lakeLifecycleRules(loadConfig('prod', {})).filter((r) => r.expiration ?? r.transition);
    expect(removing.length).toBeGreaterThan(0);
    for (const rule of removing) {
      const prefix = (rule.filter as Array<{ prefix?: string }>)[0]?.prefix ?? '';
      expect([rule.id, CURRENT_STATE_PREFIX.startsWith(prefix) || prefix.startsWith(CURRENT_STATE_PREFIX)]).toEqual([
        rule.id,
        false,
      ]);
    }
  });
});

describe('the policy aspect', () => {
  const lakeWithTable = (stack: TerraformStack, lifecycle: boolean) => {
    const bucket = new SecureBucket(stack, 'Lake', {
      bucketName: 'lake',
      kmsKeyArn: TEST_KEY_ARN,
      ...(lifecycle
        ? { lifecycleRules: [{ id: 'expire-all', status: 'Enabled', filter: [{}], expiration: [{ days: 30 }] }] }
        : {}),
    }).bucket;
    const database = new GlueCatalogDatabase(stack, 'Database', { name: 'sales_test' });
    const table = (id: string, name: string, openTableFormat: boolean) =>
      new GlueCatalogTable(stack, id, {
        name,
        databaseName: database.name,
        ...(openTableFormat
          ? { openTableFormatInput: { icebergInput: { metadataOperation: 'CREATE', version: '2' } } }
          : {}),
        storageDescriptor: { location: `s3://${bucket.bucket}/current/${name}/` },
      });
    return { database, table };
  };

  test('refuses a lifecycle rule that would expire an Iceberg table of its bucket', () => {
    expect(() => synthChecked((stack) => lakeWithTable(stack, true).table('Current', 'orders_current', true))).toThrow(
      /\[checked\/Lake\/Lifecycle\] lifecycle rule "expire-all" \(expiration under ""\) reaches the Iceberg table under current\/orders_current\//,
    );
  });

  test('refuses an orphan-file deletion that would reach a sibling table, naming the optimizer', () => {
    expect(() =>
      synthChecked((stack) => {
        const { database, table } = lakeWithTable(stack, false);
        const current = table('Current', 'orders_current', true);
        table('Tombstones', 'orders_current_tombstones', true);
        new GlueCatalogTableOptimizer(stack, 'Orphans', {
          catalogId: '123456789012',
          databaseName: database.name,
          tableName: current.name,
          type: 'orphan_file_deletion',
          configuration: [{ enabled: true, roleArn: 'arn:aws:iam::123456789012:role/r' }],
        });
      }),
    ).toThrow(/\[checked\/Orphans\] orphan file deletion on table "orders_current"/);
  });

  test('refuses an optimizer on a table that is not Iceberg', () => {
    expect(() =>
      synthChecked((stack) => {
        const { database, table } = lakeWithTable(stack, false);
        const hiveTable = table('Hive', 'order_changes', false);
        new GlueCatalogTableOptimizer(stack, 'Compaction', {
          catalogId: '123456789012',
          databaseName: database.name,
          tableName: hiveTable.name,
          type: 'compaction',
          configuration: [{ enabled: true, roleArn: 'arn:aws:iam::123456789012:role/r' }],
        });
      }),
    ).toThrow(/\[checked\/Compaction\] the compaction optimizer of table .* needs an Iceberg table/);
  });
});
