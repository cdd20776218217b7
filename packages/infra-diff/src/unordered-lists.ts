/**
 * Lists whose order carries no meaning, and how their elements are matched across two versions.
 *
 * In an IAM policy document the order of `Statement` entries and of the values of `Action`,
 * `NotAction`, `Resource`, `NotResource` and `Condition` value lists does not affect evaluation, so a
 * diff by position misreads an inserted statement as a permission swap.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html
 */
import { compareStrings } from './blocks';
import type { Json } from './types';

/** Keys whose list values are compared as sets, elements matched by identity instead of position. */
export const UNORDERED_LIST_KEYS: ReadonlySet<string> = new Set([
  'Statement',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
]);

/** A member's canonical JSON; a list whose order means nothing ({@link UNORDERED_LIST_KEYS}) in sorted order. */
function canonicalMember(key: string, value: Json): string {
  if (!Array.isArray(value) || !UNORDERED_LIST_KEYS.has(key)) return canonicalJson(value);
  return `[${value.map(canonicalJson).sort(compareStrings).join(',')}]`;
}

/**
 * The value as JSON with object keys sorted, and the members of lists whose order means nothing sorted, so
 * equal documents written in another order compare equal.
 *
 * @param value - any JSON value
 * @returns its canonical JSON text
 */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort(compareStrings);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalMember(key, value[key] as Json)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * How an element of an unordered list is recognised in the other version: a statement by its `Sid`, anything
 * else by its content.
 *
 * @param element - one list element
 * @returns `Sid "AllowLogs"`-style label for matching by Sid, else the canonical content
 * @example
 * elementIdentity({ Sid: 'Logs', Effect: 'Allow' }); //=> 'Sid "Logs"'
 */
export function elementIdentity(element: Json): string {
  if (element !== null && typeof element === 'object' && !Array.isArray(element) && typeof element.Sid === 'string') {
    return `Sid ${JSON.stringify(element.Sid)}`;
  }
  return canonicalJson(element);
}
