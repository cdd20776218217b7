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
  let column = cache.get(name);
  if (column === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    column = convert(name);
    cache.set(name, column);
  }
  return column;
}

// Attribute names repeat in every record of a batch; remembering the last few thousand saves the
// conversion. Bounded, and invisible to callers: the result depends only on the argument.
const CACHE_LIMIT = 4096;
const cache = new Map<string, string>();

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
  return toColumnName(name) === name;
}
