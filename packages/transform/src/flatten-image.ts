import { attributeType, typedValueToJson } from './attribute-json.js';
import { attributeValuesEqual } from './attribute-equal.js';
import { collectNames, hasKeys, mapContent, sameScalar, type Image } from './image-diff.js';
import { AttributeError, rethrowWithSegment } from './attribute-error.js';
import type { ByteWriter } from './byte-writer.js';
import { toColumnName } from './column-name.js';
import { keyColumn, memberPrefix } from './member-prefix.js';
import { describeValue } from './parsed.js';
import { writeTypedValue } from './write-attribute.js';
import { resolveColumnNames } from './resolve-collisions.js';

/** An item image flattened into columns, as JSON text, in the image's attribute order. */
export interface FlatImage {
  /** Column names (lower snake_case, distinct, none of the reserved names). */
  readonly names: readonly string[];
  /** JSON text of each column's value, index-aligned with `names`. */
  readonly values: readonly string[];
  /** The columns as JSON object members: `"name":value,"name":value` (no braces); empty when `written`. */
  readonly members: string;
  /** True when the members were written to the caller's writer instead of `members`. */
  readonly written: boolean;
  /**
   * Sorted names of the columns whose value differs from the old image, including columns only
   * one image has; `null` when no old image was given.
   */
  readonly changed: readonly string[] | null;
}

/** Accumulates the leaves of one image walk. */
interface Walk {
  /** Leaves written as JSON object members, in order (with a leading comma), unless `writer` is set. */
  members: string;
  /** When set, leaves are written here as bytes instead. */
  readonly writer: ByteWriter | undefined;
  /** Parallel arrays, kept only when the caller needs them (or after a collision). */
  readonly names: string[] | undefined;
  readonly values: string[] | undefined;
  readonly paths: string[][] | undefined;
  /** Names (as first computed) of changed leaves, and of old-only columns. */
  readonly changedLeaves: number[];
  readonly changedLeafNames: string[];
  readonly changedNames: string[];
  readonly seen: Set<string>;
  readonly reserved: ReadonlySet<string>;
  /** The image being flattened (its top-level keys). */
  readonly root: Image;
  readonly diff: boolean;
  count: number;
  collision: boolean;
}

function addLeaf(walk: Walk, name: string, value: string, path: string[] | undefined, renamed: boolean): void {
  // Keys of one map are distinct, so a name without `_` whose path renamed nothing is a top-level
  // key no other leaf can reach except a renamed one; and a renamed name without `_` can only meet
  // such a key, which is checked on the image itself. Only the other names need the set.
  const joined = name.indexOf('_') !== -1;
  if (renamed || joined) {
    const seen = walk.seen.size;
    walk.seen.add(name);
    if (walk.seen.size === seen || (joined && name.charCodeAt(0) === 99 && walk.reserved.has(name))) walk.collision = true;
    if (renamed && !joined && Object.prototype.hasOwnProperty.call(walk.root, name)) walk.collision = true;
  }
  if (walk.writer === undefined) walk.members += memberPrefix(name) + value;
  walk.count++;
  walk.names?.push(name);
  walk.values?.push(value);
  if (path !== undefined) walk.paths?.push(path);
}

function walkMap(walk: Walk, map: Image, old: Image | undefined, prefix: string, path: string[] | undefined, renamedPrefix: boolean): void {
  for (const key in map) {
    const av = map[key];
    const column = keyColumn(key);
    const segment = column.segment;
    const name = prefix === '' ? segment : `${prefix}_${segment}`;
    const renamed = renamedPrefix || !column.exact;
    const leafPath = path === undefined ? undefined : [...path, key];
    const oldAv = old === undefined ? undefined : old[key];
    let value: string;
    let type: string;
    let payload: unknown;
    try {
      type = attributeType(av);
      payload = (av as Record<string, unknown>)[type];
      if (type === 'M') {
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
          throw new AttributeError('malformed-attribute-value', `M must be an object, received ${describeValue(payload)}`);
        }
        if (hasKeys(payload as Image)) {
          const oldContent = walk.diff ? mapContent(oldAv) : undefined;
          if (walk.diff && oldAv !== undefined && (oldContent === undefined || !hasKeys(oldContent))) walk.changedNames.push(name);
          walkMap(walk, payload as Image, oldContent, name, leafPath, renamed);
          continue;
        }
      }
      if (walk.writer !== undefined) {
        walk.writer.ascii(prefix === '' ? column.prefix : memberPrefix(name), walk.count === 0 ? 1 : 0);
        if (type === 'M') walk.writer.ascii('null');
        else writeTypedValue(walk.writer, type, payload);
        value = '';
      } else {
        value = type === 'M' ? 'null' : typedValueToJson(type, payload);
      }
    } catch (error) {
      rethrowWithSegment(error, key);
    }
    if (walk.diff && (oldAv === undefined || !sameScalar(type, payload, oldAv) && !attributeValuesEqual(av, oldAv))) {
      walk.changedLeaves.push(walk.count);
      walk.changedLeafNames.push(name);
      const oldContent = mapContent(oldAv);
      if (oldContent !== undefined && hasKeys(oldContent)) collectNames(oldAv, name, walk.changedNames);
    }
    addLeaf(walk, name, value, leafPath, renamed);
  }
  if (old !== undefined) {
    for (const key in old) {
      if (!(key in map)) collectNames(old[key], prefix === '' ? toColumnName(key) : `${prefix}_${toColumnName(key)}`, walk.changedNames);
    }
  }
}

function run(image: Image, oldImage: Image | undefined, reserved: ReadonlySet<string>, keepParts: boolean, keepPaths: boolean, writer?: ByteWriter): Walk {
  const walk: Walk = {
    members: '',
    writer,
    names: keepParts ? [] : undefined,
    values: keepParts ? [] : undefined,
    paths: keepPaths ? [] : undefined,
    changedLeaves: [],
    changedLeafNames: [],
    changedNames: [],
    seen: new Set(),
    reserved,
    root: image,
    diff: oldImage !== undefined,
    count: 0,
    collision: false,
  };
  walkMap(walk, image, oldImage, '', keepPaths ? [] : undefined, false);
  return walk;
}

/**
 * Flatten an item image into columns: nested maps become `parent_child` columns (recursively),
 * every other value is converted by {@link attributeToJson}; an empty map becomes a `null`
 * column so the attribute is not lost. Column names come from {@link toColumnName}; names that
 * meet are made distinct by {@link resolveColumnNames}. With `oldImage`, also reports which
 * columns a MODIFY changed (the old image is compared, never written).
 *
 * The common case (no names meet) is one pass that writes the members text directly; only a
 * collision triggers a second pass that records paths and resolves names.
 *
 * @param image - the image to write (`NewImage`, `OldImage` or `Keys`)
 * @param reserved - column names the row already uses (the CDC metadata columns)
 * @param oldImage - the image before a MODIFY, to compute {@link FlatImage.changed}
 * @param keepParts - also return `names`/`values` (else they are empty unless a collision occurred)
 * @param writer - write the members (comma-separated, no braces) here as bytes instead of into
 *   `members`; after a collision they come back in `members` and `written` is false
 * @returns the columns
 * @throws AttributeError when an attribute value in `image` is malformed
 */
export function flattenImage(image: Image, reserved: ReadonlySet<string>, oldImage?: Image, keepParts = true, writer?: ByteWriter): FlatImage {
  let walk = run(image, oldImage, reserved, keepParts && writer === undefined, false, writer);
  let names: readonly string[] = walk.names ?? [];
  let members = walk.members.slice(1);
  if (walk.collision) {
    walk = run(image, oldImage, reserved, true, true);
    const paths = walk.paths ?? [];
    const values = walk.values ?? [];
    names = resolveColumnNames((walk.names ?? []).map((name, i) => ({ name, path: paths[i] ?? [] })), reserved);
    members = names.map((name, i) => `"${name}":${values[i] as string}`).join(',');
  }
  let changed: string[] | null = null;
  if (oldImage !== undefined) {
    const leafNames = walk.collision ? walk.changedLeaves.map((index) => names[index] as string) : walk.changedLeafNames;
    changed = [...new Set([...walk.changedNames, ...leafNames])].sort();
  }
  return { names, values: walk.values ?? [], members: walk.collision || writer === undefined ? members : '', written: writer !== undefined && !walk.collision, changed };
}
