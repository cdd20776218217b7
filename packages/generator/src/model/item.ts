/**
 * Mapping between an {@link Order} and its DynamoDB item (attribute names as the row contract of `@sales/transform` flattens them).
 *
 * Written by hand rather than with `marshall`, because money must stay `N` with exactly two
 * decimals as written (`"45.00"`, never `45`).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { formatCents } from './money.js';
import type { Order } from './order.js';
import { ORDER_TABLE_SCHEMA } from '@sales/pipeline-spec';

/**
 * Converts an order to the DynamoDB item the generator writes.
 *
 * @param order - The order.
 * @returns The item as a map of attribute values.
 * @example
 * ```ts
 * toItem(order).total; //=> { N: '44.98' }
 * ```
 */
export function toItem(order: Order): Record<string, AttributeValue> {
  const item: Record<string, AttributeValue> = {
    order_id: { S: order.orderId },
    customer: {
      M: {
        id: { S: order.customer.id },
        name: { S: order.customer.name },
        city: { S: order.customer.city },
        country: { S: order.customer.country },
      },
    },
    line_items: {
      L: order.lineItems.map((line) => ({
        M: {
          sku: { S: line.sku },
          product_name: { S: line.productName },
          category: { S: line.category },
          quantity: { N: String(line.quantity) },
          unit_price: { N: formatCents(line.unitPriceCents) },
          line_total: { N: formatCents(line.lineTotalCents) },
        },
      })),
    },
    item_count: { N: String(order.itemCount) },
    subtotal: { N: formatCents(order.subtotalCents) },
    tax: { N: formatCents(order.taxCents) },
    shipping: { N: formatCents(order.shippingCents) },
    total: { N: formatCents(order.totalCents) },
    currency: { S: order.currency },
    region: { S: order.region },
    channel: { S: order.channel },
    status: { S: order.status },
    created_at: { S: order.createdAt },
    updated_at: { S: order.updatedAt },
  };
  if (order.expiresAt !== undefined) item[ORDER_TABLE_SCHEMA.ttlAttribute] = { N: String(order.expiresAt) };
  return item;
}

/**
 * The JSON form of an order as the dry run prints it: the item's attributes as plain values,
 * money as two-decimal strings (the exact digits written to DynamoDB).
 *
 * @param order - The order.
 * @returns A plain object with the item's attribute names.
 */
export function toJsonOrder(order: Order): Record<string, unknown> {
  return {
    order_id: order.orderId,
    customer: { ...order.customer },
    line_items: order.lineItems.map((line) => ({
      sku: line.sku,
      product_name: line.productName,
      category: line.category,
      quantity: line.quantity,
      unit_price: formatCents(line.unitPriceCents),
      line_total: formatCents(line.lineTotalCents),
    })),
    item_count: order.itemCount,
    subtotal: formatCents(order.subtotalCents),
    tax: formatCents(order.taxCents),
    shipping: formatCents(order.shippingCents),
    total: formatCents(order.totalCents),
    currency: order.currency,
    region: order.region,
    channel: order.channel,
    status: order.status,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    ...(order.expiresAt === undefined ? {} : { [ORDER_TABLE_SCHEMA.ttlAttribute]: order.expiresAt }),
  };
}
