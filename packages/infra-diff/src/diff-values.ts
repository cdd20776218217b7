import { compareStrings } from './blocks';
import type { AttributeChange, Json, JsonObject } from './types';
import { elementIdentity, UNORDERED_LIST_KEYS } from './unordered-lists';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function childPath(parent: string, key: string): string {
  const segment = IDENTIFIER.test(key) ? key : JSON.stringify(key);
  if (parent === '') return segment;
  return IDENTIFIER.test(key) ? `${parent}.${segment}` : `${parent}[${segment}]`;
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses a string that holds a JSON object or array (an IAM policy, a Glue schema); otherwise `undefined`. */
function parseEmbeddedJson(value: string): Json | undefined {
  const first = value.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(value) as Json;
  } catch {
    return undefined;
  }
}

function change(path: string, before: Json | undefined, after: Json | undefined): AttributeChange {
  return {
    path,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

function hasSid(element: Json | undefined): boolean {
  return elementIdentity(element ?? null).startsWith('Sid ');
}

/**
 * Matches the elements of two unordered lists by identity: elements with the same `Sid` are compared
 * inside (path `Statement[Sid "Logs"]`), equal elements are unchanged, an element without Sid replaced
 * at the same index is compared inside, the rest are removed or added at their own index.
 */
function walkUnordered(path: string, before: readonly Json[], after: readonly Json[], out: AttributeChange[]): void {
  const unmatchedAfter = new Map<string, number[]>();
  after.forEach((element, index) => {
    const identity = elementIdentity(element);
    unmatchedAfter.set(identity, [...(unmatchedAfter.get(identity) ?? []), index]);
  });
  let removed: number[] = [];
  const pairs: [number, number][] = [];
  before.forEach((element, index) => {
    const match = unmatchedAfter.get(elementIdentity(element))?.shift();
    if (match === undefined) removed.push(index);
    else pairs.push([index, match]);
  });
  let added = [...unmatchedAfter.values()].flat().sort((a, b) => a - b);
  // A removed and an added element at the same index, neither named by a Sid: the same element edited in
  // place. Anything else (a statement inserted here and another dropped there) is reported as added and removed.
  const editedInPlace = removed.filter(
    (index) => added.includes(index) && !hasSid(before[index]) && !hasSid(after[index]),
  );
  pairs.push(...editedInPlace.map((index): [number, number] => [index, index]));
  removed = removed.filter((index) => !editedInPlace.includes(index));
  added = added.filter((index) => !editedInPlace.includes(index));
  for (const [beforeIndex, afterIndex] of pairs) {
    const identity = elementIdentity(before[beforeIndex] as Json);
    const label = identity.startsWith('Sid ') ? identity : String(afterIndex);
    walk(`${path}[${label}]`, before[beforeIndex], after[afterIndex], out);
  }
  for (const index of removed) out.push(change(`${path}[${index}]`, before[index], undefined));
  for (const index of added) out.push(change(`${path}[${index}]`, undefined, after[index]));
}

function walk(path: string, before: Json | undefined, after: Json | undefined, out: AttributeChange[], key = ''): void {
  if (before === undefined || after === undefined) {
    if (before !== after) out.push(change(path, before, after));
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareStrings);
    for (const child of keys) walk(childPath(path, child), before[child], after[child], out, child);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && UNORDERED_LIST_KEYS.has(key)) {
    walkUnordered(path, before, after, out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index += 1) walk(`${path}[${index}]`, before[index], after[index], out);
    return;
  }
  if (typeof before === 'string' && typeof after === 'string' && before !== after) {
    const parsedBefore = parseEmbeddedJson(before);
    const parsedAfter = parseEmbeddedJson(after);
    if (parsedBefore !== undefined && parsedAfter !== undefined) {
      const inner: AttributeChange[] = [];
      walk(path, parsedBefore, parsedAfter, inner);
      // Only formatting differs (e.g. whitespace): still report the string, since Terraform will.
      out.push(...(inner.length > 0 ? inner : [change(path, before, after)]));
      return;
    }
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push(change(path, before, after));
}

/**
 * Lists every leaf that differs between two configuration values, depth first, keys in sorted order.
 *
 * Objects are compared key by key, lists index by index (as `terraform plan` shows them), and strings
 * holding JSON documents (IAM policies, Glue schemas) are compared as the documents they hold. Lists whose
 * order means nothing (IAM `Statement`, `Action`, `Resource`: {@link UNORDERED_LIST_KEYS}) are matched by
 * `Sid`, else by content: an inserted statement is reported as added, not as a swap of every later one. An
 * attribute present on one side only is reported once, at its own path, with the whole value.
 *
 * @param before - the value at the base ref (`undefined` when absent)
 * @param after - the value at the head ref (`undefined` when absent)
 * @param path - the path of the values themselves; `''` for a block body
 * @returns the changed leaves; empty when the values are equal
 * @example
 * diffValues({ a: { b: 1 }, c: [1] }, { a: { b: 2 }, c: [1, 2] });
 * //=> [{ path: 'a.b', before: 1, after: 2 }, { path: 'c[1]', after: 2 }]
 */
export function diffValues(before: Json | undefined, after: Json | undefined, path = ''): AttributeChange[] {
  const out: AttributeChange[] = [];
  walk(path, before, after, out);
  return out;
}

/**
 * Drops list indices from a path so rules can name a nested block whatever its position.
 *
 * @param path - an {@link AttributeChange} path
 * @returns the path without `[n]` segments
 * @example
 * stripIndices('attribute[1].type'); //=> 'attribute.type'
 */
export function stripIndices(path: string): string {
  return path.replace(/\[(?:\d+|Sid "(?:[^"\\]|\\.)*")\]/g, '');
}
