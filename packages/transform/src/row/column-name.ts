const SNAKE_CASE = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

/**
 * Turn one attribute name into a lower snake_case column-name segment, as Athena and the Glue
 * crawler need (letters, digits and `_` only; Athena lower-cases names anyway).
 *
 * Names that already are lower snake_case are returned unchanged. Otherwise: accents are
 * stripped (`é` becomes `e`), word boundaries in camelCase / PascalCase / acronyms become `_`, every
 * run of other characters becomes one `_`, and leading/trailing `_` are trimmed. A name with no
 * ASCII letter or digit at all becomes `attr_` plus its code points in hex, so it stays distinct.
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

function convert(name: string): string {
  if (SNAKE_CASE.test(name)) return name;
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (words !== '') return words;
  const codePoints = Array.from(name, (char) => (char.codePointAt(0) ?? 0).toString(16));
  return codePoints.length === 0 ? 'attr' : `attr_${codePoints.join('_')}`;
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
