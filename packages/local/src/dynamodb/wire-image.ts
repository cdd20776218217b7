import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeValue as WireAttributeValue } from 'aws-lambda';
import type { AttributeMap } from '../types.js';

/** An image as it appears in a stream record's JSON: binary values are base64 strings. */
export type WireImage = Record<string, WireAttributeValue>;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * Convert one SDK attribute value (binary as `Uint8Array`) to its JSON wire form (binary as
 * base64), as DynamoDB Streams and Pipes deliver it.
 *
 * @param value - an attribute value returned by the DynamoDB client
 * @returns the same value with `B`/`BS` base64-encoded, nested values converted
 */
export function toWireValue(value: AttributeValue): WireAttributeValue {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(toWireValue) };
  if (value.M !== undefined) return { M: toWireImage(value.M) };
  return value as WireAttributeValue;
}

/**
 * Convert an item read with the SDK into a stream-record image.
 *
 * @param item - the item
 * @returns the image with every value in wire form
 * @example
 * ```ts
 * toWireImage({ digest: { B: new Uint8Array([1, 2]) } }); //=> { digest: { B: 'AQI=' } }
 * ```
 */
export function toWireImage(item: AttributeMap): WireImage {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, toWireValue(value)]));
}
