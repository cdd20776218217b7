import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { ORDER_TABLE_SCHEMA } from '@sales/pipeline-spec';
import { Construct } from 'constructs';

/** DynamoDB billing modes. */
export type BillingMode = 'PAY_PER_REQUEST' | 'PROVISIONED';

/** Props for {@link SalesTable}. */
export interface SalesTableProps {
  /** Physical table name. */
  readonly tableName: string;
  /** KMS key ARN for server-side encryption (customer-managed key). */
  readonly kmsKeyArn: string;
  /**
   * Refuse `DeleteTable` until this is turned off.
   * @defaultValue false
   */
  readonly deletionProtection?: boolean;
  /**
   * Billing mode. With `PROVISIONED`, give {@link readCapacity} and {@link writeCapacity}.
   * @defaultValue 'PAY_PER_REQUEST'
   */
  readonly billingMode?: BillingMode;
  /** Read capacity units for `PROVISIONED`. Minimum 1. @defaultValue - none (on demand) */
  readonly readCapacity?: number;
  /** Write capacity units for `PROVISIONED`. Minimum 1. @defaultValue - none (on demand) */
  readonly writeCapacity?: number;
}

/**
 * The orders table: key schema from `@sales/pipeline-spec`, a `NEW_AND_OLD_IMAGES` stream that
 * feeds the pipe, point-in-time recovery, SSE with the pipeline key, and TTL on the schema's attribute.
 *
 * Changing the stream view type gives the stream a new ARN, which replaces the pipe.
 */
export class SalesTable extends Construct {
  /** The table; `streamArn` is the pipe's source. */
  readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: SalesTableProps) {
    super(scope, id);
    const billingMode = props.billingMode ?? 'PAY_PER_REQUEST';
    if (billingMode === 'PROVISIONED') {
      for (const [name, value] of [
        ['readCapacity', props.readCapacity],
        ['writeCapacity', props.writeCapacity],
      ] as const) {
        if (value === undefined || !Number.isInteger(value) || value < 1) {
          throw new Error(`${name} must be a whole number of at least 1 with PROVISIONED billing, received ${value}`);
        }
      }
    }
    const { partitionKey, ttlAttribute, streamViewType } = ORDER_TABLE_SCHEMA;
    this.table = new DynamodbTable(this, 'Table', {
      name: props.tableName,
      billingMode,
      ...(billingMode === 'PROVISIONED'
        ? { readCapacity: props.readCapacity, writeCapacity: props.writeCapacity }
        : {}),
      hashKey: partitionKey.name,
      attribute: [{ name: partitionKey.name, type: partitionKey.type }],
      streamEnabled: true,
      streamViewType,
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      ttl: { enabled: true, attributeName: ttlAttribute },
      deletionProtectionEnabled: props.deletionProtection ?? false,
    });
  }
}
