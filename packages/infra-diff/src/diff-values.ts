import { compareStrings } from './blocks';
import type { AttributeChange, Json, JsonObject } from './types';

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

function walk(path: string, before: Json | undefined, after: Json | undefined, out: AttributeChange[]): void {
  if (before === undefined || after === undefined) {
    if (before !== after) out.push(change(path, before, after));
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareStrings);
    for (const key of keys) walk(childPath(path, key), before[key], after[key], out);
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
 * holding JSON documents (IAM policies, Glue schemas) are compared as the documents they hold. An
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
  return path.replace(/\[\d+\]/g, '');
}
