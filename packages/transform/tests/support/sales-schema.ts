import { createRowSchema, type RowSchema } from '../../src/index.js';

const MONEY = 'decimal(12,2)';

/**
 * The item columns of the sales table as pipeline-spec's catalog schema declares them, so the
 * library's tests and bench conform rows to the real shapes without depending on that package.
 */
export const salesSchema: RowSchema = createRowSchema([
  { name: 'order_id', type: 'string' },
  { name: 'customer_id', type: 'string' },
  { name: 'customer_name', type: 'string' },
  { name: 'customer_city', type: 'string' },
  { name: 'customer_country', type: 'string' },
  {
    name: 'line_items',
    type: `array<struct<sku:string,product_name:string,category:string,quantity:int,unit_price:${MONEY},line_total:${MONEY}>>`,
  },
  { name: 'item_count', type: 'int' },
  { name: 'subtotal', type: MONEY },
  { name: 'tax', type: MONEY },
  { name: 'shipping', type: MONEY },
  { name: 'total', type: MONEY },
  { name: 'currency', type: 'string' },
  { name: 'region', type: 'string' },
  { name: 'channel', type: 'string' },
  { name: 'status', type: 'string' },
  { name: 'created_at', type: 'string' },
  { name: 'updated_at', type: 'string' },
  { name: 'expires_at', type: 'bigint' },
]);
