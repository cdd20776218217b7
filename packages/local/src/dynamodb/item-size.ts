import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from '../types.js';

const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Bytes DynamoDB counts for a number: about one byte per two significant digits, plus one. */
function numberSize(digits: string): number {
  const significant = digits
    .replace(/^-/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(significant.length, 1) / 2) + 1;
}

/**
 * Approximate storage size of one attribute value, following DynamoDB's published item-size
 * rules (UTF-8 strings, numbers by significant digits, 3 bytes per map/list plus 1 per element).
 *
 * @param value - the attribute value
 * @returns its size in bytes
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
 */
export function attributeValueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8Length(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8Length(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.byteLength, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + attributeValueSize(v), 0);
  if (value.M !== undefined) return 3 + itemSize(value.M) + Object.keys(value.M).length;
  return 0;
}

/**
 * Approximate size of an item: attribute names plus values, as DynamoDB counts it.
 *
 * @param item - the item (or key, or stream image)
 * @returns its size in bytes; 0 for `undefined`
 * @example
 * ```ts
 * itemSize({ order_id: { S: 'ord-1' } }); //=> 13
 * ```
 */
export function itemSize(item: AttributeMap | undefined): number {
  if (item === undefined) return 0;
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8Length(name) + attributeValueSize(value), 0);
}
