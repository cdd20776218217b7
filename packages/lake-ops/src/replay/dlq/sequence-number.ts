/**
 * compareSequenceNumbers: DynamoDB stream sequence numbers compared as the integers they are.
 */

/**
 * Compares two sequence numbers as integers. They are strings of 21 to 40 digits, so neither `Number` (loses
 * digits) nor string order (`"9" > "10"`) is right.
 *
 * @param a - A sequence number.
 * @param b - Another.
 * @returns Negative, zero or positive, as `a` is below, equal to or above `b`.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html
 * @example
 * ```ts
 * compareSequenceNumbers('900000000000000000001', '1000000000000000000000'); //=> -1
 * ```
 */
export function compareSequenceNumbers(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
