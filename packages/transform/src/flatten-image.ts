import { attributeType, typedValueToJson } from './attribute-json.js';
import { attributeValuesEqual } from './attribute-equal.js';
import { AttributeError, rethrowWithSegment } from './attribute-error.js';
import { toColumnName } from './column-name.js';
import { describeValue } from './parsed.js';
import { resolveColumnNames } from './resolve-collisions.js';

/** An item image flattened into columns, as JSON text, in the image's attribute order. */
export interface FlatImage {
  /** Column names (lower snake_case, distinct, none of the reserved names). */
  readonly names: readonly string[];
  /** JSON text of each column's value, index-aligned with `names`. */
  readonly values: readonly string[];
  /**
   * Sorted names of the columns whose value differs from the old image, including columns only
   * one image has; `null` when no old image was given.
   */
  readonly changed: readonly string[] | null;
}

type Image = Record<string, unknown>;

/** Accumulates the leaves of one image walk. */
interface Walk {
  readonly names: string[];
  readonly values: string[];
  readonly paths: string[][] | undefined;
  readonly changedLeaves: number[];
  readonly removed: string[];
  readonly seen: Set<string>;
  readonly reserved: ReadonlySet<string>;
  readonly diff: boolean;
  collision: boolean;
}

/** The content of an `M` attribute value, or undefined when `av` is not a map. */
function mapContent(av: unknown): Image | undefined {
  if (typeof av !== 'object' || av === null || !('M' in av)) return undefined;
  const content = (av as { M: unknown }).M;
  return typeof content === 'object' && content !== null && !Array.isArray(content) ? (content as Image) : undefined;
}

function hasKeys(map: Image): boolean {
  for (const _key in map) return true;
  return false;
}

/** Column names an old-image attribute occupied (its leaves when it is a non-empty map). */
function collectNames(av: unknown, name: string, out: string[]): void {
  const content = mapContent(av);
  if (content === undefined || !hasKeys(content)) {
    out.push(name);
    return;
  }
  for (const key in content) collectNames(content[key], `${name}_${toColumnName(key)}`, out);
}

function addLeaf(walk: Walk, name: string, value: string, path: string[] | undefined): number {
  if (walk.seen.has(name) || walk.reserved.has(name)) walk.collision = true;
  else walk.seen.add(name);
  walk.names.push(name);
  walk.values.push(value);
  if (walk.paths !== undefined && path !== undefined) walk.paths.push(path);
  return walk.names.length - 1;
}

function walkMap(walk: Walk, map: Image, old: Image | undefined, prefix: string, path: string[] | undefined): void {
  for (const key in map) {
    const av = map[key];
    const segment = toColumnName(key);
    const name = prefix === '' ? segment : `${prefix}_${segment}`;
    const leafPath = path === undefined ? undefined : [...path, key];
    const oldAv = old === undefined ? undefined : old[key];
    let value: string;
    try {
      const type = attributeType(av);
      const payload = (av as Record<string, unknown>)[type];
      if (type === 'M') {
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
          throw new AttributeError('malformed-attribute-value', `M must be an object, received ${describeValue(payload)}`);
        }
        if (hasKeys(payload as Image)) {
          const oldContent = walk.diff ? mapContent(oldAv) : undefined;
          if (walk.diff && oldAv !== undefined && (oldContent === undefined || !hasKeys(oldContent))) walk.removed.push(name);
          walkMap(walk, payload as Image, oldContent, name, leafPath);
          continue;
        }
        value = 'null';
      } else {
        value = typedValueToJson(type, payload);
      }
    } catch (error) {
      rethrowWithSegment(error, key);
    }
    const index = addLeaf(walk, name, value, leafPath);
    if (walk.diff && (oldAv === undefined || !attributeValuesEqual(av, oldAv))) {
      walk.changedLeaves.push(index);
      const oldContent = mapContent(oldAv);
      if (oldContent !== undefined && hasKeys(oldContent)) collectNames(oldAv, name, walk.removed);
    }
  }
  if (old !== undefined) {
    for (const key in old) {
      if (!(key in map)) collectNames(old[key], prefix === '' ? toColumnName(key) : `${prefix}_${toColumnName(key)}`, walk.removed);
    }
  }
}

function run(image: Image, oldImage: Image | undefined, reserved: ReadonlySet<string>, recordPaths: boolean): Walk {
  const walk: Walk = {
    names: [],
    values: [],
    paths: recordPaths ? [] : undefined,
    changedLeaves: [],
    removed: [],
    seen: new Set(),
    reserved,
    diff: oldImage !== undefined,
    collision: false,
  };
  walkMap(walk, image, oldImage, '', recordPaths ? [] : undefined);
  return walk;
}

/**
 * Flatten an item image into columns: nested maps become `parent_child` columns (recursively),
 * every other value is converted by {@link attributeToJson}; an empty map becomes a `null`
 * column so the attribute is not lost. Column names come from {@link toColumnName}; names that
 * meet are made distinct by {@link resolveColumnNames}. With `oldImage`, also reports which
 * columns a MODIFY changed (the old image is compared, never written).
 *
 * @param image - the image to write (`NewImage`, `OldImage` or `Keys`)
 * @param reserved - column names the row already uses (the CDC metadata columns)
 * @param oldImage - the image before a MODIFY, to compute {@link FlatImage.changed}
 * @returns the columns
 * @throws AttributeError when an attribute value in `image` is malformed
 */
export function flattenImage(image: Image, reserved: ReadonlySet<string>, oldImage?: Image): FlatImage {
  let walk = run(image, oldImage, reserved, false);
  let names: readonly string[] = walk.names;
  if (walk.collision) {
    walk = run(image, oldImage, reserved, true);
    const paths = walk.paths ?? [];
    names = resolveColumnNames(walk.names.map((name, i) => ({ name, path: paths[i] ?? [] })), reserved);
  }
  let changed: string[] | null = null;
  if (oldImage !== undefined) {
    const set = new Set(walk.removed);
    for (const index of walk.changedLeaves) set.add(names[index] as string);
    changed = [...set].sort();
  }
  return { names, values: walk.values, changed };
}
