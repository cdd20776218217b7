import { childColumnKey, columnKey, type ColumnKey } from './column-name.js';
import type { Image } from './image-diff.js';

/**
 * The attribute names of the last image the row writer walked, in walk order (depth first), with
 * their columns, and whether two of its leaves meet. The images of one table mostly have the same
 * attributes in the same order, so a walk that meets the same names at the same depths again
 * reuses their columns and the collision verdict, instead of looking up every name and checking
 * every leaf name in a set. Names are compared by identity: property names are interned strings, so
 * equal names almost always are the same string, and when they are not the walk just takes the
 * slow path. Everything kept is a function of the names, so the shape is a pure memo.
 */
export class ImageShape {
  /** Attribute name, depth and column of each entry visited, in walk order. */
  readonly #keys: string[] = [];
  readonly #depths: number[] = [];
  readonly #columns: ColumnKey[] = [];
  /** Column name and "some segment of its path was renamed" of each leaf, in walk order. */
  readonly #leafNames: string[] = [];
  readonly #leafRenamed: boolean[] = [];
  #visited = 0;
  #leaves = 0;
  /** Whether every entry of this walk so far met the last walk's name at the same depth. */
  #matching = true;
  /** Entries of the last walk that completed, whose verdict {@link ImageShape.collides} kept; -1 when none. */
  #known = -1;
  #collision = false;

  /** Start a walk over a new image. */
  begin(): void {
    this.#visited = 0;
    this.#leaves = 0;
    this.#matching = true;
  }

  /**
   * The column of the next attribute visited.
   *
   * @param key - the attribute name
   * @param depth - 0 for a top-level attribute, 1 inside a top-level map, ...
   * @param parent - the enclosing map's column name (`''` at the top level)
   * @returns what {@link columnKey} (top level) or {@link childColumnKey} gives
   */
  column(key: string, depth: number, parent: string): ColumnKey {
    const at = this.#visited++;
    // Only while the whole path matched: the same name at the same depth under another parent is another column.
    if (this.#matching && at < this.#keys.length && this.#keys[at] === key && this.#depths[at] === depth)
      return this.#columns[at] as ColumnKey;
    this.#matching = false;
    this.#known = -1; // another shape: the verdict must be computed again once this walk ends
    const column = depth === 0 ? columnKey(key) : childColumnKey(parent, key);
    this.#keys[at] = key;
    this.#depths[at] = depth;
    this.#columns[at] = column;
    return column;
  }

  /**
   * Note the next leaf: its column name and whether a segment of its path was renamed.
   *
   * @param name - the leaf's column name
   * @param renamed - whether some attribute name on its path is not its own column name
   */
  leaf(name: string, renamed: boolean): void {
    this.#leafNames[this.#leaves] = name;
    this.#leafRenamed[this.#leaves++] = renamed;
  }

  /**
   * Whether two leaves of the image just walked meet, or a leaf meets a reserved name.
   *
   * @param root - the image (its top-level names)
   * @param reserved - names the row already uses
   * @returns true when the columns must be named again with collisions resolved
   */
  collides(root: Image, reserved: ReadonlySet<string>): boolean {
    if (this.#matching && this.#known === this.#visited && this.#keys.length === this.#visited) return this.#collision;
    this.#keys.length = this.#visited;
    this.#depths.length = this.#visited;
    this.#columns.length = this.#visited;
    const seen = new Set<string>();
    let collision = false;
    for (let i = 0; i < this.#leaves && !collision; i++)
      collision = meets(this.#leafNames[i] as string, this.#leafRenamed[i] as boolean, seen, root, reserved);
    this.#known = this.#visited;
    this.#collision = collision;
    return collision;
  }
}

/** Whether a leaf's name meets an earlier leaf's (in `seen`, which it joins) or a reserved name. */
function meets(name: string, renamed: boolean, seen: Set<string>, root: Image, reserved: ReadonlySet<string>): boolean {
  // Keys of one map are distinct, so a name without `_` whose path renamed nothing is a top-level
  // key no other leaf can reach except a renamed one; and a renamed name without `_` can only meet
  // such a key, which is checked on the image itself. Only the other names need the set.
  const joined = name.indexOf('_') !== -1;
  if (!joined && reserved.has(name)) return true; // `year`, `month`, `day`, `hour`
  if (!renamed && !joined) return false;
  const size = seen.size;
  seen.add(name);
  if (seen.size === size || (joined && name.charCodeAt(0) === 99 && reserved.has(name))) return true;
  return renamed && !joined && Object.hasOwn(root, name);
}
