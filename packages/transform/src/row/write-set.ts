import { AttributeError } from './attribute-error.js';
import { base64Text, numberJson } from './attribute-payload.js';
import type { JsonSink } from './json-sink.js';
import { compareNumberText } from './number-text.js';
import { describeValue } from '../shared/parsed.js';

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function isSorted(values: readonly string[], compare: (a: string, b: string) => number): boolean {
  for (let i = 1; i < values.length; i++) if (compare(values[i - 1] as string, values[i] as string) > 0) return false;
  return true;
}

function stringMembers(type: string, value: unknown): readonly string[] {
  if (!Array.isArray(value))
    throw new AttributeError('malformed-attribute-value', `${type} must be an array, received ${describeValue(value)}`);
  for (const member of value) {
    if (typeof member !== 'string')
      throw new AttributeError(
        type === 'NS' ? 'non-numeric-N' : 'malformed-attribute-value',
        `${type} members must be strings, received ${describeValue(member)}`,
      );
  }
  return value as string[];
}

/**
 * Write a set payload as a JSON array, sorted deterministically: `SS`/`BS` by code unit, `NS` by
 * numeric value (ties broken by text), so the same set always gives the same text.
 *
 * @param sink - where to write
 * @param type - `SS`, `NS` or `BS`
 * @param value - the value under that key
 * @throws AttributeError `malformed-attribute-value` when `value` is not an array of strings or a
 *   `BS` member is not strict base64; `non-numeric-N` when an `NS` member is not a decimal number
 * @example
 * ```ts
 * const sink = new ByteWriter();
 * writeSet(sink, 'NS', ['17', '3']);
 * sink.toString(); //=> '[3,17]'
 * ```
 */
export function writeSet(sink: JsonSink, type: 'SS' | 'NS' | 'BS', value: unknown): void {
  const members = stringMembers(type, value);
  let sorted: readonly string[];
  if (type === 'NS') {
    const numbers = members.map(numberJson);
    sorted = isSorted(numbers, compareNumberText) ? numbers : numbers.sort(compareNumberText);
  } else {
    if (type === 'BS') members.forEach(base64Text);
    sorted = isSorted(members, compareText) ? members : [...members].sort(compareText);
  }
  sink.ascii('[');
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0) sink.ascii(',');
    const member = sorted[i] as string;
    if (type === 'NS') sink.ascii(member);
    else if (type === 'SS') sink.jsonString(member);
    else {
      sink.ascii('"');
      sink.ascii(member);
      sink.ascii('"');
    }
  }
  sink.ascii(']');
}
