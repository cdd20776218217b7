const SNAKE_CASE = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;
// A snake_case name within the length limit is its own column name.
const isFinalName = (name: string): boolean => name.length <= 255 && SNAKE_CASE.test(name);

/**
 * Turn one attribute name into a lower snake_case column-name segment, as Athena and the Glue
 * crawler need (letters, digits and `_` only; Athena lower-cases names anyway).
 *
 * Names that already are lower snake_case (and at most 255 characters) are returned unchanged. Otherwise: accents are
 * stripped (`é` becomes `e`), word boundaries in camelCase / PascalCase / acronyms become `_`, every
 * run of other characters becomes one `_`, and leading/trailing `_` are trimmed. A name with no
 * ASCII letter or digit at all becomes `attr_` plus its code points in hex, so it stays distinct.
 * A result over 255 characters becomes its first 238 characters, `_` and 16 hex digits of a hash of the whole name.
 * Different names can still meet (`customerId`, `customer_id`): the row builder resolves that.
 *
 * @param name - attribute name
 * @returns the column-name segment
 * @example
 * ```ts
 * toColumnName('customerId');  //=> 'customer_id'
 * toColumnName('Order Date');  //=> 'order_date'
 * toColumnName('XMLHttpURL2'); //=> 'xml_http_url2'
 * ```
 */
export function toColumnName(name: string): string {
  return columnKey(name).name;
}

/** An attribute name as the row writers use it: its column name, and the JSON member that starts it. */
export interface ColumnKey {
  /** {@link toColumnName} of the attribute name. */
  readonly name: string;
  /** `,"name":`, the text that starts the column's member (writers drop the first member's comma). */
  readonly member: string;
  /** Whether the attribute name already is its column name. */
  readonly exact: boolean;
}

/**
 * {@link toColumnName} of an attribute name, with the member text the row writers need, in one
 * cached lookup. Attribute names (and the joined names of nested columns, which are their own
 * column names) repeat in every record of a batch; the last few thousand are remembered. Bounded,
 * and invisible to callers: the result depends only on the argument.
 *
 * @param name - attribute name, or an already joined column name
 * @returns its column name and member text
 */
export function columnKey(name: string): ColumnKey {
  let key = cache.get(name);
  if (key === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const column = convert(name);
    key = { name: column, member: `,"${column}":`, exact: column === name };
    cache.set(name, key);
  }
  return key;
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, ColumnKey>();

/**
 * The column of a nested attribute: `name` is {@link joinColumnName} of the parent's column name and
 * the attribute name's segment, `member` is what {@link columnKey} of that name gives, and `exact`
 * says whether the attribute name is its own segment. Cached per parent, like {@link columnKey}, so
 * a nested leaf costs two lookups instead of joining, flattening and hashing its name in every record.
 *
 * @param parent - the parent map's column name
 * @param name - the nested attribute name
 * @returns its column name, member text and whether its segment renamed nothing
 */
export function childColumnKey(parent: string, name: string): ColumnKey {
  let children = childCache.get(parent);
  if (children === undefined) {
    if (childCache.size >= CACHE_LIMIT) childCache.clear();
    children = new Map();
    childCache.set(parent, children);
  }
  let key = children.get(name);
  if (key === undefined) {
    if (children.size >= CACHE_LIMIT) children.clear();
    const segment = columnKey(name);
    const joined = joinColumnName(parent, segment.name);
    key = { name: joined, member: columnKey(joined).member, exact: segment.exact };
    children.set(name, key);
  }
  return key;
}

const childCache = new Map<string, Map<string, ColumnKey>>();

function convert(name: string): string {
  if (isFinalName(name)) return name;
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (words !== '') return shortenColumnName(words);
  const codePoints = Array.from(name, (char) => (char.codePointAt(0) ?? 0).toString(16));
  return codePoints.length === 0 ? 'attr' : shortenColumnName(`attr_${codePoints.join('_')}`);
}

/** Longest column name Glue and Athena accept. @see https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html */
export const MAX_COLUMN_NAME_LENGTH = 255;

/**
 * Keep a column name within {@link MAX_COLUMN_NAME_LENGTH}: a longer name becomes its first 238
 * characters, `_`, and 16 hex digits of a 64-bit FNV-1a hash of the whole name (255 characters),
 * so it stays deterministic, lower-case and distinct.
 *
 * @param name - a lower snake_case column name
 * @returns the name, or its shortened form
 * @example
 * ```ts
 * shortenColumnName('a'.repeat(300)).length; //=> 255
 * ```
 */
export function shortenColumnName(name: string): string {
  if (name.length <= MAX_COLUMN_NAME_LENGTH) return name;
  return `${name.slice(0, MAX_COLUMN_NAME_LENGTH - 17)}_${fnv1a64Hex(name)}`;
}

/** 64-bit FNV-1a of the UTF-16 code units, as 16 hex digits (two 32-bit halves, no BigInt). */
function fnv1a64Hex(text: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    low ^= text.charCodeAt(i);
    // multiply (high, low) by the 64-bit FNV prime 0x100000001b3 = 2^40 + 0x1b3
    const lowProduct = low * 0x1b3;
    const carry = Math.floor(lowProduct / 0x100000000);
    const newHigh = (Math.imul(high, 0x1b3) + Math.imul(low, 0x100) + carry) >>> 0;
    low = lowProduct >>> 0;
    high = newHigh;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/**
 * The column name of a nested attribute: its parent's column name, `_`, its own segment,
 * shortened by {@link shortenColumnName} when the result is too long.
 *
 * @param parent - the parent map's column name
 * @param segment - {@link toColumnName} of the attribute name
 * @returns the joined column name
 * @example
 * ```ts
 * joinColumnName('customer', 'city'); //=> 'customer_city'
 * ```
 */
export function joinColumnName(parent: string, segment: string): string {
  return shortenColumnName(`${parent}_${segment}`);
}

/**
 * Whether `name` is already a lower snake_case column name (so {@link toColumnName} keeps it).
 *
 * @param name - candidate
 * @returns true for e.g. `customer_id`, false for `customerId` or `_x`
 */
export function isColumnName(name: string): boolean {
  return columnKey(name).exact;
}
