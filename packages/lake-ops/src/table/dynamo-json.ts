/**
 * toDynamoJson: an item as the AWS SDK returns it (binary values as bytes) -> DynamoDB JSON (binary as base64),
 * the wire form the transform reads from stream records and export files alike.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from '@sales/transform';

const toBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function convert(value: AttributeValue): unknown {
  if (value.B !== undefined) return { B: toBase64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(toBase64) };
  if (value.L !== undefined) return { L: value.L.map(convert) };
  if (value.M !== undefined) return { M: toDynamoJson(value.M) };
  return value;
}

/**
 * Converts an SDK item to DynamoDB JSON: `B` and `BS` bytes become base64 strings, lists and maps are converted
 * inside; every other value is already in its wire form and is kept as it is.
 *
 * @param item - An item from a Scan page.
 * @returns The same item in DynamoDB JSON.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html
 * @example
 * ```ts
 * toDynamoJson({ id: { S: 'a' }, raw: { B: new Uint8Array([1, 2]) } }); //=> { id: { S: 'a' }, raw: { B: 'AQI=' } }
 * ```
 */
export function toDynamoJson(item: Record<string, AttributeValue>): AttributeMap {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(item)) out[name] = convert(item[name] as AttributeValue);
  return out as AttributeMap;
}
