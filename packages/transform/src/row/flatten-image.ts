import { AttributeError, rethrowWithSegment } from './attribute-error.js';
import { attributeValuesEqual } from './attribute-equal.js';
import { attributeType } from './attribute-payload.js';
import type { ColumnSpans } from './column-spans.js';
import { writeConformedValue, type Conformance } from './conformance.js';
import { childColumnKey, columnKey } from './column-name.js';
import { ImageShape } from './image-shape.js';
import { collectNames, hasKeys, mapContent, sameScalar, type Image } from './image-diff.js';
import type { JsonSink } from './json-sink.js';
import { describeValue } from '../shared/parsed.js';
import { resolveColumnNames } from './resolve-collisions.js';
import { writeTypedValue } from './write-attribute.js';

/** State of one walk over an image. */
interface Walk {
  readonly sink: JsonSink;
  /** When set (toRow), each column's name and value span are recorded. */
  readonly spans: ColumnSpans | undefined;
  /** When a schema is given, the schema and the row's rejected values. */
  readonly conformance: Conformance | undefined;
  /** Whether values are written; false in the pass that only collects names and paths. */
  readonly write: boolean;
  /** Final names by leaf index, once a collision was resolved; else names are computed on the way. */
  readonly resolved: readonly string[] | undefined;
  /** Leaf names and raw paths, collected only to resolve a collision. */
  readonly names: string[] | undefined;
  readonly paths: string[][] | undefined;
  /** Indexes and names (as first computed) of changed leaves, and names of old-only columns. */
  readonly changedLeaves: number[];
  readonly changedLeafNames: string[];
  readonly changedNames: string[];
  /** The memo of the image's names and their columns, in the first pass only (see {@link ImageShape}). */
  readonly shape: ImageShape | undefined;
  readonly diff: boolean;
  count: number;
  /** Whether two leaves meet (known once the first pass is done; the other passes do not check). */
  collision: boolean;
}

/**
 * Write one item column: its member, then its value. This is the one place every column value of
 * a row is written, knowing the column's name and the attribute's type, so a per-column check (a
 * declared schema) belongs here and costs no second pass.
 */
function writeColumn(walk: Walk, member: string, name: string, type: string, payload: unknown): void {
  const sink = walk.sink;
  sink.ascii(member, walk.count === 0 ? 1 : 0);
  const start = walk.spans === undefined ? 0 : sink.mark();
  if (walk.conformance !== undefined) writeConformedValue(sink, walk.conformance, name, type, payload);
  else if (type === 'M') sink.ascii('null');
  else writeTypedValue(sink, type, payload);
  walk.spans?.add(name, start, sink.mark());
}

function walkMap(
  walk: Walk,
  map: Image,
  old: Image | undefined,
  prefix: string,
  depth: number,
  path: string[] | undefined,
  renamedPrefix: boolean,
): void {
  for (const key in map) {
    const av = map[key];
    const column =
      walk.shape !== undefined
        ? walk.shape.column(key, depth, prefix)
        : prefix === ''
          ? columnKey(key)
          : childColumnKey(prefix, key);
    const name = column.name;
    const renamed = renamedPrefix || !column.exact;
    const leafPath = path === undefined ? undefined : [...path, key];
    const oldAv = old === undefined ? undefined : old[key];
    let type: string;
    let payload: unknown;
    try {
      type = attributeType(av);
      payload = (av as Record<string, unknown>)[type];
      if (type === 'M') {
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
          throw new AttributeError(
            'malformed-attribute-value',
            `M must be an object, received ${describeValue(payload)}`,
          );
        }
        if (hasKeys(payload as Image)) {
          const oldContent = walk.diff ? mapContent(oldAv) : undefined;
          if (walk.diff && oldAv !== undefined && (oldContent === undefined || !hasKeys(oldContent)))
            walk.changedNames.push(name);
          walkMap(walk, payload as Image, oldContent, name, depth + 1, leafPath, renamed);
          continue;
        }
      }
      if (walk.write) {
        const final = walk.resolved === undefined ? name : (walk.resolved[walk.count] as string);
        writeColumn(walk, walk.resolved === undefined ? column.member : columnKey(final).member, final, type, payload);
      }
    } catch (error) {
      rethrowWithSegment(error, key);
    }
    if (walk.diff && (oldAv === undefined || (!sameScalar(type, payload, oldAv) && !attributeValuesEqual(av, oldAv)))) {
      walk.changedLeaves.push(walk.count);
      walk.changedLeafNames.push(name);
      const oldContent = mapContent(oldAv);
      if (oldContent !== undefined && hasKeys(oldContent)) collectNames(oldAv, name, walk.changedNames);
    }
    walk.shape?.leaf(name, renamed);
    walk.names?.push(name);
    if (leafPath !== undefined) walk.paths?.push(leafPath);
    walk.count++;
  }
  if (old !== undefined) {
    for (const key in old) {
      if (!(key in map))
        collectNames(
          old[key],
          prefix === '' ? columnKey(key).name : childColumnKey(prefix, key).name,
          walk.changedNames,
        );
    }
  }
}

function run(
  sink: JsonSink,
  spans: ColumnSpans | undefined,
  conformance: Conformance | undefined,
  image: Image,
  old: Image | undefined,
  reserved: ReadonlySet<string>,
  pass: 'write' | 'names' | readonly string[],
): Walk {
  if (pass === 'write') imageShape ??= new ImageShape();
  const shape = pass === 'write' ? imageShape : undefined;
  const walk: Walk = {
    sink,
    spans,
    conformance,
    write: pass !== 'names',
    resolved: typeof pass === 'string' ? undefined : pass,
    names: pass === 'names' ? [] : undefined,
    paths: pass === 'names' ? [] : undefined,
    changedLeaves: [],
    changedLeafNames: [],
    changedNames: [],
    shape,
    diff: old !== undefined,
    count: 0,
    collision: false,
  };
  shape?.begin();
  walkMap(walk, image, old, '', 0, pass === 'names' ? [] : undefined, false);
  walk.collision = shape?.collides(image, reserved) === true;
  return walk;
}

// The writer's memo of the last image's names (see ImageShape), created on first use (nothing runs at
// import). Walks are synchronous and never nested, so sharing it is invisible to callers.
let imageShape: ImageShape | undefined;

/**
 * Flatten an item image into columns written to `sink` as JSON object members
 * (`"name":value,"name":value`, no braces): nested maps become `parent_child` columns
 * (recursively), every other value is written by {@link writeTypedValue}; an empty map becomes a
 * `null` column so the attribute is not lost. Column names come from {@link toColumnName}; names
 * that meet are made distinct by {@link resolveColumnNames}. With `oldImage`, also reports which
 * columns a MODIFY changed (the old image is compared, never written).
 *
 * The common case (no names meet) is one pass. Only a collision rewinds the sink, collects the
 * names and paths, resolves them and writes the columns again under their final names.
 *
 * @param sink - where to write the members
 * @param image - the image to write (`NewImage`, `OldImage` or `Keys`)
 * @param reserved - column names the row already uses (the CDC metadata columns)
 * @param oldImage - the image before a MODIFY, to compute the changed columns
 * @param spans - when given, receives each column's final name and value span in `sink`
 * @param conformance - when given, values are conformed to its schema (see `createRowSchema`)
 * @returns sorted names of the columns whose value differs from `oldImage` (including columns only
 *   one image has); `null` when no old image was given
 * @throws AttributeError when an attribute value in `image` is malformed
 */
export function flattenImage(
  sink: JsonSink,
  image: Image,
  reserved: ReadonlySet<string>,
  oldImage?: Image,
  spans?: ColumnSpans,
  conformance?: Conformance,
): string[] | null {
  const start = sink.mark();
  const first = run(sink, spans, conformance, image, oldImage, reserved, 'write');
  let leafNames = first.changedLeafNames;
  if (first.collision) {
    sink.rewind(start);
    spans?.clear();
    if (conformance !== undefined) conformance.rejected.length = 0;
    const found = run(sink, undefined, undefined, image, undefined, reserved, 'names');
    const paths = found.paths ?? [];
    const names = resolveColumnNames(
      (found.names ?? []).map((name, i) => ({ name, path: paths[i] ?? [] })),
      reserved,
    );
    run(sink, spans, conformance, image, undefined, reserved, names);
    leafNames = first.changedLeaves.map((index) => names[index] as string);
  }
  if (oldImage === undefined) return null;
  const oldNames =
    first.changedNames.length === 0
      ? first.changedNames
      : (oldOnlyNames(sink, image, oldImage, reserved) ?? first.changedNames);
  return [...new Set([...oldNames, ...leafNames])].sort();
}

/** Leaf names and paths of an image, as a names pass collects them, with collisions resolved. */
function resolvedLeaves(
  sink: JsonSink,
  image: Image,
  reserved: ReadonlySet<string>,
): { names: string[]; paths: string[] } {
  const found = run(sink, undefined, undefined, image, undefined, reserved, 'names');
  const paths = found.paths ?? [];
  const names = resolveColumnNames(
    (found.names ?? []).map((name, i) => ({ name, path: paths[i] ?? [] })),
    reserved,
  );
  return { names, paths: paths.map((path) => path.join('\u0000')) };
}

/**
 * The columns the old image of a MODIFY had and the new one has not (removed attributes, a map
 * replaced by a scalar or the reverse), under the names the old image's own row gave them, so
 * `customerId` removed next to an unchanged `customer_id` is listed as `customer_id_2`.
 */
function oldOnlyNames(
  sink: JsonSink,
  image: Image,
  oldImage: Image,
  reserved: ReadonlySet<string>,
): string[] | undefined {
  const current = new Set(resolvedLeaves(sink, image, reserved).paths);
  let old: { names: string[]; paths: string[] };
  try {
    old = resolvedLeaves(sink, oldImage, reserved);
  } catch (error) {
    if (error instanceof AttributeError) return undefined; // the old image is never written; keep the names as computed
    throw error;
  }
  return old.names.filter((_name, i) => !current.has(old.paths[i] as string));
}
