/**
 * The sales-orders table's key schema, defined once.
 *
 * The infrastructure (`constructs/data-path/sales-table.ts`) creates the table from it, the generator
 * writes items that match it, and the local pipeline creates its table from it.
 * Import it from `@sales/pipeline-spec`.
 */

/** DynamoDB scalar attribute types that a key attribute may have. */
export type KeyAttributeType = 'S' | 'N' | 'B';

/** One key attribute: its name and DynamoDB type. */
export interface KeyAttribute {
  /** Attribute name, as stored in the item. */
  readonly name: string;
  /** DynamoDB scalar type of the attribute. */
  readonly type: KeyAttributeType;
}

/** Shape of {@link ORDER_TABLE_SCHEMA}. */
export interface OrderTableSchema {
  /** The partition (hash) key. The table has no sort key: one item per order. */
  readonly partitionKey: KeyAttribute;
  /** Numeric attribute holding the item's expiry in epoch seconds, enabled as the table's TTL. */
  readonly ttlAttribute: string;
  /** What the table's stream carries: both images, so the lake sees before and after. */
  readonly streamViewType: 'NEW_AND_OLD_IMAGES';
}

/**
 * Key schema of the sales-orders table.
 *
 * @example
 * ```ts
 * import { ORDER_TABLE_SCHEMA } from '@sales/pipeline-spec';
 * ORDER_TABLE_SCHEMA.partitionKey.name; //=> 'order_id'
 * ```
 */
export const ORDER_TABLE_SCHEMA: OrderTableSchema = {
  partitionKey: { name: 'order_id', type: 'S' },
  ttlAttribute: 'expires_at',
  streamViewType: 'NEW_AND_OLD_IMAGES',
};
