import 'cdktf/lib/testing/adapters/jest';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { ORDER_TABLE_SCHEMA } from '@sales/pipeline-spec';
import { Testing } from 'cdktf';
import { SalesTable } from '../constructs/data-path/sales-table';
import { TEST_KEY_ARN } from './helpers/context';

describe('SalesTable', () => {
  test('Test default behaviors: on demand, order_id key, both images streamed, PITR, CMK, TTL', () => {
    const synthesized = Testing.synthScope(
      (scope) => new SalesTable(scope, 'Table', { tableName: 'orders', kmsKeyArn: TEST_KEY_ARN }),
    );
    expect(synthesized).toHaveResourceWithProperties(DynamodbTable, {
      name: 'orders',
      billing_mode: 'PAY_PER_REQUEST',
      hash_key: 'order_id',
      attribute: [{ name: 'order_id', type: 'S' }],
      stream_enabled: true,
      stream_view_type: 'NEW_AND_OLD_IMAGES',
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true, kms_key_arn: TEST_KEY_ARN },
      ttl: { enabled: true, attribute_name: 'expires_at' },
      deletion_protection_enabled: false,
    });
  });

  test('takes the key schema from @sales/pipeline-spec', () => {
    const synthesized = JSON.parse(
      Testing.synthScope((scope) => new SalesTable(scope, 'Table', { tableName: 'orders', kmsKeyArn: TEST_KEY_ARN })),
    );
    const table = Object.values(synthesized.resource.aws_dynamodb_table)[0] as Record<string, unknown>;
    expect(table['hash_key']).toBe(ORDER_TABLE_SCHEMA.partitionKey.name);
    expect(table['ttl']).toEqual({ enabled: true, attribute_name: ORDER_TABLE_SCHEMA.ttlAttribute });
    expect(table['range_key']).toBeUndefined();
  });

  test('turns on deletion protection when asked', () => {
    const synthesized = Testing.synthScope(
      (scope) =>
        new SalesTable(scope, 'Table', { tableName: 'orders', kmsKeyArn: TEST_KEY_ARN, deletionProtection: true }),
    );
    expect(synthesized).toHaveResourceWithProperties(DynamodbTable, { deletion_protection_enabled: true });
  });

  test('sets capacity only with provisioned billing', () => {
    const synthesized = Testing.synthScope(
      (scope) =>
        new SalesTable(scope, 'Table', {
          tableName: 'orders',
          kmsKeyArn: TEST_KEY_ARN,
          billingMode: 'PROVISIONED',
          readCapacity: 5,
          writeCapacity: 10,
        }),
    );
    expect(synthesized).toHaveResourceWithProperties(DynamodbTable, {
      billing_mode: 'PROVISIONED',
      read_capacity: 5,
      write_capacity: 10,
    });
  });

  test('rejects provisioned billing without capacity', () => {
    expect(() =>
      Testing.synthScope(
        (scope) =>
          new SalesTable(scope, 'Table', { tableName: 'orders', kmsKeyArn: TEST_KEY_ARN, billingMode: 'PROVISIONED' }),
      ),
    ).toThrow('readCapacity must be a whole number of at least 1 with PROVISIONED billing, received undefined');
  });
});
