import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from '../types.js';

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i]);

/**
 * Whether two attribute values hold the same data: sets ignore order, maps ignore key order,
 * DynamoDB's own notion of "unchanged". Numbers compare as strings, which is exact because both
 * sides come from reads and DynamoDB returns numbers in canonical form.
 *
 * @param a - first value
 * @param b - second value
 * @returns true when a write from `a` to `b` changes nothing
 */
export function sameAttributeValue(a: AttributeValue, b: AttributeValue): boolean {
  if (a.S !== undefined || b.S !== undefined) return a.S === b.S;
  if (a.N !== undefined || b.N !== undefined) return a.N === b.N;
  if (a.B !== undefined || b.B !== undefined) return a.B !== undefined && b.B !== undefined && sameBytes(a.B, b.B);
  if (a.BOOL !== undefined || b.BOOL !== undefined) return a.BOOL === b.BOOL;
  if (a.NULL !== undefined || b.NULL !== undefined) return a.NULL === b.NULL;
  if (a.SS !== undefined || b.SS !== undefined) return a.SS !== undefined && b.SS !== undefined && sameSet(a.SS, b.SS);
  if (a.NS !== undefined || b.NS !== undefined) return a.NS !== undefined && b.NS !== undefined && sameSet(a.NS, b.NS);
  if (a.BS !== undefined || b.BS !== undefined) {
    const encode = (set: readonly Uint8Array[]) => set.map((bytes) => Buffer.from(bytes).toString('base64'));
    return a.BS !== undefined && b.BS !== undefined && sameSet(encode(a.BS), encode(b.BS));
  }
  if (a.L !== undefined || b.L !== undefined) {
    return (
      a.L !== undefined &&
      b.L !== undefined &&
      a.L.length === b.L.length &&
      a.L.every((v, i) => sameAttributeValue(v, b.L![i]!))
    );
  }
  if (a.M !== undefined || b.M !== undefined) return a.M !== undefined && b.M !== undefined && sameItem(a.M, b.M);
  return false;
}

/**
 * Whether two items hold the same attributes with the same values.
 *
 * @param a - first item
 * @param b - second item
 * @returns true when both have exactly the same attribute names and equal values
 */
export function sameItem(a: AttributeMap, b: AttributeMap): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((name) => b[name] !== undefined && sameAttributeValue(a[name]!, b[name]!));
}
